import { describe, expect, test } from 'vitest';
import { buildCrossIndex, TOGETHER_GROUP_LIMIT } from '../../../src/site/cross-index.ts';
import { story } from '../fixtures.ts';

/** The small story plus `n` bodies, and statements by `a0` about the given groups of them. */
function withGroups(n: number, groups: number[][]) {
  const set = story();
  for (let i = 0; i < n; i++)
    set.actors.push({
      id: `a${i}`,
      file: `content/actors/a${i}.md`,
      data: { name: `A ${i}`, kind: 'organization', description: 'd' },
    });
  for (const [g, group] of groups.entries())
    set.statements.push({
      id: `g${g}`,
      file: 'content/statements/groups.yaml',
      data: { speaker: 'a0', date: '2024-01-01', quote: 'q', sources: ['seed'], about: group.map((i) => `a${i}`) },
    });
  return set;
}

describe('co-actors: groups too large to mean anything cost nothing', () => {
  test(`a statement about more than ${TOGETHER_GROUP_LIMIT} actors counts for no pair (one about 10,000 ran the build out of memory)`, () => {
    const size = TOGETHER_GROUP_LIMIT + 1;
    const index = buildCrossIndex(withGroups(size, [Array.from({ length: size }, (_, i) => i)]));
    expect(index.actors.get('a1')?.coActors).toEqual([]);
    expect(index.actors.get('a1')?.statementsAbout).toEqual(['g0']);
  });

  test('within the limit, co-actors are the pairs counted one by one', () => {
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(seed / 65_536) % n;
    };
    const n = 60;
    const groups = Array.from({ length: 120 }, () => Array.from({ length: 2 + random(12) }, () => random(n)));
    const index = buildCrossIndex(withGroups(n, groups));
    // Every pair of distinct members of each group (the speaker a0 included), counted directly.
    const expected = (id: string) => {
      const counts = new Map<string, number>();
      for (const group of groups) {
        const members = new Set(['a0', ...group.map((i) => `a${i}`)]);
        if (!members.has(id)) continue;
        for (const other of members) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
      return [...counts]
        .map(([other, count]) => ({ id: other, count }))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
        .slice(0, 8);
    };
    for (let i = 0; i < n; i++) expect(index.actors.get(`a${i}`)?.coActors, `a${i}`).toEqual(expected(`a${i}`));
    expect(index.actors.get('a5')?.coActors.length).toBeGreaterThan(0);
  });
});

describe('backlink lists grow in linear time', () => {
  test('a source cited by 60,000 statements is linked in well under the 11 s it took', () => {
    const set = story();
    for (let i = 0; i < 60_000; i++)
      set.statements.push({
        id: `s${i}`,
        file: 'content/statements/many.yaml',
        data: { speaker: 'mod', date: '2024-01-01', quote: 'q', sources: ['seed', 'seed'], about: ['hur'] },
      });
    const started = performance.now();
    const index = buildCrossIndex(set);
    expect(performance.now() - started).toBeLessThan(3_000);
    // Each statement once, in the order written, though it cites the source twice.
    const linked = index.sources.get('seed')?.statements ?? [];
    expect(linked.length).toBeGreaterThanOrEqual(60_000);
    expect(new Set(linked).size).toBe(linked.length);
    expect(linked.slice(-2)).toEqual(['s59998', 's59999']);
  });
});
