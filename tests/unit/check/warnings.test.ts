import { describe, expect, test } from 'vitest';
import type { ContentSet, Entity } from '../../../src/model/content-set.ts';
import type { BodyRefs } from '../../../src/model/content-set.ts';
import { collectWarnings } from '../../../src/check/warnings.ts';

function body(parts: { citations?: string[]; mentions?: string[]; timelineActors?: string[] }): BodyRefs {
  return {
    citations: (parts.citations ?? []).map((id, i) => ({ id, line: i + 1, column: 1, locator: undefined })),
    mentions: (parts.mentions ?? []).map((id, i) => ({ id, line: i + 1, column: 1 })),
    statements: [],
    figures: [],
    timelines: parts.timelineActors
      ? [{ actors: parts.timelineActors, from: undefined, to: undefined, line: 1, column: 1 }]
      : [],
    problems: [],
  };
}

function entity<T>(collection: string, id: string, data: T, refs?: BodyRefs): Entity<T> {
  return {
    id,
    data,
    file: `content/${collection}/${id}`,
    refs,
    locate: (path) => ({ line: path.length + 1, column: 1 }),
  };
}

/** A small story in which everything is referenced and every date agrees. */
function clean(): ContentSet {
  return {
    actors: [
      entity('actors', 'land', { name: 'Land', kind: 'state' as const, description: 'd' }),
      entity('actors', 'mayor', {
        name: 'Ana Mayor',
        kind: 'person' as const,
        description: 'd',
        country: 'land',
        roles: [
          { title: 'Mayor', from: '2020-01-01', to: '2024-06-30' },
          { title: 'Governor', from: '2024-07-01' },
        ],
      }),
      entity('actors', 'council', { name: 'Council', kind: 'government-body' as const, description: 'd' }),
    ],
    sources: [
      entity('sources', 'paper', { title: 'T', publisher: 'P', type: 'news-report' as const, published: '2024-11-04' }),
      entity('sources', 'report', {
        title: 'R',
        publisher: 'P',
        type: 'report' as const,
        published: '2024-11-01',
        issuer: 'council',
      }),
    ],
    statements: [entity('statements', 's1', { speaker: 'mayor', date: '2024-11-03', quote: 'Q', sources: ['paper'] })],
    figures: [
      entity('figures', 'cost', {
        title: 'Cost',
        unit: 'u',
        description: 'd',
        estimates: [{ value: 1, by: 'council', date: '2024-11-01', source: 'report' }],
      }),
    ],
    events: [],
    articles: [
      entity(
        'articles',
        'story',
        {
          title: 'S',
          description: 'd',
          published: '2024-11-04',
          updated: '2024-11-06',
          updates: [
            { date: '2024-11-06', summary: 'x' },
            { date: '2024-11-05', summary: 'y' },
          ],
        },
        body({ citations: ['paper'] }),
      ),
    ],
  };
}

