/**
 * The one static server for a built site, used by `npm run preview` and the
 * browser tests (`tests/e2e/run.mjs`). It serves the site the way a static
 * host does: under the base path, `/x/` from `x/index.html`, `/x` redirected
 * to `/x/` when `x` is a folder, `404.html` with status 404 for a miss, and
 * the headers the build wrote in `_headers` (so the real Content-Security-
 * Policy applies). Sending a file (types, HEAD, ranges, stream errors) is
 * `send`'s job, the library behind Express's static files.
 *
 * Which file a URL names is decided here, once: the path is decoded (a
 * malformed one gets 400), resolved with symbolic links followed, and served
 * only if it is a regular file inside the site folder, so a link that points
 * outside it is a miss. No request can crash the server.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import send from 'send';
import { type HeaderRule, headersForPath, parseHeadersFile } from '../../src/publish/csp.ts';

/** What to serve: the built site's folder and the base path it was built for (`/` or `/explainer/`). */
export interface StaticSite {
  dir: string;
  base: string;
  /** Send the headers of the site's `_headers` file (default); `false` serves as a host that ignores it. */
  headers?: boolean;
}

/** The rules of the site's `_headers` file, none when it has none. */
export function siteHeaders(dir: string): HeaderRule[] {
  try {
    return parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
  } catch {
    return [];
  }
}

/** The real path of a regular file or folder inside `root` (itself real), or undefined. */
function inside(root: string, path: string): { real: string; folder: boolean } | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (real !== root && !real.startsWith(root + sep)) return undefined;
  const stats = statSync(real);
  if (stats.isDirectory()) return { real, folder: true };
  return stats.isFile() ? { real, folder: false } : undefined;
}

/** A path inside the site as a URL path, each segment escaped. */
function urlPath(root: string, real: string): string {
  return relative(root, real).split(sep).filter(Boolean).map(encodeURIComponent).join('/');
}

/** Answers a request with a short plain-text body. */
function plain(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(`${text}\n`);
}

/** Answers with a redirect to a path of this site. */
function redirect(response: ServerResponse, status: 301 | 302, location: string): void {
  response.statusCode = status;
  response.setHeader('Location', location);
  response.end();
}

/**
 * The request handler for a built site. Reads `_headers` and resolves files
 * on every request, so a rebuild (which swaps the folder) is served at once.
 */
export function staticSiteHandler(site: StaticSite): (request: IncomingMessage, response: ServerResponse) => void {
  const { dir, base } = site;

  /** Streams one file of the site, with this status. */
  const sendFile = (request: IncomingMessage, response: ServerResponse, root: string, real: string, status: number) => {
    response.statusCode = status;
    send(request, `/${urlPath(root, real)}`, {
      root,
      dotfiles: 'allow',
      index: false,
      etag: false,
      lastModified: false,
      cacheControl: false,
    })
      // send's errors carry the status to answer with (404 for a file gone since, 416 for a range past the end).
      .on('error', (error: { status?: number; headers?: Record<string, string> }) => {
        if (response.headersSent) return void response.destroy();
        const code = error.status !== undefined && error.status >= 400 && error.status < 600 ? error.status : 500;
        for (const [name, value] of Object.entries(error.headers ?? {})) response.setHeader(name, value);
        plain(response, code, STATUS_CODES[code] ?? 'Error');
      })
      .pipe(response);
  };

  /** The site's `404.html` with status 404, or a plain 404. */
  const notFound = (request: IncomingMessage, response: ServerResponse, root: string | undefined) => {
    const page = root === undefined ? undefined : inside(root, join(root, '404.html'));
    if (root !== undefined && page && !page.folder) sendFile(request, response, root, page.real, 404);
    else plain(response, 404, 'Not found');
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return plain(response, 405, 'Method not allowed');
    }
    const target = request.url ?? '/';
    const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
    const rawPath = target.slice(0, target.length - query.length);
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return plain(response, 400, 'Bad request: malformed URL');
    }
    if (!path.startsWith('/') || path.includes('\0')) return plain(response, 400, 'Bad request');
    const rules = site.headers === false ? [] : siteHeaders(dir);
    response.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of headersForPath(rules, path)) response.setHeader(name, value);

    let root: string;
    try {
      root = realpathSync(dir);
    } catch {
      return plain(response, 404, 'Not found (no built site)');
    }
    if (path === '/' && base !== '/') return redirect(response, 302, base);
    if (`${path}/` === base) return redirect(response, 301, `${base}${query}`);
    if (!path.startsWith(base)) return notFound(request, response, root);

    const found = inside(root, join(root, path.slice(base.length)));
    if (!found) return notFound(request, response, root);
    if (found.folder) {
      // `/x` → `/x/`, built from the folder's own path, so the redirect never leaves the site.
      if (!path.endsWith('/')) return redirect(response, 301, `${base}${urlPath(root, found.real)}/${query}`);
      const index = inside(root, join(found.real, 'index.html'));
      return index && !index.folder
        ? sendFile(request, response, root, index.real, 200)
        : notFound(request, response, root);
    }
    sendFile(request, response, root, found.real, 200);
  };

  return (request, response) => {
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) plain(response, 500, 'Server error');
      else response.destroy();
    }
  };
}

/** A running server: its address and how to stop it. */
export interface RunningServer {
  server: Server;
  /** `http://host:port`, the port the system gave when asked for port 0. */
  url: string;
  close: () => Promise<void>;
}

/** Starts serving a built site; resolves once it listens (rejects on EADDRINUSE and the like). */
export function startStaticServer(site: StaticSite & { host: string; port: number }): Promise<RunningServer> {
  const server = createServer(staticSiteHandler(site));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(site.port, site.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : site.port;
      const host = site.host.includes(':') ? `[${site.host}]` : site.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
