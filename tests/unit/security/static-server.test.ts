import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startStaticServer } from '../../../scripts/lib/static-server.ts';
import { headersFile, headersForPath, parseHeadersFile, parsePolicy } from '../../../src/publish/csp.ts';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";

/** One response, read whole. */
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a request with the path exactly as given (no normalisation of `..` or `//`, unlike fetch). */
function get(
  server: RunningServer,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const temp = mkdtempSync(join(tmpdir(), 'explainer-server-'));

/** Writes a small built site for a base path, with a file and a folder outside it that links point to. */
function writeSite(name: string, base: string): string {
  const dir = join(temp, name);
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    '404.html': '<h1>not here</h1>',
    'actors/x/index.html': '<h1>actor x</h1>',
    'rss.xml': '<?xml version="1.0"?><rss/>',
    '_astro/site.css': 'body{}',
    'empty-folder/.keep': '',
    _headers: headersFile(base, parsePolicy(POLICY)),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(temp, 'outside', 'secret.txt'), join(dir, 'leak.txt'));
  symlinkSync(join(temp, 'outside'), join(dir, 'up'));
  symlinkSync(join(dir, 'rss.xml'), join(dir, 'feed.xml'));
  symlinkSync('/', join(dir, 'root'));
  // A named pipe: reading it would wait forever.
  spawnSync('mkfifo', [join(dir, 'pipe.html')]);
  return dir;
}

let atRoot: RunningServer;
let inFolder: RunningServer;
beforeAll(async () => {
  mkdirSync(join(temp, 'outside'), { recursive: true });
  writeFileSync(join(temp, 'outside', 'secret.txt'), 'secret');
  atRoot = await startStaticServer({ dir: writeSite('root-site', '/'), base: '/', host: '127.0.0.1', port: 0 });
  inFolder = await startStaticServer({
    dir: writeSite('folder-site', '/explainer/'),
    base: '/explainer/',
    host: '127.0.0.1',
    port: 0,
  });
});
afterAll(async () => {
  await atRoot?.close();
  await inFolder?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('the static server serves a built site the way a static host does', () => {
  test.each<[string, number, string | RegExp]>([
    ['/', 200, '<h1>home</h1>'],
    ['/actors/x/', 200, '<h1>actor x</h1>'],
    ['/actors/x/index.html', 200, '<h1>actor x</h1>'],
    ['/_astro/site.css', 200, 'body{}'],
    ['/feed.xml', 200, '<rss/>'],
    ['/nope/', 404, '<h1>not here</h1>'],
    ['/empty-folder/', 404, '<h1>not here</h1>'],
  ])('GET %s → %i', async (path, status, body) => {
    const answer = await get(atRoot, path);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatch(body);
  });

  test('a folder without its slash is redirected to it, never to another host', async () => {
    expect((await get(atRoot, '/actors/x')).headers.location).toBe('/actors/x/');
    expect((await get(atRoot, '/actors/x?q=1')).headers.location).toBe('/actors/x/?q=1');
    // `//actors/x` would read as a protocol-relative URL (host "actors") if echoed back.
    const doubled = await get(atRoot, '//actors/x');
    expect(doubled.status).toBe(301);
    expect(doubled.headers.location).toBe('/actors/x/');
  });

  test('types, HEAD and the headers from _headers, on pages and on the 404 page alike', async () => {
    const page = await get(atRoot, '/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const missing = await get(atRoot, '/nope/');
    expect(missing.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    expect((await get(atRoot, '/_astro/site.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await get(atRoot, '/', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String('<h1>home</h1>'.length)]);
  });

  test('under a base path', async () => {
    expect((await get(inFolder, '/explainer/actors/x/')).body).toBe('<h1>actor x</h1>');
    expect((await get(inFolder, '/')).headers.location).toBe('/explainer/');
    expect((await get(inFolder, '/explainer')).headers.location).toBe('/explainer/');
    expect((await get(inFolder, '/explainer/actors/x')).headers.location).toBe('/explainer/actors/x/');
    const outside = await get(inFolder, '/actors/x/');
    expect([outside.status, outside.body]).toEqual([404, '<h1>not here</h1>']);
    expect((await get(inFolder, '/explainer/')).headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('no URL reads outside the site or crashes the server', () => {
  test.each<[string, number]>([
    ['/%E0%A4%A', 400],
    ['/%', 400],
    ['/%ff', 400],
    ['/%00', 400],
    ['/index.html%00.css', 400],
    ['/../outside/secret.txt', 404],
    ['/%2e%2e/outside/secret.txt', 404],
    ['/..%2foutside%2fsecret.txt', 404],
    ['/leak.txt', 404],
    ['/up/secret.txt', 404],
    ['/root/etc/passwd', 404],
    ['/pipe.html', 404],
    ['*', 400],
    ['http://other.example/', 400],
  ])('GET %s → %i', async (path, status) => {
    const answer = await get(atRoot, path);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain('secret');
  });

  test('odd methods and ranges get an answer, and the server still serves afterwards', async () => {
    expect((await get(atRoot, '/', { method: 'POST' })).status).toBe(405);
    expect((await get(atRoot, '/rss.xml', { headers: { range: 'bytes=5-2' } })).status).toBe(416);
    expect((await get(atRoot, '/rss.xml', { headers: { range: 'bytes=999999-' } })).status).toBe(416);
    expect((await get(atRoot, '/rss.xml', { headers: { range: 'bytes=0-4' } })).body).toBe('<?xml');
    expect((await get(atRoot, '/')).status).toBe(200);
  });
});

describe('_headers: the one reader of the file the build writes', () => {
  test('reads back what headersFile writes, for the paths under the base', () => {
    const rules = parseHeadersFile(headersFile('/explainer/', parsePolicy(POLICY)));
    expect(rules.map((rule) => rule.path)).toEqual(['/explainer/*']);
    const headers = Object.fromEntries(headersForPath(rules, '/explainer/actors/x/'));
    expect(headers).toMatchObject({
      'Content-Security-Policy': `${POLICY}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(headersForPath(rules, '/actors/x/')).toEqual([]);
  });

  test.each<[string, string, [string, string][]]>([
    [
      '# comment\n/a/*\n  X-One: 1\n\n/a/b\n  X-Two: 2\n',
      '/a/b',
      [
        ['X-One', '1'],
        ['X-Two', '2'],
      ],
    ],
    ['/a/*\r\n  X-One: 1\r\n/*\r\n  x-one: 2\r\n', '/a/', [['X-One', '1, 2']]],
    ['/news/:year/*\n  X-Year: yes\n', '/news/2024/x/', [['X-Year', 'yes']]],
    ['/news/:year/*\n  X-Year: yes\n', '/news/2024', []],
    ['/a.b\n  X-Dot: 1\n', '/axb', []],
    ['  X-Orphan: 1\n/x\n  bad header: 1\n  X-Ok: a: b\n', '/x', [['X-Ok', 'a: b']]],
  ])('%j for %s', (text, path, expected) => {
    expect(headersForPath(parseHeadersFile(text), path)).toEqual(expected);
  });
});
