import { describe, expect, test } from 'vitest';
import { parseSettings } from '../../../src/settings.ts';

describe('PUBLISH_TIME must name a day that exists', () => {
  // Date.parse reads 2024-02-30T10:00Z as 1 March 10:00: the build published as of a moment nobody wrote.
  test.each([
    ['2024-02-30T10:00Z', false],
    ['2023-02-29T10:00+02:00', false],
    ['2024-04-31T00:00Z', false],
    ['2024-02-29T10:00Z', true],
    ['2024-11-04T09:00:30-05:00', true],
  ])('%s', (value, ok) => {
    const result = parseSettings({ PUBLISH_TIME: value }, '/site');
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.errors).toEqual([
        expect.stringContaining(`Setting PUBLISH_TIME="${value}" is not a date and time`),
      ]);
  });
});
