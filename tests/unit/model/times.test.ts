import { describe, expect, test } from 'vitest';
import { articleSchema } from '../../../src/model/article.ts';
import { eventSchema } from '../../../src/model/event.ts';
import { sourceSchema } from '../../../src/model/source.ts';
import { statementSchema } from '../../../src/model/statement.ts';
import { instantOf, splitDateTime } from '../../../src/model/times.ts';
import { buildTimeline } from '../../../src/site/timeline.ts';
import { when } from '../../../src/site/when.ts';
import { story } from '../fixtures.ts';

describe('times of day', () => {
  const statement = { speaker: 'a', summary: 's', sources: ['x'] };

  test.each([
    ['date and time', { date: '2024-11-04', time: '21:30+02:00' }, { date: '2024-11-04', time: '21:30+02:00' }],
    [
      'one field, kept as the same instant in UTC',
      { date: '2024-11-04T21:30+02:00' },
      { date: '2024-11-04', time: '19:30Z' },
    ],
    ['one field, across midnight', { date: '2024-11-04T01:30+03:00' }, { date: '2024-11-03', time: '22:30Z' }],
    [
      'a Date from a frontmatter reader',
      { date: new Date('2024-11-04T19:30:15Z') },
      { date: '2024-11-04', time: '19:30:15Z' },
    ],
    ['a date alone', { date: '2024-11-04' }, { date: '2024-11-04' }],
  ])('a statement accepts %s', (_name, written, expected) => {
    const result = statementSchema.safeParse({ ...statement, ...written });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject(expected);
    if (!('time' in expected)) expect(result.data?.time).toBeUndefined();
  });

  test.each([
    ['no offset', { date: '2024-11-04', time: '21:30' }, 'time'],
    ['hour 24', { date: '2024-11-04', time: '24:00Z' }, 'time'],
    ['a bad time in the date field', { date: '2024-11-04T25:30+02:00' }, 'date'],
    ['both forms at once', { date: '2024-11-04T21:30+02:00', time: '21:30+02:00' }, 'date'],
  ])('a statement refuses %s, on the field written', (_name, written, field) => {
    const result = statementSchema.safeParse({ ...statement, ...written });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  test('events, sources and updates take a time too', () => {
    expect(eventSchema.parse({ date: '2024-11-04T08:00Z', title: 't', sources: ['x'] })).toMatchObject({
      date: '2024-11-04',
      time: '08:00Z',
    });
    expect(
      sourceSchema.parse({ title: 't', publisher: 'p', type: 'report', published: '2024-11-04', time: '08:00-05:00' }),
    ).toMatchObject({ time: '08:00-05:00' });
    expect(
      articleSchema.parse({
        title: 't',
        description: 'd',
        published: '2024-11-01',
        updates: [{ date: '2024-11-04T08:00+01:00', summary: 's' }],
      }).updates?.[0],
    ).toMatchObject({ date: '2024-11-04', time: '07:00Z' });
  });

  test('splitDateTime leaves values it does not own alone', () => {
    expect(splitDateTime('date')('text')).toBe('text');
    expect(splitDateTime('date')([1])).toEqual([1]);
  });

  test.each([
    ['UTC', '4 November 2024, 19:30 UTC', '2024-11-04'],
    ['Europe/Kyiv', '4 November 2024, 21:30 EET', '2024-11-04'],
    ['Asia/Seoul', '5 November 2024, 04:30 GMT+9', '2024-11-05'],
  ])('shown in %s with the zone named', (zone, text, day) => {
    expect(when('2024-11-04', '19:30Z', zone, 'en-GB')).toEqual({
      day,
      text,
      clock: text.split(', ')[1],
      datetime: '2024-11-04T19:30Z',
    });
  });

  test('a date alone is shown as a date in every zone', () => {
    expect(when('2024-11-04', undefined, 'Asia/Seoul', 'en-GB')).toEqual({
      day: '2024-11-04',
      text: '4 November 2024',
      clock: undefined,
      datetime: '2024-11-04',
    });
  });

  test('instants compare across offsets', () => {
    expect(instantOf('2024-11-04', '21:30+02:00')).toBe(instantOf('2024-11-04', '19:30Z'));
    expect(instantOf('2024-11-04', '19:30:01Z') - instantOf('2024-11-04', '19:30Z')).toBe(1000);
  });
});

describe('the timeline orders a day by time', () => {
  test('untimed entries first, then by instant whatever the offset; days in the site zone', () => {
    const set = story();
    const [s1, s2] = set.statements;
    s1!.data = { ...s1!.data, date: '2024-11-04', time: '21:00+02:00' }; // 19:00Z
    s2!.data = { ...s2!.data, date: '2024-11-04', time: '18:30Z' };
    set.events[0]!.data = { ...set.events[0]!.data, date: '2024-11-04' };
    const order = (zone: string) => buildTimeline(set, zone).map((item) => [item.date, item.id]);
    expect(order('UTC')).toEqual([
      ['2024-11-04', 'e1'],
      ['2024-11-04', 'h1'],
      ['2024-11-04', 'z1'],
    ]);
    // In Seoul both statements fall on the next morning.
    expect(order('Asia/Seoul')).toEqual([
      ['2024-11-04', 'e1'],
      ['2024-11-05', 'h1'],
      ['2024-11-05', 'z1'],
    ]);
  });
});
