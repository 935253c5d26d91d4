/**
 * `npm run bench [-- --scales 1,2,4] [--seed S] [--no-baseline] [--incremental] [--cpu-prof] [--write]`
 *
 * Builds a synthetic corpus (scripts/corpus.ts) at each scale with this
 * project and with the bare Astro project in bench/baseline/, and prints a
 * table: pages, wall time, pages/s, peak RSS, and the time in each phase.
 * Every build runs in a throwaway project root under /tmp/explainer-bench
 * (copies of src/ and the config, a symlink to node_modules), never in the
 * repository, so it does not touch the shared `.astro/` folder.
 *
 * --incremental  also measures, at every scale, a rebuild after editing one statement
 *                (same cache as the cold build before it) and, after it, a build
 *                into an empty output folder with that warm cache.
 * --cpu-prof     writes a V8 CPU profile of each of our builds to /tmp/explainer-bench/prof.
 * --write        writes the results to docs/performance.md (between the RESULTS markers).
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { writeCorpus } from '../scripts/corpus.ts';

const REPO = resolve(import.meta.dirname, '..');
const WORK = process.env['BENCH_DIR'] ?? '/tmp/explainer-bench';

/** Measurements of one build. */
export interface BuildRun {
  label: string;
  scale: number;
  pages: number;
  wallMs: number;
  peakRssKb: number;
  /** User + system CPU time of the build (less sensitive than wall time to other load on the machine). */
  cpuMs: number;
  /** Named phases in ms (undefined when not measured). */
  phases: Record<string, number | undefined>;
  ok: boolean;
  log: string;
}

/** Render time per first path segment (`actors`, `share`, …) from Astro's "├─ /path (+12ms)" lines. */
export function routeTimes(log: string): Map<string, { pages: number; ms: number }> {
  const times = new Map<string, { pages: number; ms: number }>();
  for (const match of log.matchAll(/├─ \/([^/\s]+)\S*\s+\(\+([\d.]+)(ms|s)\)/g)) {
    const section = match[1]!.replace(/\.(html|xml|txt)$/, '');
    const entry = times.get(section) ?? { pages: 0, ms: 0 };
    entry.pages++;
    entry.ms += Number(match[2]) * (match[3] === 's' ? 1000 : 1);
    times.set(section, entry);
  }
  return times;
}

/** Milliseconds per page for each route section, one column per build. */
export function routeTable(runs: BuildRun[]): string {
  const times = runs.map((run) => routeTimes(run.log));
  const sections = [...new Set(times.flatMap((t) => [...t.keys()]))]
    .filter((s) => times.some((t) => (t.get(s)?.pages ?? 0) > 1 || (t.get(s)?.ms ?? 0) > 50))
    .sort();
  const head = ['route', ...runs.map((r) => `${r.label} ×${r.scale} ms/page (pages)`)];
  const rows = sections.map((section) => [
    section,
    ...times.map((t) => {
      const entry = t.get(section);
      return entry ? `${(entry.ms / entry.pages).toFixed(1)} (${entry.pages})` : '–';
    }),
  ]);
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

interface Line {
  at: number;
  text: string;
}

const strip = (text: string) => stripVTControlCharacters(text);

/** Milliseconds between the first line matching `from` and the first later line matching `to`. */
function between(lines: Line[], from: RegExp, to: RegExp): number | undefined {
  const start = lines.findIndex((l) => from.test(l.text));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && to.test(l.text));
  return end < 0 ? undefined : Math.round(lines[end]!.at - lines[start]!.at);
}

/** Sum of the numbers a pattern captures (in ms) across all lines. */
function sumOf(lines: Line[], pattern: RegExp): number | undefined {
  let total: number | undefined;
  for (const line of lines) {
    const match = pattern.exec(line.text);
    if (match) total = (total ?? 0) + Number(match[1]);
  }
  return total === undefined ? undefined : Math.round(total);
}

/** The last "✓ Completed in 6.61s." / "… in 661ms" of the route generation step, in ms. */
function renderTime(lines: Line[]): number | undefined {
  const start = lines.findIndex((l) => /generating static routes/.test(l.text));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const match = /^(?:\d\d:\d\d:\d\d )?✓ Completed in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(lines[i]!.text.trim());
    if (match) return Math.round(Number(match[1] ?? 0) * 60_000 + Number(match[2]) * (match[3] === 's' ? 1000 : 1));
  }
  return undefined;
}

