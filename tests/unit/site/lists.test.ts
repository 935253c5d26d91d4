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
  expect(
    actorsByKind(actors, { m: en, locale: 'en-GB' }).map((group) => [group.heading, group.actors.map((a) => a.id)]),
  ).toEqual([
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
  expect(
    sourcesByPublisher(sources, 'en-GB').map((group) => [group.publisher, group.sources.map((s) => s.id)]),
  ).toEqual([
    ['BBC', ['bbc']],
    ['Reuters', ['new', 'old']],
  ]);
});

test("actors are sorted as readers of the site's locale sort names, the same name ordered by id", () => {
  // Ukrainian letters by code point would put Є and І after Я; a Ukrainian reader finds them after Е and И.
  const actors: Entity<Actor>[] = [
    actor('yana', 'Яна', 'person'),
    actor('ivan', 'Іван', 'person'),
    actor('yevhen', 'Євген', 'person'),
    actor('ira-2', 'Ірина', 'person'),
    actor('ira-1', 'Ірина', 'person'),
    actor('dmytro', 'Дмитро', 'person'),
  ];
  const ids = (locale: string) => actorsByKind(actors, { m: en, locale })[0]?.actors.map((a) => a.id);
  expect(ids('uk')).toEqual(['dmytro', 'yevhen', 'ivan', 'ira-1', 'ira-2', 'yana']);
  expect(actorsByKind([...actors].reverse(), { m: en, locale: 'uk' })[0]?.actors.map((a) => a.id)).toEqual(ids('uk'));
  // Swedish sorts Ö after Z, German with O.
  const nordic: Entity<Actor>[] = [
    actor('o', 'Östberg', 'person'),
    actor('z', 'Zorn', 'person'),
    actor('p', 'Palm', 'person'),
  ];
  expect(actorsByKind(nordic, { m: en, locale: 'sv' })[0]?.actors.map((a) => a.id)).toEqual(['p', 'z', 'o']);
  expect(actorsByKind(nordic, { m: en, locale: 'de' })[0]?.actors.map((a) => a.id)).toEqual(['o', 'p', 'z']);
});

test("publishers are sorted in the site's locale; sources of one day by id", () => {
  const sources: Entity<Source>[] = [
    source('b', 'Українська правда', '2024-05-01'),
    source('a', 'Українська правда', '2024-05-01'),
    source('c', 'Європейська правда', '2024-05-01'),
    source('d', 'Дзеркало тижня', '2024-05-01'),
  ];
  expect(sourcesByPublisher(sources, 'uk').map((group) => [group.publisher, group.sources.map((s) => s.id)])).toEqual([
    ['Дзеркало тижня', ['d']],
    ['Європейська правда', ['c']],
    ['Українська правда', ['a', 'b']],
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
