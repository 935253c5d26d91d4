/**
 * The one build entry point (`npm run build`): builds the site into a fresh
 * folder next to the output folder and swaps it in only when the build
 * succeeded, so a failed build leaves the previous output exactly as it was
 * and a successful one replaces it whole.
 *
 * `BUILD_DATE` (the "as of" date for role attribution) defaults to the date
 * of the current commit, so building the same commit twice gives the same
 * bytes. Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { withoutViteEnv } from '../src/lib/build-env.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env['OUT_DIR'] || 'dist');
const stamp = `${process.pid}`;
const staging = join(dirname(out), `.${basename(out)}.building-${stamp}`);
const previous = join(dirname(out), `.${basename(out)}.previous-${stamp}`);

/** The date of the checked-out commit (YYYY-MM-DD), or undefined outside a git checkout. */
function commitDate(): string | undefined {
  const git = spawnSync('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d'], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const date = git.status === 0 ? git.stdout.trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/** Removes staging folders left by builds that were killed before they could clean up. */
function removeStale(): void {
  const prefix = `.${basename(out)}.`;
  for (const name of readdirSync(dirname(out))) {
    const match = /\.(building|previous)-(\d+)$/.exec(name);
    if (!name.startsWith(prefix) || !match) continue;
    let alive = true;
    try {
      process.kill(Number(match[2]), 0);
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(dirname(out), name), { recursive: true, force: true });
  }
}

mkdirSync(dirname(out), { recursive: true });
removeStale();
const buildDate = process.env['BUILD_DATE'] || commitDate();
const env = withoutViteEnv(process.env);
rmSync(staging, { recursive: true, force: true });
const astro = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...env, OUT_DIR: staging, ASTRO_TELEMETRY_DISABLED: '1', ...(buildDate ? { BUILD_DATE: buildDate } : {}) },
});

if (astro.status !== 0 || !existsSync(join(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${out} was left as it was.`);
  process.exit(astro.status || 1);
}

// Swap: the old output moves aside, the new one takes its name, the old one goes.
if (existsSync(out)) renameSync(out, previous);
renameSync(staging, out);
rmSync(previous, { recursive: true, force: true });
console.log(`\nBuilt ${out}${buildDate ? ` as of ${buildDate}` : ''}.`);
