import { describe, expect, test } from 'vitest';
import { findCitations } from '../../../src/check/citation-syntax.ts';

describe('findCitations', () => {
  test.each([
    ['one key', 'Troops [@seed].', [[{ key: 'seed', locator: undefined }]]],
    [
      'two keys',
      'x [@a; @b] y',
      [
        [
          { key: 'a', locator: undefined },
          { key: 'b', locator: undefined },
        ],
      ],
    ],
    ['locator', '[@a, p. 4]', [[{ key: 'a', locator: 'p. 4' }]]],
    [
      'locator on second key',
      '[@a; @b, para. 3]',
      [
        [
          { key: 'a', locator: undefined },
          { key: 'b', locator: 'para. 3' },
        ],
      ],
    ],
    ['two citations', '[@a] and [@b]', [[{ key: 'a', locator: undefined }], [{ key: 'b', locator: undefined }]]],
    ['email is not a citation', 'write to [me@example.org]', []],
    ['plain brackets', '[see above]', []],
    ['mixed parts are not a citation', '[@a; see b]', []],
    ['empty', '[@]', []],
  ])('%s', (_name, text, expected) => {
    expect(findCitations(text).map((m) => m.keys)).toEqual(expected);
  });

  test('reports offsets of the whole bracket', () => {
    const [match] = findCitations('ab [@x] cd');
    expect(match).toMatchObject({ start: 3, end: 7 });
  });
});
