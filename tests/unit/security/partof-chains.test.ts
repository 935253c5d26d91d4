import { describe, expect, test } from 'vitest';
import { checkIntegrity } from '../../../src/check/integrity.ts';
import { story } from '../fixtures.ts';

/** The small story plus `n` bodies, each part of the next; the last part of the first when `circle`. */
function chained(n: number, circle: boolean) {
  const set = story();
  for (let i = 0; i < n; i++) {
    const parent = i + 1 < n ? `body-${i + 1}` : circle ? 'body-0' : undefined;
    set.actors.push({
      id: `body-${i}`,
      file: `content/actors/body-${i}.md`,
      data: {
        name: `Body ${i}`,
        kind: 'organization',
        description: 'd',
        ...(parent ? { partOf: [parent] } : {}),
      },
    });
  }
  return set;
}

describe('partOf chains and circles of any length give short reports, and never overflow the stack', () => {
  test('a chain of 20,000 bodies is checked (the recursive walk threw RangeError: Maximum call stack size exceeded)', () => {
    expect(checkIntegrity(chained(20_000, false))).toEqual([]);
  });

  test('a circle of 2,000 bodies gives one short error per body (it gave 200 million characters of messages)', () => {
    const problems = checkIntegrity(chained(2_000, true));
    expect(problems).toHaveLength(2_000);
    expect(new Set(problems.map((p) => p.file)).size).toBe(2_000);
    expect(problems[0]?.message).toBe(
      'goes round in a circle: body-0 → body-1 → body-2 → body-3 → body-4 → body-5 → body-6 → body-7 → … → body-0 (2000 bodies)' +
        ' (also in content/actors/body-1.md, content/actors/body-2.md, content/actors/body-3.md, content/actors/body-4.md,' +
        ' content/actors/body-5.md, content/actors/body-6.md, content/actors/body-7.md, content/actors/body-8.md, … (1991 more))',
    );
    expect(Math.max(...problems.map((p) => p.message.length))).toBeLessThan(500);
  });

  test('bodies in several circles that share links are each reported once', () => {
    // a → b → c → a, and c → b: two circles through b and c.
    const set = chained(3, true);
    set.actors.at(-1)?.data.partOf?.push('body-1');
    const problems = checkIntegrity(set);
    expect(problems.map((p) => p.file).sort()).toEqual([
      'content/actors/body-0.md',
      'content/actors/body-1.md',
      'content/actors/body-2.md',
    ]);
  });
});
