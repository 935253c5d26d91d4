import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BodyRefsCache, checkerVersion } from '../../../src/check/body-refs-cache.ts';
import { checkContentDir } from '../../../src/check/check-content.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'tests/fixtures/site/content');
const work = mkdtempSync(join(tmpdir(), 'explainer-body-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = join(work, 'body-refs.json');
const VERSION = checkerVersion(ROOT);

describe('body references cache', () => {
  test('a check with a warm cache parses no body and finds exactly what a check without one finds', () => {
    const plain = checkContentDir(FIXTURE, ROOT);
    const first = new BodyRefsCache(file, VERSION);
    checkContentDir(FIXTURE, ROOT, { bodyCache: first });
    expect(first.lastCounts.parsed).toBeGreaterThan(0);
    expect(first.lastCounts.hits).toBe(0);
    const second = new BodyRefsCache(file, VERSION);
    const cached = checkContentDir(FIXTURE, ROOT, { bodyCache: second });
    expect(second.lastCounts).toEqual({ hits: first.lastCounts.parsed, parsed: 0 });
    const plainData = (check: typeof plain) =>
      JSON.parse(JSON.stringify({ set: check.set, problems: check.problems, bodies: [...check.bodies] })) as unknown;
    expect(plainData(cached)).toEqual(plainData(plain));
    expect(cached.bodies.size).toBe(first.lastCounts.parsed);
  });

  test('the checker version changes with any file of src/check or src/model (also in a subfolder) and with the lock files', () => {
    const root = join(work, 'project');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/check/mdx-policy.ts', 'policy 1');
    write('src/model/schema.ts', 'schema 1');
    write('src/check/deep/limits.ts', 'limits 1');
    write('package-lock.json', '{"lock":1}');
    write('node_modules/.package-lock.json', '{"installed":1}');
    write('src/site/other.ts', 'not the checker');
    const seen = new Set([checkerVersion(root)]);
    for (const [path, text] of [
      ['src/check/mdx-policy.ts', 'policy 2'],
      ['src/model/schema.ts', 'schema 2'],
      ['src/check/deep/limits.ts', 'limits 2'],
      ['src/check/new-rule.ts', 'a new file'],
      ['package-lock.json', '{"lock":2}'],
      ['node_modules/.package-lock.json', '{"installed":2}'],
    ] as const) {
      write(path, text);
      const version = checkerVersion(root);
      expect(seen.has(version), path).toBe(false);
      seen.add(version);
    }
    write('src/site/other.ts', 'changed, but not the checker');
    expect(seen.has(checkerVersion(root))).toBe(true);
  });

  test('only a body whose text changed is parsed again', () => {
    const cache = new BodyRefsCache(join(work, 'changed.json'), VERSION);
    const parse = () => ({ citations: [], mentions: [], statements: [], figures: [], timelines: [], problems: [] });
    let parses = 0;
    const counted = () => {
      parses++;
      return parse();
    };
    cache.refs(BodyRefsCache.key('a.mdx', 'text', 5, 'mdx'), counted);
    cache.save();
    cache.refs(BodyRefsCache.key('a.mdx', 'text', 5, 'mdx'), counted);
    cache.refs(BodyRefsCache.key('a.mdx', 'text, edited', 5, 'mdx'), counted);
    cache.refs(BodyRefsCache.key('a.mdx', 'text', 6, 'mdx'), counted);
    cache.refs(BodyRefsCache.key('b.mdx', 'text', 5, 'mdx'), counted);
    expect(parses).toBe(4);
  });

  test('a cache written by other checker code, or not JSON, is ignored', () => {
    const other = join(work, 'other.json');
    const parse = () => ({ citations: [], mentions: [], statements: [], figures: [], timelines: [], problems: [] });
    const old = new BodyRefsCache(other, 'old version');
    old.refs('k', parse);
    old.save();
    const fresh = new BodyRefsCache(other, VERSION);
    fresh.refs('k', parse);
    expect(fresh.counts).toEqual({ hits: 0, parsed: 1 });
    writeFileSync(other, '{ not json');
    const broken = new BodyRefsCache(other, VERSION);
    broken.refs('k', parse);
    expect(broken.counts).toEqual({ hits: 0, parsed: 1 });
  });

  test('the file keeps only the bodies of the last check', () => {
    const pruned = join(work, 'pruned.json');
    const parse = () => ({ citations: [], mentions: [], statements: [], figures: [], timelines: [], problems: [] });
    const cache = new BodyRefsCache(pruned, VERSION);
    cache.refs('gone', parse);
    cache.refs('kept', parse);
    cache.save();
    cache.refs('kept', parse);
    cache.save();
    expect(Object.keys((JSON.parse(readFileSync(pruned, 'utf8')) as { bodies: object }).bodies)).toEqual(['kept']);
  });
});
