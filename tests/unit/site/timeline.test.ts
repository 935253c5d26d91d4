import { describe, expect, test } from 'vitest';
import { filterTimeline, groupByDate, type TimelineItem } from '../../../src/site/timeline.ts';

const items: TimelineItem[] = [
  { kind: 'event', id: 'e1', date: '2024-11-01', actors: ['a'] },
  { kind: 'statement', id: 's1', date: '2024-11-01', actors: ['b'] },
  { kind: 'event', id: 'e2', date: '2024-11-04', actors: ['a', 'c'] },
  { kind: 'statement', id: 's2', date: '2024-11-05', actors: ['c'] },
];

describe('filterTimeline', () => {
  test.each([
    ['no filter', {}, ['e1', 's1', 'e2', 's2']],
    ['by actor', { actors: ['a'] }, ['e1', 'e2']],
    ['by several actors', { actors: ['b', 'c'] }, ['s1', 'e2', 's2']],
    ['from', { from: '2024-11-04' }, ['e2', 's2']],
    ['to', { to: '2024-11-01' }, ['e1', 's1']],
    ['range and actor', { from: '2024-11-02', to: '2024-11-04', actors: ['c'] }, ['e2']],
    ['empty actor list means everyone', { actors: [] }, ['e1', 's1', 'e2', 's2']],
  ])('%s', (_name, filter, ids) => {
    expect(filterTimeline(items, filter).map((i) => i.id)).toEqual(ids);
  });
});

test('groupByDate keeps order', () => {
  expect(groupByDate(items).map(([date, group]) => [date, group.length])).toEqual([
    ['2024-11-01', 2],
    ['2024-11-04', 1],
    ['2024-11-05', 1],
  ]);
});