function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += countPages(path);
    else if (name.endsWith('.html')) n++;
  }
  return n;
}

/** Makes a throwaway project root: copies of the project files, node_modules linked. */
export function makeRoot(from: string, to: string, entries: readonly string[]): string {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const entry of entries)
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(to, 'node_modules'));
  return to;
}

/** Runs `astro build` in a root under /usr/bin/time, timestamping each log line as it arrives. */
export function astroBuild(
  root: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ lines: Line[]; wallMs: number; peakRssKb: number; cpuMs: number; status: number | null }> {
  const timeFile = join(root, '.time.txt');
  const useTime = existsSync('/usr/bin/time');
  const command = [process.execPath, ...nodeArgs, join(root, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const [bin, ...args] = useTime ? ['/usr/bin/time', '-v', '-o', timeFile, ...command] : command;
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(bin!, args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let peakSampled = 0;
    // Fallback when /usr/bin/time is missing: sample the child's RSS.
    const sampler = useTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            peakSampled = Math.max(peakSampled, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
          } catch {
            /* exited */
          }
        }, 100);
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const at = performance.now() - started;
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) lines.push({ at, text: strip(text) });
      });
    }
    child.on('error', fail);
    child.on('close', (status) => {
      const wallMs = Math.round(performance.now() - started);
      if (sampler) clearInterval(sampler);
      let peakRssKb = peakSampled;
      let cpuMs = 0;
      if (useTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        peakRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0);
        cpuMs = Math.round(
          1000 *
            (Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1] ?? 0) +
              Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1] ?? 0)),
        );
      }
      done({ lines, wallMs, peakRssKb, cpuMs, status });
    });
  });
}

/** Phases of one of our builds, from Astro's log and our EXPLAINER_TIMING lines. */
export function ourPhases(lines: Line[]): Record<string, number | undefined> {
  return {
    'content check': sumOf(lines, /content checked in (\d+) ms/),
    'content layer': between(lines, /\[content\] Syncing content/, /\[content\] Synced content/),
    bundle: between(lines, /Building static entrypoints/, /\[vite\] ✓ built in/),
    'site index': sumOf(lines, /\[explainer:timing\] site index built in ([\d.]+) ms/),
    render: renderTime(lines),
  };
}

async function runPagefind(outDir: string): Promise<number | undefined> {
  const bin = join(REPO, 'node_modules/.bin/pagefind');
  if (!existsSync(bin)) return undefined;
  const started = performance.now();
  await new Promise<void>((done) =>
    spawn(bin, ['--site', outDir, '--output-subdir', 'pagefind'], { stdio: 'ignore' }).on('close', () => done()),
  );
  return Math.round(performance.now() - started);
}

/** `--src DIR`: build another copy of src/ (for before/after comparisons). */
let srcOverride: string | undefined;

function makeProjectRoot(root: string): void {
  makeRoot(
    REPO,
    root,
    [srcOverride ? '' : 'src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'].filter(Boolean),
  );
  if (srcOverride) cpSync(srcOverride, join(root, 'src'), { recursive: true });
}

