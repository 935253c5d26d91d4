/**
 * `npm run preview`: serves the built site the way a static host does, to
 * check it before deploying (`scripts/lib/static-server.ts`): under
 * BASE_PATH, `404.html` for unknown paths, and the headers from `_headers`,
 * so the Content-Security-Policy is enforced as it will be in production.
 *
 * Environment: the build's settings (OUT_DIR, BASE_PATH; `src/settings.ts`),
 * PORT (4321; 0 picks a free one) and HOST (127.0.0.1).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStaticServer } from './lib/static-server.ts';

const root = resolve(import.meta.dirname, '..');
// The settings' relative folders start at the project root; importing them checks them (one line per mistake, exit 1).
process.chdir(root);
const { outPath, quoteValue, settings } = await import('../src/settings.ts');

/** Prints one line and exits with code 1. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const rawPort = process.env['PORT'] || '4321';
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535)
  fail(
    `Setting PORT=${quoteValue(rawPort)} is not a port number. Fix: set it to a number from 1 to 65535, e.g. PORT=4321, or 0 to pick a free one.`,
  );
const host = process.env['HOST'] || '127.0.0.1';
if (!/^[A-Za-z0-9.:-]+$/.test(host))
  fail(
    `Setting HOST=${quoteValue(host)} is not a host name or address. Fix: set it to the address to listen on, e.g. HOST=127.0.0.1, or HOST=0.0.0.0 for every network.`,
  );

const dir = outPath(root);
if (!existsSync(join(dir, 'index.html'))) fail(`No built site in ${dir}: run \`npm run build\` first.`);

try {
  const { url } = await startStaticServer({ dir, base: settings.base, host, port });
  console.log(`Serving ${dir} at ${url}${settings.base}`);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  fail(
    code === 'EADDRINUSE'
      ? `Port ${port} on ${host} is in use. Fix: stop what listens there, or set PORT to another port (PORT=0 picks a free one).`
      : `Could not listen on ${host}:${port} (${message}). Fix: set HOST and PORT to an address this machine has, e.g. HOST=127.0.0.1 PORT=4321.`,
  );
}
