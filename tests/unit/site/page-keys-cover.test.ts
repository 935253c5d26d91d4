// A page key must cover every list the cross-link index gives the page: a list
// added to the index (a new backlink declared with `ref()`) that the keys do not
// read would leave pages stale. This test records which lists the keys read,
// on every entry of the fixture story, and fails on any list they skip.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentDir } from '../../../src/check/check-content.ts';
import { buildCrossIndex, type CrossIndex } from '../../../src/site/cross-index.ts';
import { createPageKeys, type PageKind } from '../../../src/site/page-keys.ts';
import { buildTimeline } from '../../../src/site/timeline.ts';

const ROOT = join(import.meta.dirname, '../../..');
const { set } = checkContentDir(join(ROOT, 'tests/fixtures/site/content'), ROOT);
const KINDS: PageKind[] = ['articles', 'actors', 'statements', 'figures', 'sources'];

/** The cross-link index with each entry wrapped so that every list the keys read is recorded. */
function recording(links: CrossIndex, read: Map<string, Set<string>>): CrossIndex {
  const wrapped = { ...links } as Record<string, unknown>;
  for (const kind of KINDS) {
    const map = links[kind] as ReadonlyMap<string, object>;
    wrapped[kind] = {
      get: (id: string) => {
        const entry = map.get(id);
        if (entry === undefined) return undefined;
        const seen = read.get(`${kind}/${id}`) ?? new Set<string>();
        read.set(`${kind}/${id}`, seen);
        return new Proxy(entry, {
          get: (target, property, receiver) => {
            if (typeof property === 'string') seen.add(property);
            return Reflect.get(target, property, receiver);
          },
        });
      },
    };
  }
  return wrapped as unknown as CrossIndex;
}

describe('page keys read every list the cross-link index gives a page', () => {
  const links = buildCrossIndex(set);
  const read = new Map<string, Set<string>>();
  const keys = createPageKeys({
    set,
    links: recording(links, read),
    timeline: buildTimeline(set),
    global: '2025-01-01',
  });
  for (const kind of KINDS)
    test(kind, () => {
      const skipped: string[] = [];
      const map = links[kind] as ReadonlyMap<string, object>;
      expect(map.size).toBeGreaterThan(0);
      for (const [id, entry] of map) {
        keys(kind, id);
        const seen = read.get(`${kind}/${id}`) ?? new Set<string>();
        for (const list of Object.keys(entry)) if (!seen.has(list)) skipped.push(`${kind}/${id}: ${list}`);
      }
      expect(skipped).toEqual([]);
    });
});
