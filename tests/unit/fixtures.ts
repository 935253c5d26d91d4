import type { ContentSet, Entity } from '../../src/model/content-set.ts';
import type { BodyRefs } from '../../src/model/content-set.ts';

/** Body refs from lists of ids, each on its own line. */
export function refs(parts: Partial<Record<'citations' | 'mentions' | 'statements' | 'figures', string[]>>): BodyRefs {
  let line = 0;
  const at = (id: string) => ({ id, line: ++line, column: 1 });
  return {
    citations: (parts.citations ?? []).map((id) => ({ ...at(id), locator: undefined })),
    mentions: (parts.mentions ?? []).map(at),
    statements: (parts.statements ?? []).map(at),
    figures: (parts.figures ?? []).map(at),
    timelines: [],
    problems: [],
  };
}

function entity<T>(collection: string, id: string, data: T, extra: Partial<Entity<T>> = {}): Entity<T> {
  return { id, data, file: `content/${collection}/${id}`, ...extra };
}

/** A small, valid story as plain objects. */
export function story(): ContentSet {
  return {
    actors: [
      entity('actors', 'ukraine', { name: 'Ukraine', kind: 'state' as const, description: 'A state' }),
      entity('actors', 'mod', {
        name: 'Ministry',
        kind: 'government-body' as const,
        description: 'd',
        country: 'ukraine',
      }),
      entity('actors', 'hur', {
        name: 'HUR',
        kind: 'government-body' as const,
        description: 'd',
        country: 'ukraine',
        partOf: ['mod'],
      }),
      entity(
        'actors',
        'zelenskyy',
        {
          name: 'Volodymyr Zelenskyy',
          kind: 'person' as const,
          description: 'd',
          roles: [{ title: 'President', of: 'ukraine', from: '2019-05-20' }],
        },
        { refs: refs({ citations: ['seed'] }) },
      ),
      entity('actors', 'austin', { name: 'Lloyd Austin', kind: 'person' as const, description: 'd' }),
    ],
    sources: [
      entity('sources', 'seed', {
        title: 'Seed',
        publisher: 'P',
        type: 'news-report' as const,
        published: '2024-11-04',
      }),
      entity('sources', 'address', {
        title: 'Address',
        publisher: 'Office',
        type: 'speech' as const,
        published: '2024-11-04',
        issuer: 'zelenskyy',
      }),
    ],
    statements: [
      entity('statements', 'z1', {
        speaker: 'zelenskyy',
        date: '2024-11-04',
        quote: 'Q',
        sources: ['address'],
        about: ['austin'],
      }),
      entity('statements', 'h1', {
        speaker: 'hur',
        date: '2024-11-03',
        summary: 'S',
        sources: ['seed'],
        relations: [{ type: 'contradicts' as const, statement: 'z1' }],
      }),
    ],
    figures: [
      entity(
        'figures',
        'troops',
        {
          title: 'Troops',
          unit: 'troops',
          description: 'd',
          estimates: [
            { value: 11000, by: 'zelenskyy', date: '2024-11-04', source: 'address', statement: 'z1' },
            { low: 11000, high: 12000, by: 'hur', date: '2024-11-04', source: 'seed' },
          ],
        },
        { refs: refs({ citations: ['seed'] }) },
      ),
    ],
    events: [
      entity('events', 'e1', { date: '2024-11-04', title: 'E', actors: ['zelenskyy', 'austin'], sources: ['seed'] }),
    ],
    articles: [
      entity(
        'articles',
        'story',
        { title: 'Story', description: 'd', published: '2024-11-04' },
        {
          refs: refs({
            mentions: ['ukraine', 'austin'],
            statements: ['h1'],
            figures: ['troops'],
            citations: ['seed', 'address'],
          }),
        },
      ),
    ],
  };
}