describe('collectWarnings', () => {
  test('a story where everything is referenced and dated consistently has no warnings', () => {
    expect(collectWarnings(clean())).toEqual([]);
  });

  test('a source nobody cites', () => {
    const set = clean();
    set.sources.push(
      entity('sources', 'orphan', { title: 'O', publisher: 'P', type: 'speech' as const, published: '2024-11-04' }),
    );
    const warnings = collectWarnings(set);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'content/sources/orphan', severity: 'warning' });
    expect(warnings[0]?.message).toContain('"orphan" is not cited');
    expect(warnings[0]?.fix).toContain('[@orphan]');
  });

  test('a source cited only by an event or an estimate counts as cited', () => {
    const set = clean();
    set.sources.push(
      entity('sources', 'extra', { title: 'E', publisher: 'P', type: 'speech' as const, published: '2024-11-01' }),
    );
    set.events.push(entity('events', 'e', { date: '2024-11-02', title: 'E', sources: ['extra'] }));
    expect(collectWarnings(set)).toEqual([]);
  });

  test('an actor nothing references', () => {
    const set = clean();
    set.actors.push(entity('actors', 'loner', { name: 'Lone Person', kind: 'person' as const, description: 'd' }));
    const warnings = collectWarnings(set);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('"loner" (Lone Person)');
  });

  test('an actor named only in a body mention or a timeline counts as referenced', () => {
    const set = clean();
    set.actors.push(entity('actors', 'a1', { name: 'A1', kind: 'person' as const, description: 'd' }));
    set.actors.push(entity('actors', 'a2', { name: 'A2', kind: 'person' as const, description: 'd' }));
    const article = set.articles[0];
    if (!article) throw new Error('no article');
    article.refs = body({ citations: ['paper'], mentions: ['a1'], timelineActors: ['a2'] });
    expect(collectWarnings(set)).toEqual([]);
  });

  test('an estimate dated before its source was published', () => {
    const set = clean();
    const figure = set.figures[0];
    if (!figure) throw new Error('no figure');
    figure.data.estimates.push({ value: 2, by: 'council', date: '2024-10-30', source: 'paper' });
    const warnings = collectWarnings(set);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'estimates[1].date', severity: 'warning' });
    expect(warnings[0]?.message).toContain('2024-10-30');
    expect(warnings[0]?.message).toContain('2024-11-04');
  });

  test('an estimate dated the day its source was published is fine', () => {
    const set = clean();
    set.figures[0]?.data.estimates.push({ value: 2, by: 'council', date: '2024-11-04', source: 'paper' });
    expect(collectWarnings(set)).toEqual([]);
  });

  test('a statement dated outside every role of its speaker', () => {
    const set = clean();
    set.statements.push(
      entity('statements', 's2', { speaker: 'mayor', date: '2019-05-01', summary: 'S', sources: ['paper'] }),
    );
    const warnings = collectWarnings(set);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'content/statements/s2', field: 'date' });
    expect(warnings[0]?.message).toContain('2019-05-01');
    expect(warnings[0]?.message).toContain('Mayor 2020-01-01 to 2024-06-30');
  });

  test('a statement by a speaker without roles is never outside them', () => {
    const set = clean();
    set.statements.push(
      entity('statements', 's3', { speaker: 'council', date: '1900-01-01', summary: 'S', sources: ['paper'] }),
    );
    expect(collectWarnings(set)).toEqual([]);
  });

  test.each([
    [
      'updated is later than the log',
      { updated: '2024-11-09', updates: [{ date: '2024-11-06', summary: 'x' }] },
      /updated on 2024-11-09.*dated 2024-11-06/,
    ],
    ['updated without a log', { updated: '2024-11-09' }, /update log .* is empty/],
    ['a log without updated', { updates: [{ date: '2024-11-06', summary: 'x' }] }, /no `updated` date/],
  ])('article: %s', (_name, dates, message) => {
    const set = clean();
    const article = set.articles[0];
    if (!article) throw new Error('no article');
    article.data = { title: 'S', description: 'd', published: '2024-11-04', ...dates };
    const warnings = collectWarnings(set);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'updated', severity: 'warning' });
    expect(warnings[0]?.message).toMatch(message);
  });

  test('an update log written oldest first', () => {
    const set = clean();
    const article = set.articles[0];
    if (!article) throw new Error('no article');
    article.data = {
      ...article.data,
      updates: [
        { date: '2024-11-05', summary: 'y' },
        { date: '2024-11-06', summary: 'x' },
      ],
    };
    const warnings = collectWarnings(set);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'updates[1].date', severity: 'warning' });
    expect(warnings[0]?.message).toMatch(/not newest first: 2024-11-06 comes after 2024-11-05/);
  });

  test('same-day updates without id are asked for the id they have now; with ids, nothing', () => {
    const set = clean();
    const article = set.articles[0];
    if (!article) throw new Error('no article');
    article.data = {
      ...article.data,
      updated: '2024-11-06',
      updates: [
        { date: '2024-11-06', summary: 'b' },
        { date: '2024-11-06', summary: 'a' },
      ],
    };
    const warnings = collectWarnings(set);
    expect(warnings.map((w) => [w.field, w.fix])).toEqual([
      ['updates[0]', 'add `id: 2024-11-06-2` to it (its address today, so no link changes)'],
      ['updates[1]', 'add `id: 2024-11-06` to it (its address today, so no link changes)'],
    ]);
    article.data = {
      ...article.data,
      updates: [
        { id: 'b', date: '2024-11-06', summary: 'b' },
        { id: 'a', date: '2024-11-06', summary: 'a' },
      ],
    };
    expect(collectWarnings(set)).toEqual([]);
  });
});
