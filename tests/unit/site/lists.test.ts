import { describe, expect, test } from 'vitest';
import type { Actor } from '../../../src/model/actor.ts';
import type { Entity } from '../../../src/model/content-set.ts';
import type { Source } from '../../../src/model/source.ts';
import type { ActorLinks } from '../../../src/site/cross-index.ts';
import { actorsByKind, mainActors, sourcesByPublisher } from '../../../src/site/lists.ts';
import { en } from '../../../src/messages/en.ts';

const actor = (id: string, name: string, kind: Actor['kind']) => ({
  id,
  file: `actors/${id}.md`,
  data: { name, kind } as Actor,
});
const source = (id: string, publisher: string, published: string) => ({
  id,
  file: 'sources/s.yaml',
  data: { publisher, published } as Source,
});

test('actors are grouped by kind in display order, by name within a kind, empty kinds left out', () => {
  const actors: Entity<Actor>[] = [
    actor('z', 'Zed', 'person'),
    actor('s', 'Sparta', 'state'),
    actor('a', 'Ann', 'person'),
  ];
  expect(actorsByKind(actors, en).map((group) => [group.heading, group.actors.map((a) => a.id)])).toEqual([
    ['People', ['a', 'z']],
    ['States', ['s']],
  ]);
});

test('sources are grouped by publisher in alphabetical order, newest first within a publisher', () => {
  const sources: Entity<Source>[] = [
    source('old', 'Reuters', '2024-01-01'),
    source('bbc', 'BBC', '2024-05-01'),
    source('new', 'Reuters', '2024-06-01'),
  ];
  expect(sourcesByPublisher(sources).map((group) => [group.publisher, group.sources.map((s) => s.id)])).toEqual([
    ['BBC', ['bbc']],
    ['Reuters', ['new', 'old']],
  ]);
});

describe('mainActors', () => {
  const links = (
    counts: Partial<Record<'statementsBy' | 'statementsAbout' | 'articlesMentioning' | 'events', number>>,
  ) =>
    ({
      statementsBy: Array(counts.statementsBy ?? 0).fill('s'),
      statementsAbout: Array(counts.statementsAbout ?? 0).fill('s'),
      articlesMentioning: Array(counts.articlesMentioning ?? 0).fill('a'),
      events: Array(counts.events ?? 0).fill('e'),
      estimates: [],
    }) as unknown as ActorLinks;

  test('ranks actors by how many places link to them, ties by id, up to the limit', () => {
    const index = new Map([
      ['quiet', links({})],
      ['speaker', links({ statementsBy: 3 })],
      ['mentioned', links({ articlesMentioning: 2, events: 1 })],
      ['also-three', links({ statementsAbout: 3 })],
    ]);
    expect(mainActors(index, 3)).toEqual(['also-three', 'mentioned', 'speaker']);
  });
});