/** One build of this project on a content folder. */
export async function buildOurs(
  scale: number,
  content: string,
  options: { cpuProf?: boolean; keepCache?: string; label?: string } = {},
): Promise<BuildRun> {
  const root = join(WORK, 'root');
  if (!options.keepCache) makeProjectRoot(root);
  const outDir = join(WORK, 'out');
  if (!options.keepCache) rmSync(outDir, { recursive: true, force: true });
  const cacheDir = options.keepCache ?? join(WORK, 'cache');
  if (!options.keepCache) rmSync(cacheDir, { recursive: true, force: true });
  const profDir = join(WORK, 'prof');
  if (options.cpuProf) mkdirSync(profDir, { recursive: true });
  const nodeArgs = options.cpuProf
    ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=ours-scale-${scale}-${Date.now()}.cpuprofile`]
    : [];
  const result = await astroBuild(
    root,
    { CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: cacheDir, EXPLAINER_TIMING: '1' },
    nodeArgs,
  );
  const phases = ourPhases(result.lines);
  // Search indexing is part of the build when an integration runs Pagefind; otherwise time the CLI on the output.
  phases['search index'] =
    sumOf(result.lines, /search index: \d+ pages in ([\d.]+) ms/) ??
    (result.status === 0 ? await runPagefind(outDir) : undefined);
  return {
    label: options.label ?? 'ours',
    scale,
    pages: countPages(outDir),
    wallMs: result.wallMs,
    peakRssKb: result.peakRssKb,
    cpuMs: result.cpuMs,
    phases,
    ok: result.status === 0,
    log: result.lines.map((l) => l.text).join('\n'),
  };
}

/** One build of the bare baseline project on the same content folder. */
export async function buildBaseline(scale: number, content: string): Promise<BuildRun> {
  const root = makeRoot(join(REPO, 'bench/baseline'), join(WORK, 'baseline-root'), [
    'src',
    'astro.config.mjs',
    'tsconfig.json',
    'package.json',
  ]);
  const outDir = join(WORK, 'baseline-out');
  rmSync(outDir, { recursive: true, force: true });
  const cacheDir = join(WORK, 'baseline-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const result = await astroBuild(root, { CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: cacheDir });
  const phases = {
    'content layer': between(result.lines, /\[content\] Syncing content/, /\[content\] Synced content/),
    bundle: between(result.lines, /Building static entrypoints/, /\[vite\] ✓ built in/),
    render: renderTime(result.lines),
  };
  return {
    label: 'baseline',
    scale,
    pages: countPages(outDir),
    wallMs: result.wallMs,
    peakRssKb: result.peakRssKb,
    cpuMs: result.cpuMs,
    phases,
    ok: result.status === 0,
    log: result.lines.map((l) => l.text).join('\n'),
  };
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));

/** The results as a Markdown table. */
export function table(runs: BuildRun[]): string {
  const phaseNames = ['content check', 'content layer', 'bundle', 'site index', 'render', 'search index'];
  const head = [
    'build',
    'scale',
    'pages',
    'wall s',
    'CPU s',
    'pages/s',
    'peak RSS MB',
    'wall vs scale 1',
    'CPU vs scale 1',
    'wall vs baseline',
    'CPU vs baseline',
    ...phaseNames.map((p) => `${p} s`),
  ];
  const rows = runs.map((run) => {
    const first = runs.find(
      (r) =>
        r.label === run.label && r.scale === Math.min(...runs.filter((x) => x.label === run.label).map((x) => x.scale)),
    );
    const baseline = runs.find((r) => r.label === 'baseline' && r.scale === run.scale);
    return [
      run.ok ? run.label : `${run.label} (FAILED)`,
      String(run.scale),
      String(run.pages),
      seconds(run.wallMs),
      seconds(run.cpuMs),
      (run.pages / (run.wallMs / 1000)).toFixed(0),
      (run.peakRssKb / 1024).toFixed(0),
      first && first !== run ? `${(run.wallMs / first.wallMs).toFixed(2)}×` : '1.00×',
      first && first !== run ? `${(run.cpuMs / first.cpuMs).toFixed(2)}×` : '1.00×',
      baseline && run.label !== 'baseline' ? `${(run.wallMs / baseline.wallMs).toFixed(2)}×` : '–',
      baseline && run.label !== 'baseline' ? `${(run.cpuMs / baseline.cpuMs).toFixed(2)}×` : '–',
      ...phaseNames.map((p) => seconds(run.phases[p])),
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Edits one statement's quote in a corpus folder; returns the statement id. */
function editOneStatement(content: string): string {
  const file = join(content, 'statements', readdirSync(join(content, 'statements')).sort()[0]!);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(
    /(quote|summary): (.*)/,
    (_m, key: string, value: string) => `${key}: ${value.replace(/\.$/, '')} (edited).`,
  );
  writeFileSync(file, edited);
  return /id: (statement-\d+)/.exec(text)?.[1] ?? '?';
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, Linux`;
}

