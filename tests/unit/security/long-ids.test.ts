import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { distance as levenshtein } from 'fastest-levenshtein';
import { afterAll, describe, expect, test, vi } from 'vitest';

// Counts every edit distance the check computes (the costly step of did-you-mean).
const counted = vi.hoisted(() => ({ calls: 0 }));
vi.mock('fastest-levenshtein', async (original) => {
  const real = await original<typeof import('fastest-levenshtein')>();
  return {
    ...real,
    distance: (a: string, b: string) => {
      counted.calls += 1;
      return real.distance(a, b);
    },
  };
});

const { checkContentDir } = await import('../../../src/check/check-content.ts');
const { closestIds } = await import('../../../src/check/did-you-mean.ts');
const { SUGGESTED_UNKNOWN_IDS } = await import('../../../src/check/integrity.ts');
const { ID_MAX_LENGTH } = await import('../../../src/model/common.ts');
const { scaffold } = await import('../../../src/scaffold/scaffold.ts');

const ROOT = resolve(import.meta.dirname, '../../..');
const MINIMAL = join(ROOT, 'tests/fixtures/minimal/content');
const work = mkdtempSync(join(tmpdir(), 'explainer-long-ids-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the minimal story with extra files (path in the content folder → text). */
function story(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  cpSync(MINIMAL, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

const source = (id: string) =>
  `- id: ${id}\n  title: T\n  publisher: P\n  type: news-report\n  published: 2024-02-12\n`;
const statement = (id: string, cites: string) =>
  `- id: ${id}\n  speaker: helena-voss\n  date: 2024-02-12\n  quote: "Q."\n  sources:\n    - ${cites}\n`;
const errors = (dir: string) => checkContentDir(dir, ROOT).problems.filter((p) => p.severity === 'error');

describe('ids are at most ID_MAX_LENGTH characters: the check refuses what the build could not write', () => {
  // A 300-character statement id passed the check, then `astro build` died with a stack trace
  // (ENAMETOOLONG: mkdir dist/statements/<id>/): file names are capped at 255 bytes.
  const long = `long-${'a'.repeat(ID_MAX_LENGTH - 4)}`;
  const longest = long.slice(0, ID_MAX_LENGTH);

  test('an id in a list, one character too long, is refused with its line; one at the limit passes', () => {
    const dir = story('list', { 'statements/more.yaml': statement(long, 'eastholm-bulletin') });
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/statements\/more\.yaml$/),
        line: 1,
        field: 'id',
        message: expect.stringContaining(`is ${ID_MAX_LENGTH + 1} characters long; an id has at most ${ID_MAX_LENGTH}`),
      }),
    ]);
    expect(errors(story('list-ok', { 'statements/more.yaml': statement(longest, 'eastholm-bulletin') }))).toEqual([]);
  });

  test('a file name too long for an id is refused', () => {
    const dir = story('file', { [`actors/${long}.md`]: '---\nname: N\nkind: person\ndescription: D.\n---\nBio.\n' });
    expect(errors(dir)).toEqual([expect.objectContaining({ field: 'id', fix: 'rename the file with a shorter name' })]);
  });

  test('`npm run new` makes no id the check would refuse', () => {
    const title = Array.from({ length: 8 }, () => 'Pneumonoultramicroscopicsilicovolcanoconiosis').join(' ');
    expect(() => scaffold('source', title, {}, '2024-11-04')).toThrow(/characters long; an id has at most .* --id/);
    expect(scaffold('source', title, { id: 'short' }, '2024-11-04').id).toBe('short');
  });

  test('a reference to a too long id is refused by the schema, not compared with every id', () => {
    const dir = story('ref', { 'statements/more.yaml': statement('short', `x-${'a'.repeat(1_000)}`) });
    expect(errors(dir)).toEqual([
      expect.objectContaining({ field: 'sources[0]', message: expect.stringMatching(/1002 characters long/) }),
    ]);
  });
});

describe('did-you-mean cannot make the check slow', () => {
  test(`only the first ${SUGGESTED_UNKNOWN_IDS} unknown ids are compared with the known ones`, () => {
    // 1,000 sources and 1,000 statements citing unknown sources, every id of the same length and
    // close to every other: each comparison was a Levenshtein table, a million of them (3,000 x 3,000
    // took 28 s, 10,000 x 10,000 minutes).
    const n = 1_000;
    const id = (prefix: string, i: number) => `${prefix}${i}-${'a'.repeat(90)}`.slice(0, 95);
    const dir = story('many', {
      'sources/many.yaml': Array.from({ length: n }, (_, i) => source(id('s', i))).join(''),
      'statements/many.yaml': Array.from({ length: n }, (_, i) => statement(`st${i}`, id('x', i))).join(''),
    });
    counted.calls = 0;
    const unknown = errors(dir).filter((p) => p.message.startsWith('unknown source'));
    expect(unknown).toHaveLength(n);
    expect(unknown.filter((p) => p.fix?.startsWith('did you mean'))).toHaveLength(SUGGESTED_UNKNOWN_IDS);
    expect(unknown.at(-1)?.fix).toMatch(/^use the id of an existing source, such as/);
    // At most two distances (whole id, and one part) per known id for each suggested unknown id.
    expect(counted.calls).toBeLessThanOrEqual(SUGGESTED_UNKNOWN_IDS * (n + 1) * 2);
  });

  test('skipping distances that the lengths rule out changes no suggestion', () => {
    // The scoring as it was written before: the distance of every pair, and of every part.
    const naive = (wanted: string, known: readonly string[], limit = 3) => {
      const threshold = Math.max(2, Math.ceil(wanted.length * 0.4));
      const partial = (candidate: string) => {
        if (wanted.length >= 3 && candidate.startsWith(wanted)) return 1;
        if (wanted.length >= 4 && (candidate.includes(wanted) || wanted.includes(candidate))) return 1;
        return candidate.split('-').some((part) => part.length >= 4 && levenshtein(part, wanted) <= 1)
          ? 2
          : Number.POSITIVE_INFINITY;
      };
      return known
        .map((id) => ({ id, score: Math.min(levenshtein(wanted, id), partial(id)) }))
        .filter(({ score }) => score <= threshold)
        .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
        .slice(0, limit)
        .map(({ id }) => id);
    };
    // Ids from a few syllables, and typos of them (a letter dropped, doubled or changed, parts cut).
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const syllables = ['ka', 'vol', 'od', 'ymyr', 'zel', 'en', 'sky', 'y', 'put', 'in', 'rus', 'sia', 'x'];
    const word = () => Array.from({ length: 1 + random(4) }, () => syllables[random(syllables.length)]).join('');
    const ids = [...new Set(Array.from({ length: 300 }, () => Array.from({ length: 1 + random(3) }, word).join('-')))];
    const typo = (id: string) => {
      const at = random(id.length);
      const edits = [
        () => id.slice(0, at) + id.slice(at + 1),
        () => id.slice(0, at) + id[at] + id.slice(at),
        () => `${id.slice(0, at)}q${id.slice(at + 1)}`,
        () => id.split('-').at(-1) ?? id,
        () => word(),
      ];
      return edits[random(edits.length)]?.() ?? id;
    };
    const wanted = Array.from({ length: 400 }, () => typo(ids[random(ids.length)] ?? 'x'));
    const suggested = wanted.filter((w) => naive(w, ids).length > 0).length;
    expect(suggested).toBeGreaterThan(100); // the corpus has near misses to find
    for (const w of wanted) expect(closestIds(w, ids), w).toEqual(naive(w, ids));
  });
});
