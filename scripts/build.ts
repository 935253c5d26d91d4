/**
 * The one build entry point (`npm run build`): checks the settings, takes the
 * project's build lock (one build at a time), builds the site into a fresh
 * staging folder and swaps it in place of the output folder only when the
 * build succeeded, so a failed or stopped build leaves the previous output
 * exactly as it was and a successful one replaces it whole
 * (`scripts/lib/site-swap.ts`). Ctrl-C or SIGTERM stops `astro build` too, and
 * the staging folder is removed.
 *
 * `BUILD_DATE` (the "as of" date for role attribution) defaults to the date
 * of the current commit, so building the same commit twice gives the same
 * bytes. Extra arguments go to `astro build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { constants } from 'node:os';
import { withoutViteEnv } from './lib/build-env.ts';
import { acquireBuildLock, BuildLockedError } from '../src/integrations/build-lock.ts';
import {
  bringNear,
  diskFullFilter,
  diskFullMessage,
  isDiskFull,
  removeStale,
  removeSwapFolders,
  swapFolders,
  swapIn,
} from './lib/site-swap.ts';

const root = resolve(import.meta.dirname, '..');
// The settings' relative folders start at the project root, as they do for `astro build`.
process.chdir(root);
// Imported only now, after the chdir: validating the settings prints one line per mistake and exits with code 1.
const { outPath, outputFolderProblem, settings } = await import('../src/settings.ts');

/** The date of the checked-out commit (YYYY-MM-DD), or undefined outside a git checkout. */
function commitDate(): string | undefined {
  const git = spawnSync('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  const date = git.status === 0 ? git.stdout.trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/** Prints one line and ends the process with this code. */
function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const out = outPath(root);
const folderProblem = outputFolderProblem(settings.outDir, root);
if (folderProblem) fail(folderProblem);

let release: () => void;
try {
  release = await acquireBuildLock(root);
} catch (error) {
  fail(
    error instanceof BuildLockedError
      ? error.message
      : `Could not take the build lock in ${join(root, '.astro')}: ${(error as Error).message}`,
  );
}
process.on('exit', () => release());

const folders = swapFolders(root, out, process.pid);
/** The signal that stopped the build, if one did. */
let stoppedBy: NodeJS.Signals | undefined;
/** Exit code for a build stopped by a signal: 128 + its number, as a shell reports it. */
const signalCode = (signal: NodeJS.Signals) => 128 + (constants.signals[signal] ?? 0);

try {
  removeStale(root, out);
  removeSwapFolders(folders);
} catch (error) {
  fail(`Could not clear the leftovers of an earlier build: ${(error as Error).message}`);
}

const buildDate = settings.buildDate ?? commitDate();
const env = withoutViteEnv(process.env);
const astro = spawn(join(root, 'node_modules/.bin/astro'), ['build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'pipe'],
  env: {
    ...env,
    OUT_DIR: folders.staging,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(buildDate ? { BUILD_DATE: buildDate } : {}),
  },
});

// Ctrl-C, SIGTERM or a closed terminal stop `astro build` as well; a second signal kills it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    astro.kill(stoppedBy ? 'SIGKILL' : signal);
    stoppedBy ??= signal;
  });
}

// Astro's errors pass through, except that a full disk gives one line instead of a stack trace.
let diskFull = false;
const filter = diskFullFilter(
  (line) => process.stderr.write(`${line}\n`),
  () => {
    diskFull = true;
  },
);
createInterface({ input: astro.stderr }).on('line', filter);

const code = await new Promise<number>((done) => {
  astro.on('error', (error) => {
    process.stderr.write(`Could not start astro build: ${error.message}\n`);
    done(1);
  });
  astro.on('close', (status, signal) => done(status ?? (signal ? signalCode(signal) : 1)));
});

if (stoppedBy) {
  removeSwapFolders(folders);
  fail(`\nBuild stopped (${stoppedBy}): ${out} was left as it was.`, signalCode(stoppedBy));
}
if (diskFull) {
  removeSwapFolders(folders);
  fail(`\n${diskFullMessage('project', root, out)}`);
}
if (code !== 0) {
  removeSwapFolders(folders);
  fail(`\nBuild failed: ${out} was left as it was.`, code);
}

try {
  await bringNear(out, folders);
  if (stoppedBy) {
    removeSwapFolders(folders);
    fail(`\nBuild stopped (${stoppedBy}): ${out} was left as it was.`, signalCode(stoppedBy));
  }
  swapIn(out, folders);
} catch (error) {
  removeSwapFolders(folders);
  fail(
    `\n${isDiskFull(error) ? diskFullMessage('output', dirname(out), out) : `Could not move the built site into ${out}: ${(error as Error).message}. ${out} was left as it was.`}`,
  );
}
console.log(`\nBuilt ${out}${buildDate ? ` as of ${buildDate}` : ''}.`);
