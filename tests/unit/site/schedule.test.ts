import { describe, expect, test } from 'vitest';
import { publishedAt, scheduledItems } from '../../../src/site/schedule.ts';
import { story } from '../fixtures.ts';

describe('scheduled publishing', () => {
  const scheduledStory = () => {
    const set = story();
    set.articles[0]!.data = { ...set.articles[0]!.data, published: '2024-11-10', time: '07:00+01:00' };
    set.statements[0]!.data.updates = [
      { id: 'later', date: '2024-11-12', time: '09:00Z', summary: 'scheduled' },
      { id: 'done', date: '2024-11-05', summary: 'published' },
    ];
    return set;
  };
  const at = (iso: string) => Date.parse(iso);

  test('an article and an update are left out before their time', () => {
    const set = publishedAt(scheduledStory(), at('2024-11-10T05:59Z'));
    expect(set.articles).toEqual([]);
    expect(set.statements[0]!.data.updates?.map((u) => u.id)).toEqual(['done']);
  });

  test('and published from their time on', () => {
    expect(publishedAt(scheduledStory(), at('2024-11-10T06:00Z')).articles.map((a) => a.id)).toEqual(['story']);
    expect(
      publishedAt(scheduledStory(), at('2024-11-12T09:00Z')).statements[0]!.data.updates?.map((u) => u.id),
    ).toEqual(['later', 'done']);
  });

  test('entries without a scheduled update are the same objects', () => {
    const set = scheduledStory();
    expect(publishedAt(set, at('2024-11-11T00:00Z')).actors[0]).toBe(set.actors[0]);
  });

  test('npm run check lists what is scheduled, soonest first', () => {
    expect(scheduledItems(scheduledStory(), at('2024-11-09T00:00Z')).map((item) => item.what)).toEqual([
      'article "story"',
      'update "later" of statement "z1"',
    ]);
    expect(scheduledItems(scheduledStory(), at('2024-11-13T00:00Z'))).toEqual([]);
  });
});
