// `npm run new` as a command: what only the command does (reading the story for ids
// already taken or unknown, refusing to overwrite, checking the file before writing
// it, the usage). What each kind of file holds is tested in-process in
// tests/unit/scaffold/scaffold.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContentDir } from '../../src/check/check-content.ts';
import { instantOf } from '../../src/model/times.ts';
import { ROOT } from '../helpers/build.ts';
import { BASE_CONTENT } from '../helpers/error-fixtures.ts';

/** The day the command is told it is, so that no test depends on the clock. */
const TODAY = '2024-03-01';

let work: string;
let content: string;

/** Runs `npm run new` (the script itself) with CONTENT_DIR pointing at a temporary copy of a story. */
function runNew(args: string[], env: Record<string, string> = { EXPLAINER_TODAY: TODAY }) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, ...env },
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-new-'));
  content = join(work, 'content');
  // The minimal story has the actor helena-voss and the source eastholm-bulletin.
  cpSync(BASE_CONTENT, content, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('npm run new', () => {
  test('writes a file dated EXPLAINER_TODAY that passes the checker, prints its path and what to replace', () => {
    const result = runNew([
      'figure',
      'Cost of the barrier',
      '--by',
      'eastholm-council',
      '--source',
      'eastholm-bulletin',
      '--value',
      '300',
    ]);
    expect(result.stderr).not.toContain('npm run new:');
    expect(result.status).toBe(0);
    const path = join(content, 'figures/cost-of-the-barrier.md');
    expect(result.stdout).toBe(path);
    expect(readFileSync(path, 'utf8')).toContain(`date: ${TODAY}`);
    expect(result.stderr).toMatch(/replace the placeholder texts? in: .+\. Then run npm run check/);
    expect(checkContentDir(content, work).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('a day in EXPLAINER_TODAY that is not a date is refused', () => {
    const result = runNew(['actor', 'Cho Tae-yul'], { EXPLAINER_TODAY: '2024-02-30' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('EXPLAINER_TODAY must be a real date');
    expect(existsSync(join(content, 'actors/cho-tae-yul.md'))).toBe(false);
  });

  test('refuses to overwrite, and leaves the file as it was', () => {
    const path = join(content, 'actors/helena-voss.md');
    const before = readFileSync(path, 'utf8');
    const result = runNew(['actor', 'Helena Voss']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  test('refuses an id already used inside a list file', () => {
    // voss-barrier-pledge lives in statements/barrier.yaml.
    const result = runNew([
      'statement',
      'Voss barrier pledge',
      '--speaker',
      'helena-voss',
      '--source',
      'eastholm-bulletin',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"voss-barrier-pledge" already exists');
  });

  test('an unknown speaker is refused with the closest id', () => {
    const result = runNew(['statement', 'Something said', '--speaker', 'helena-vos', '--source', 'eastholm-bulletin']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('did you mean "helena-voss"');
  });

  test('a missing required option is explained', () => {
    const result = runNew(['statement', 'Something said']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--speaker');
  });

  test('a value the schema refuses writes nothing', () => {
    const result = runNew(['source', 'Bad link', '--url', 'javascript:alert(1)']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('`url`');
    expect(existsSync(join(content, 'sources/bad-link.yaml'))).toBe(false);
  });

  test('update: adds an entry on top of a log, with a new id and the time now in the site time zone', () => {
    writeFileSync(join(content, 'site.yaml'), 'timezone: Asia/Kolkata\n');
    const path = join(content, 'statements/barrier.yaml');
    const args = ['update', 'statement', 'voss-barrier-pledge', 'Corrected the quote'];
    const before = Math.floor(Date.now() / 60_000) * 60_000;
    const first = runNew([...args, '--correction'], {});
    const second = runNew(args, {});
    const after = Date.now();
    for (const result of [first, second]) {
      expect(result.stderr).not.toContain('npm run new:');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(path);
    }
    const updates = checkContentDir(content, work).set.statements[0]?.data.updates ?? [];
    expect(updates.map((update) => [update.id, update.correction])).toEqual([
      ['corrected-the-quote-2', undefined],
      ['corrected-the-quote', true],
    ]);
    for (const update of updates) {
      expect(update.time).toMatch(/^\d{2}:\d{2}\+05:30$/);
      const at = instantOf(update.date, update.time);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
    }
    expect(checkContentDir(content, work).problems).toEqual([]);
  });

  test('update: EXPLAINER_TODAY gives the day alone; line endings are kept; an unknown entry is refused', () => {
    const path = join(content, 'articles/barrier-vote.mdx');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const result = runNew(['update', 'article', 'barrier-vote', 'Added the vote count', '--id', 'vote-count']);
    expect(result.status).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(
      `updates:\r\n  - id: vote-count\r\n    date: ${TODAY}\r\n    summary: Added the vote count\r\n`,
    );
    expect(text).toContain(`updated: ${TODAY}\r\n---\r\n`);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(checkContentDir(content, work).problems).toEqual([]);
    const again = runNew(['update', 'article', 'barrier-vote', 'Again', '--id', 'vote-count']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has an update "vote-count"');
    const unknown = runNew(['update', 'statement', 'voss-barrier-pledg', 'x']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('did you mean "voss-barrier-pledge"');
  });

  test('an unknown kind prints the usage', () => {
    const result = runNew(['person', 'X']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Usage: npm run new');
  });
});
