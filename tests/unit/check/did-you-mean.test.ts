import { describe, expect, test } from 'vitest';
import { closestIds, suggestIds } from '../../../src/check/did-you-mean.ts';

const actors = ['volodymyr-zelenskyy', 'vladimir-putin', 'lloyd-austin', 'ukraine', 'russia'];

describe('closestIds', () => {
  test.each([
    ['typo', 'vladimir-putn', ['vladimir-putin']],
    ['transliteration', 'volodymyr-zelensky', ['volodymyr-zelenskyy']],
    ['part of an id', 'zelenskyy', ['volodymyr-zelenskyy']],
    ['nothing close', 'european-commission', []],
  ])('%s', (_name, wanted, expected) => {
    expect(closestIds(wanted, actors)).toEqual(expected);
  });

  test('limits and orders by distance', () => {
    expect(closestIds('aaa', ['aab', 'abb', 'aaa', 'bbb'], 2)).toEqual(['aaa', 'aab']);
  });
});

describe('suggestIds', () => {
  test('suggests the closest id', () => {
    expect(suggestIds('russsia', actors, 'actor')).toBe('did you mean "russia"?');
  });
  test('lists existing ids when nothing is close', () => {
    expect(suggestIds('qqqqqqqqqq', actors, 'actor')).toMatch(
      /^use the id of an existing actor, such as "lloyd-austin"/,
    );
  });
  test('says when the collection is empty', () => {
    expect(suggestIds('x', [], 'source')).toBe('there are no sources yet: add one first');
  });
});
