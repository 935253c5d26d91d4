import { describe, expect, test } from 'vitest';
import {
  correctionLink,
  entryCorrections,
  listCorrections,
  loggedEntries,
  type LoggedEntry,
} from '../../../src/site/corrections.ts';
import { story } from '../fixtures.ts';
import { localize } from '../../../src/messages/index.ts';

const logged = (
  kind: LoggedEntry['kind'],
  id: string,
  title: string,
  updates: LoggedEntry['updates'],
): LoggedEntry => ({ kind, id, title, updates });

describe('corrections', () => {
  test('only entries with correction: true, newest first, each with its stable anchor', () => {
    expect(
      entryCorrections({
        updates: [
          { date: '2024-11-05', summary: 'a', correction: true },
          { date: '2024-11-09', summary: 'b' },
          { id: 'fixed-count', date: '2024-11-07', summary: 'c', correction: true },
          { date: '2024-11-08', summary: 'd', correction: false },
        ],
      }),
    ).toEqual([
      { date: '2024-11-07', summary: 'c', anchor: 'update-fixed-count' },
      { date: '2024-11-05', summary: 'a', anchor: 'update-2024-11-05' },
    ]);
  });

  test('same-day corrections are ordered by time', () => {
    const list = entryCorrections({
      updates: [
        { date: '2024-11-05', time: '09:00Z', summary: 'morning', correction: true },
        { date: '2024-11-05', time: '11:30+02:00', summary: 'later, written in another zone', correction: true },
      ],
    });
    expect(list.map((c) => c.summary)).toEqual(['later, written in another zone', 'morning']);
  });

  test('no update log, no corrections', () => {
    expect(entryCorrections({})).toEqual([]);
  });

  test('across entries of every kind: newest first, same day by title', () => {
    const list = listCorrections([
      logged('articles', 'b', 'Beta', [{ date: '2024-11-06', summary: 'b1', correction: true }]),
      logged('statements', 'a', 'Alpha', [
        { date: '2024-11-06', summary: 'a1', correction: true },
        { date: '2024-11-10', summary: 'a2', correction: true },
      ]),
      logged('figures', 'c', 'Gamma', [{ date: '2024-11-12', summary: 'plain update' }]),
    ]);
    expect(list.map((c) => [c.date, c.kind, c.id, c.summary])).toEqual([
      ['2024-11-10', 'statements', 'a', 'a2'],
      ['2024-11-06', 'statements', 'a', 'a1'],
      ['2024-11-06', 'articles', 'b', 'b1'],
    ]);
    expect(list[0]?.title).toBe('Alpha');
  });

  test('every kind of entry with a log is listed, with the title lists show', () => {
    const set = story();
    const update = [{ date: '2024-11-05', summary: 's', correction: true }];
    set.statements[0]!.data.updates = update;
    set.figures[0]!.data.updates = update;
    set.actors[0]!.data.updates = update;
    set.events[0]!.data.updates = update;
    set.sources[0]!.data.updates = update;
    expect(loggedEntries(set, localize('en-GB')).map((e) => [e.kind, e.title])).toEqual([
      ['actors', 'Ukraine'],
      ['statements', 'Statement by Volodymyr Zelenskyy, 4 November 2024'],
      ['figures', 'Troops'],
      ['events', 'E'],
      ['sources', 'Seed'],
    ]);
  });

  test('links go to the entry in its update log; for events, to the timeline', () => {
    expect(correctionLink({ kind: 'statements', id: 'z1', anchor: 'update-fix' }, '/')).toBe(
      '/statements/z1/#update-fix',
    );
    expect(correctionLink({ kind: 'events', id: 'e1', anchor: 'update-fix' }, '/x/')).toBe(
      '/x/timeline/#event-e1-update-fix',
    );
  });
});
