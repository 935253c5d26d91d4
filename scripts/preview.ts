/**
 * `npm run preview`: serves the built site the way a static host does, to
 * check it before deploying. Files are served under BASE_PATH (as on GitHub
 * Pages), `/x/` serves `x/index.html`, `/x` redirects to `/x/` when `x` is a
 * folder, unknown paths get `404.html` with status 404, and the `_headers`
 * file (Netlify / Cloudflare Pages format) is applied, so the
 * Content-Security-Policy is enforced as it will be in production.
 *
 * Environment: OUT_DIR (default dist), BASE_PATH (default /), PORT (4321; 0 picks a free one), HOST (127.0.0.1).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', process.env['OUT_DIR'] || 'dist');
const base = `/${(process.env['BASE_PATH'] || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const port = Number(process.env['PORT'] || 4321);
const host = process.env['HOST'] || '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Rules of a `_headers` file: a path pattern (`*` matches anything) and its headers. */
function readHeaderRules(): { pattern: RegExp; headers: [string, string][] }[] {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      rules.push({ pattern, headers: [] });
    } else {
      const colon = line.indexOf(':');
      if (colon > 0) rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built site in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}
const rules = readHeaderRules();

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://preview');
  const path = decodeURIComponent(url.pathname);
  for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) response.setHeader(name, value);
  const send = (status: number, file: string) => {
    response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
  const notFound = () => {
    const page = join(root, '404.html');
    if (existsSync(page)) send(404, page);
    else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  };
  if (path === '/' && base !== '/') return void response.writeHead(302, { Location: base }).end();
  if (!path.startsWith(base) && `${path}/` !== base) return notFound();
  if (`${path}/` === base) return void response.writeHead(301, { Location: base }).end();
  const file = normalize(join(root, path.slice(base.length)));
  if (file !== root && !file.startsWith(root + sep)) return notFound();
  if (!existsSync(file)) return notFound();
  if (statSync(file).isDirectory()) {
    if (!path.endsWith('/')) return void response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    const index = join(file, 'index.html');
    return existsSync(index) ? send(200, index) : notFound();
  }
  send(200, file);
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving ${root} at http://${host}:${actual}${base}`);
});
