import { describe, expect, test } from 'vitest';
import { changedAt, lastChange, recentChanges } from '../../../src/site/changes.ts';
import { currentSpread } from '../../../src/site/estimates.ts';
import { story } from '../fixtures.ts';
import { localize } from '../../../src/messages/index.ts';

describe('what changed, computed at build time', () => {
  test('new articles and updates of every kind, newest first, each with its instant and its address', () => {
    const set = story();
    set.statements[0]!.data.updates = [
      { id: 'fix', date: '2024-11-06', time: '09:30+01:00', summary: 'quote fixed', correction: true },
    ];
    set.figures[0]!.data.updates = [{ date: '2024-11-05', summary: 'new estimate' }];
    const changes = recentChanges(set, '/', localize('en-GB'));
    expect(changes.map((c) => [c.what, c.kind, c.changedAt, c.href])).toEqual([
      ['Correction', 'statements', '2024-11-06T08:30:00.000Z', '/statements/z1/#update-fix'],
      ['Update', 'figures', '2024-11-05T00:00:00.000Z', '/figures/troops/#update-2024-11-05'],
      ['New article', 'articles', '2024-11-04T00:00:00.000Z', '/articles/story/'],
    ]);
    expect(recentChanges(set, '/', localize('en-GB'), 2)).toHaveLength(2);
  });

  test('an article last changed at its latest update, or its publication', () => {
    expect(
      lastChange({
        published: '2024-11-01',
        updates: [{ date: '2024-11-03', time: '10:00Z' }, { date: '2024-11-02' }],
      }),
    ).toBe('2024-11-03T10:00:00.000Z');
    expect(lastChange({ published: '2024-11-01', time: '07:00+01:00' })).toBe(changedAt('2024-11-01', '06:00Z'));
  });

  test('the current spread of a figure counts each claimant once, ranges by their ends', () => {
    expect(currentSpread(story().figures[0]!.data.estimates)).toEqual({ low: 11000, high: 12000, claimants: 2 });
    expect(
      currentSpread([
        { by: 'a', date: '2024-01-01', value: 1, source: 's', withdrawn: { date: '2024-01-02', source: 's' } },
      ]),
    ).toBeUndefined();
  });
});