async function main() {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const scales = (value('--scales') ?? '1,2,4').split(',').map(Number);
  const seed = Number(value('--seed') ?? '1');
  const baseline = !args.includes('--no-baseline');
  const cpuProf = args.includes('--cpu-prof');
  srcOverride = value('--src') ? resolve(value('--src')!) : undefined;
  mkdirSync(WORK, { recursive: true });
  process.stdout.write(`Machine: ${machine()}\nWork folder: ${WORK}\n`);
  const runs: BuildRun[] = [];
  const report = (run: BuildRun) => {
    runs.push(run);
    writeFileSync(join(WORK, `log-${run.label.replace(/\W+/g, '-')}-${run.scale}.txt`), run.log);
    process.stdout.write(
      `  ${run.label} scale ${run.scale}: ${run.pages} pages in ${seconds(run.wallMs)} s, peak ${(run.peakRssKb / 1024).toFixed(0)} MB${run.ok ? '' : ' — BUILD FAILED'}\n`,
    );
    if (!run.ok)
      process.stderr.write(
        `${run.log
          .split('\n')
          .filter((l) => !/MODULE_LEVEL_DIRECTIVE|^\s*[│╭╰─]/.test(l))
          .slice(-40)
          .join('\n')}\n`,
      );
  };
  const incremental = args.includes('--incremental');
  const rebuilds: string[] = [];
  for (const scale of scales) {
    const content = join(WORK, `corpus-${scale}`);
    writeCorpus(content, scale, seed);
    process.stdout.write(`Scale ${scale}: corpus written to ${content}\n`);
    const full = await buildOurs(scale, content, { cpuProf });
    report(full);
    if (baseline) report(await buildBaseline(scale, content));
    if (incremental) {
      // The cold build above left its cache in WORK/cache: edit one file and build again with it.
      const cache = join(WORK, 'cache');
      const id = editOneStatement(content);
      const one = await buildOurs(scale, content, { keepCache: cache, label: '1 statement edited', cpuProf });
      report(one);
      const rendered = [...routeTimes(one.log).entries()].map(([section, t]) => `${t.pages} ${section}`).join(', ');
      const count = [...routeTimes(one.log).values()].reduce((n, t) => n + t.pages, 0);
      rebuilds.push(
        `One-file rebuild at scale ${scale} (edited the quote of ${id}): ${seconds(one.wallMs)} s (CPU ${seconds(one.cpuMs)} s) against ${seconds(full.wallMs)} s (CPU ${seconds(full.cpuMs)} s) for the full build with a cold cache (${((one.wallMs / full.wallMs) * 100).toFixed(0)}% wall, ${((one.cpuMs / full.cpuMs) * 100).toFixed(0)}% CPU). Of ${one.pages} pages, ${count} were rendered (${rendered}); the rest were restored from the incremental cache.`,
      );
      // Same content, empty output folder, warm cache (a CI runner that keeps only the cache).
      rmSync(join(WORK, 'out'), { recursive: true, force: true });
      report(await buildOurs(scale, content, { keepCache: cache, label: 'empty dist, warm cache' }));
      writeCorpus(content, scale, seed);
    }
  }
  const incrementalText = rebuilds.join('\n\n');
  const output = `${table(runs)}\n\nRender time per page, by route (from Astro's per-page log; includes waiting when the machine is busy):\n\n${routeTable(runs)}\n${incrementalText ? `\n${incrementalText}\n` : ''}`;
  process.stdout.write(`\n${output}`);
  writeFileSync(join(WORK, `results-${Date.now()}.md`), `Machine: ${machine()}\n\n${output}`);
  if (args.includes('--write')) {
    const doc = join(REPO, 'docs/performance.md');
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '<!-- RESULTS -->\n<!-- /RESULTS -->\n';
    const block = `<!-- RESULTS -->\nMachine: ${machine()}; run ${new Date().toISOString().slice(0, 16)} UTC, seed ${seed}.\n\n${output}<!-- /RESULTS -->`;
    writeFileSync(doc, text.replace(/<!-- RESULTS -->[\s\S]*<!-- \/RESULTS -->/, block));
  }
  if (runs.some((r) => !r.ok)) process.exitCode = 1;
}

if (import.meta.main) await main();
