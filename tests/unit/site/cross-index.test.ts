import { describe, expect, test } from 'vitest';
import { buildCrossIndex } from '../../../src/site/cross-index.ts';
import { story } from '../fixtures.ts';

describe('buildCrossIndex', () => {
  const index = buildCrossIndex(story());

  test('actor backlinks', () => {
    expect(index.actors.get('zelenskyy')).toMatchObject({
      statementsBy: ['z1'],
      estimates: [{ figure: 'troops', index: 0 }],
      events: ['e1'],
      sourcesIssued: ['address'],
      articlesMentioning: [],
    });
    expect(index.actors.get('austin')).toMatchObject({
      statementsAbout: ['z1'],
      articlesMentioning: ['story'],
      events: ['e1'],
    });
    expect(index.actors.get('hur')).toMatchObject({
      statementsBy: ['h1'],
      articlesQuoting: ['story'],
      parents: ['mod'],
    });
  });

  test('parent and child bodies, and members of a state', () => {
    expect(index.actors.get('mod')?.children).toEqual(['hur']);
    expect(index.actors.get('ukraine')?.members).toEqual(['mod', 'hur']);
  });

  test('relations show on both statements', () => {
    expect(index.statements.get('h1')?.relations).toEqual([
      { type: 'contradicts', statement: 'z1', direction: 'outgoing' },
    ]);
    expect(index.statements.get('z1')?.relations).toEqual([
      { type: 'contradicts', statement: 'h1', direction: 'incoming' },
    ]);
  });

  test('statement estimates and articles', () => {
    expect(index.statements.get('z1')?.estimates).toEqual([{ figure: 'troops', index: 0 }]);
    expect(index.statements.get('h1')?.articles).toEqual(['story']);
  });

  test('article refers to actors, statements, figures and sources in order; embedded statement sources join', () => {
    expect(index.articles.get('story')).toEqual({
      actors: ['ukraine', 'austin', 'hur'],
      statements: ['h1'],
      figures: ['troops'],
      sources: ['seed', 'address'],
    });
  });

  test('source backlinks from every kind', () => {
    expect(index.sources.get('seed')).toEqual({
      articles: ['story'],
      statements: ['h1'],
      estimates: [{ figure: 'troops', index: 1 }],
      events: ['e1'],
      bios: ['zelenskyy'],
      figures: ['troops'],
    });
  });

  test('figure claimants, sources and articles', () => {
    expect(index.figures.get('troops')).toEqual({
      articles: ['story'],
      claimants: ['zelenskyy', 'hur'],
      sources: ['address', 'seed'],
    });
  });

  test('co-actors are counted across statements, events and articles', () => {
    const austin = index.actors.get('austin')?.coActors;
    expect(austin?.[0]).toEqual({ id: 'zelenskyy', count: 2 });
    expect(austin?.map((c) => c.id)).toContain('hur');
  });

  test('every link goes both ways', () => {
    for (const [id, links] of index.actors) {
      for (const child of links.children) expect(index.actors.get(child)?.parents).toContain(id);
    }
    for (const [id, links] of index.statements) {
      for (const relation of links.relations) {
        expect(index.statements.get(relation.statement)?.relations.some((r) => r.statement === id)).toBe(true);
      }
    }
  });
});
