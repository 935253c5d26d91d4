import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent, ROOT } from '../helpers/build.ts';

let work: string;
let content: string;

/** Runs `npm run new` (the script itself) with CONTENT_DIR pointing at a temporary copy of a story. */
function runNew(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-new-'));
  content = join(work, 'content');
  // The minimal story has the actor helena-voss and the source eastholm-bulletin.
  cpSync(join(ROOT, 'tests/fixtures/minimal/content'), content, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const COMMANDS: [string, string[], string][] = [
  ['actor', ['actor', 'Cho Tae-yul'], 'actors/cho-tae-yul.md'],
  ['actor with a kind', ['actor', 'Eastholm Harbour Board', '--kind', 'government-body'], 'actors/eastholm-harbour-board.md'],
  ['source', ['source', 'Barrier costs rise: council', '--publisher', 'Eastholm Gazette', '--type', 'news-report', '--url', 'https://example.com/x'], 'sources/barrier-costs-rise-council.yaml'],
  ['statement', ['statement', 'Voss says the barrier will cost more', '--speaker', 'helena-voss', '--source', 'eastholm-bulletin', '--quote', 'It will cost "more".'], 'statements/voss-says-the-barrier-will-cost-more.yaml'],
  ['event', ['event', 'Barrier construction starts', '--source', 'eastholm-bulletin', '--actor', 'eastholm-council'], 'events/barrier-construction-starts.yaml'],
  ['figure', ['figure', 'Cost of the barrier', '--by', 'eastholm-council', '--source', 'eastholm-bulletin', '--value', '300', '--unit', 'thousand thalers'], 'figures/cost-of-the-barrier.md'],
  ['figure with a range', ['figure', 'Workers on site', '--by', 'helena-voss', '--source', 'eastholm-bulletin', '--low', '40', '--high', '60'], 'figures/workers-on-site.md'],
  ['article', ['article', "What's next for the barrier?"], 'articles/whats-next-for-the-barrier.mdx'],
];

describe('npm run new', () => {
  test.each(COMMANDS)('%s: writes a file that passes the checker', (_name, args, expected) => {
    const result = runNew(...args);
    expect(result.stderr).not.toContain('npm run new:');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(join(content, expected));
    const text = readFileSync(join(content, expected), 'utf8');
    // Actors have no date field; everything else is dated today.
    if (!expected.startsWith('actors/')) expect(text).toContain(today());
    const check = checkContent(content);
    expect(check.output).not.toContain('error:');
    expect(check.status).toBe(0);
    // Every placeholder the command announced is flagged by the checker, with its line and field.
    const announced = /replace the placeholder texts? in: (.+)\. Then/.exec(result.stderr)?.[1]?.split(', ') ?? [];
    // Statements, events and a source given its publisher need no placeholder; actors, figures and articles do.
    expect(announced.length > 0).toBe(/^(actors|figures|articles)\//.test(expected));
    for (const field of announced) {
      expect(check.output).toMatch(new RegExp(`${expected.replace(/[.]/g, '\\.')}:\\d+:\\d+  warning: \`${field}\` placeholder text from "npm run new" is still here`));
    }
    if (announced.length > 0) expect(checkContent(content, ['--strict']).status).toBe(1);
  });

  test('once the placeholder is replaced, the warning goes', () => {
    runNew('actor', 'Cho Tae-yul');
    const file = join(content, 'actors/cho-tae-yul.md');
    expect(checkContent(content).output).toContain('placeholder text');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/description: .*/, 'description: South Korean foreign minister.'));
    expect(checkContent(content).output).not.toContain('placeholder text');
  });

  test('the name is kept exactly, the id is kebab-case', () => {
    runNew('actor', 'Cho Tae-yul');
    expect(readFileSync(join(content, 'actors/cho-tae-yul.md'), 'utf8')).toContain('name: Cho Tae-yul');
  });

  test('accents are dropped from the id', () => {
    expect(runNew('actor', 'Josep Borrell Fontellés').stdout).toBe(join(content, 'actors/josep-borrell-fontelles.md'));
  });

  test('refuses to overwrite, and leaves the file as it was', () => {
    const path = join(content, 'actors/helena-voss.md');
    const before = readFileSync(path, 'utf8');
    const result = runNew('actor', 'Helena Voss');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  test('refuses an id already used inside a list file', () => {
    // voss-barrier-pledge lives in statements/barrier.yaml.
    const result = runNew('statement', 'Voss barrier pledge', '--speaker', 'helena-voss', '--source', 'eastholm-bulletin');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"voss-barrier-pledge" already exists');
  });

  test('an unknown speaker is refused with the closest id', () => {
    const result = runNew('statement', 'Something said', '--speaker', 'helena-vos', '--source', 'eastholm-bulletin');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('did you mean "helena-voss"');
  });

  test('a missing required option is explained', () => {
    const result = runNew('statement', 'Something said');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--speaker');
  });

  test('a value the schema refuses writes nothing', () => {
    const result = runNew('source', 'Bad link', '--url', 'javascript:alert(1)');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('`url`');
    expect(() => readFileSync(join(content, 'sources/bad-link.yaml'))).toThrow();
  });

  test('--date and --id override today and the name', () => {
    const result = runNew('source', 'Anything', '--id', 'eastholm-radio-2024-02-14', '--date', '2024-02-14', '--publisher', 'Eastholm Radio');
    expect(result.status).toBe(0);
    expect(readFileSync(join(content, 'sources/eastholm-radio-2024-02-14.yaml'), 'utf8')).toContain('published: 2024-02-14');
  });

  test('a name with no Latin letters asks for --id', () => {
    const result = runNew('actor', 'Володимир Зеленський');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--id');
  });

  test('an unknown kind prints the usage', () => {
    const result = runNew('person', 'X');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Usage: npm run new');
  });

  test('all commands together still give a clean story', () => {
    for (const [, args] of COMMANDS) expect(runNew(...args).status).toBe(0);
    const check = checkContent(content);
    expect(check.status).toBe(0);
  });
});
