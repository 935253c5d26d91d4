// `npm run test:html [-- dir …]`: checks every HTML page of one or more built
// sites (default `dist`) with the W3C Nu HTML Checker (the `vnu-jar` package,
// run on the machine's Java). Errors fail a page; warnings and notes do not.
// Prints each error with its page, position and the markup around it, and ends
// with one line of page counts: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));
const JAVA = process.env.JAVA || 'java';

/** Every `.html` file under `dir`, as absolute paths. */
function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The checker reads pages from `file:` URLs, where a CSP source of 'self' can
 * match nothing (a file has no origin), so it reports every same-site script
 * and stylesheet as blocked by the page's CSP <meta>. Those notes describe the
 * file scheme, not the site (served over HTTP the same resources are allowed,
 * which the browser tests check under the real headers): they are ignored.
 * vnu 26 reports them as warnings, which do not count anyway; this keeps them
 * out should a later version raise them to errors. Nothing else is ignored.
 */
function fileSchemeCspNote(message) {
  return (
    /violates Content Security Policy/.test(message.message) &&
    /external (script|stylesheet)/.test(message.message) &&
    message.url?.startsWith('file:')
  );
}

/** Whether a checker message fails its page. */
function counts(message) {
  return (message.type === 'error' || message.type === 'non-document-error') && !fileSchemeCspNote(message);
}

const dirs = (process.argv.length > 2 ? process.argv.slice(2) : [process.env.OUT_DIR || 'dist']).map((dir) =>
  resolve(ROOT, dir),
);
const pages = [];
for (const dir of dirs) {
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir} holds no built site (no index.html): run npm run build first.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  pages.push(...htmlFiles(dir));
}

// One run of the checker for every page (starting Java once): JSON on stderr.
const run = spawnSync(JAVA, ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...pages], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error || run.status !== 0) {
  console.error(
    run.error?.code === 'ENOENT'
      ? `No Java (${JAVA}): apt-get install -y default-jre-headless`
      : `The checker failed to run:\n${run.stderr || run.error?.message}`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const { messages } = JSON.parse(run.stdout);

/** A page's path as printed: relative to the working folder when it lies inside it. */
function shown(file) {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path;
}

/** Errors by page path. */
const errors = new Map();
for (const message of messages.filter(counts)) {
  const file = message.url?.startsWith('file:') ? fileURLToPath(message.url) : (message.url ?? '(checker)');
  if (!errors.has(file)) errors.set(file, []);
  errors.get(file).push(message);
}
for (const [file, list] of errors) {
  for (const message of list) {
    const at = message.lastLine ? `:${message.lastLine}:${message.firstColumn ?? message.lastColumn}` : '';
    const extract = message.extract ? `\n    ${message.extract.replace(/\s+/g, ' ').trim()}` : '';
    console.log(
      `${shown(file)}${at}: ${message.subType === 'fatal' ? 'fatal error' : 'error'}: ${message.message}${extract}`,
    );
  }
}
// An error the checker could not tie to one of the pages fails the run as a page of its own.
const failed =
  pages.filter((page) => errors.has(page)).length + [...errors.keys()].filter((file) => !pages.includes(file)).length;
console.log(`${pages.length - pages.filter((page) => errors.has(page)).length} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
