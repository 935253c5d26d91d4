import { expect, test } from 'vitest';
import type { Actor } from '../../../src/model/actor.ts';
import type { Entity } from '../../../src/model/content-set.ts';
import type { Source } from '../../../src/model/source.ts';
import { actorsByKind, sourcesByPublisher } from '../../../src/site/lists.ts';

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
  expect(actorsByKind(actors).map((group) => [group.heading, group.actors.map((a) => a.id)])).toEqual([
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
