import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { withoutViteEnv } from '../../../scripts/lib/build-env.ts';

const ROOT = join(import.meta.dirname, '../../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Every command that reads the settings stops on a wrong one before doing anything. */
const COMMANDS: [string, string[]][] = [
  ['npm run build', ['scripts/build.ts']],
  ['npm run check', ['scripts/check.ts']],
  ['astro build', [ASTRO, 'build']],
  ['astro dev', [ASTRO, 'dev', '--port', '0']],
  ['npm run preview', ['scripts/preview.ts']],
];

/** Runs a command with these settings; the settings are checked before anything is built or served. */
function run(args: string[], env: Record<string, string>) {
  const base = withoutViteEnv(process.env);
  for (const name of Object.keys(base)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete base[name];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: result.status, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

describe('a wrong setting stops every command with one line each and exit code 1', () => {
  test.each(COMMANDS)('%s', (_name, args) => {
    const { status, stderr, output } = run(args, { BUILD_DATE: 'yesterday', SITE_URL: 'javascript:alert(1)\u001b[2J' });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'Setting SITE_URL="javascript:alert(1)\\x1b[2J" contains a control or text-direction character. Fix: set it to the public address of the site, scheme and host only, e.g. SITE_URL=https://news.example.com (a subfolder goes in BASE_PATH).',
      'Setting BUILD_DATE="yesterday" is not a date in the form YYYY-MM-DD. Fix: write it as YYYY-MM-DD, e.g. BUILD_DATE=2024-11-04, or leave it unset to build as of the commit date.',
    ]);
    expect(output).not.toMatch(/ZodError|Stack trace|^\s+at /m);
  });
});

test('npm run preview: PORT and HOST are checked the same way', () => {
  const { status, stderr } = run(['scripts/preview.ts'], { PORT: '80a', HOST: 'localhost\u001b[2J' });
  expect(status).toBe(1);
  expect(stderr).toBe(
    'Setting PORT="80a" is not a port number. Fix: set it to a number from 1 to 65535, e.g. PORT=4321, or 0 to pick a free one.\n',
  );
});

describe('npm run build refuses an output folder that would delete the content, before touching anything', () => {
  const temp = mkdtempSync(join(tmpdir(), 'explainer-guard-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  test.each([
    ['the content folder itself', 'content'],
    ['the folder that holds the content', '.'],
  ])('OUT_DIR = %s', (_name, out) => {
    const story = join(temp, out === '.' ? 'parent' : 'same');
    const content = join(story, 'content');
    mkdirSync(join(content, 'actors'), { recursive: true });
    writeFileSync(join(content, 'actors', 'someone.md'), '---\nname: Someone\n---\n');
    writeFileSync(join(story, 'notes.txt'), 'not part of any build');
    const { status, stderr } = run(['scripts/build.ts'], {
      CONTENT_DIR: content,
      OUT_DIR: join(story, out),
      CACHE_DIR: join(temp, 'cache'),
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(
      out === '.'
        ? /^Setting OUT_DIR=".*" contains the content folder \(CONTENT_DIR\)/
        : /^Setting OUT_DIR=".*" is the content folder \(CONTENT_DIR\)/,
    );
    expect(readdirSync(content, { recursive: true }).sort()).toEqual(['actors', join('actors', 'someone.md')]);
    expect(existsSync(join(story, 'notes.txt'))).toBe(true);
    expect(readdirSync(story).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
