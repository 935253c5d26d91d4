import { createHash } from 'node:crypto';
import type { ContentSet, Entity } from '../model/content-set.ts';
import type { CrossIndex } from './cross-index.ts';
import { referencesOf } from '../check/references.ts';
import { filterTimeline, type TimelineItem } from './timeline.ts';

/** A collection with a page per entry. */
export type PageKind = 'articles' | 'actors' | 'statements' | 'figures' | 'sources';
type Collection = keyof ContentSet;
type Ref = readonly [Collection, string];

/** What a page key is computed from. */
export interface KeyIndex {
  set: ContentSet;
  links: CrossIndex;
  timeline: readonly TimelineItem[];
  /** Anything site-wide that changes every page: build date (roles shown "then"), settings. */
  global: string;
  /** Extra text per entry that its data does not cover, such as the digest of a Markdown body. */
  bodyDigest?: (collection: Collection, id: string) => string | undefined;
}

/** Every entry of the story, by collection and id. */
type Entries = Record<Collection, Map<string, Entity<unknown>>>;

/**
 * Per-page cache keys for Astro's incremental build: the hash of exactly the
 * entries a page shows. A page shows its own entry, the entries its cross-links
 * list (statements by an actor, sources of an article, …), and for each of those
 * the entries it names (a statement's speaker and sources, an estimate's
 * claimant), because lists show names, roles and titles of those too. Editing
 * any of them, adding a link to the page or changing the build date changes the
 * key; editing anything else leaves it alone.
 */
export function createPageKeys(index: KeyIndex): (kind: PageKind, id: string) => string {
  const entries = Object.fromEntries(
    (Object.keys(index.set) as Collection[]).map((c) => [
      c,
      new Map(index.set[c].map((e: Entity<unknown>) => [e.id, e])),
    ]),
  ) as Entries;
  const digest = entryDigests(index, entries);
  const keys = new Map<string, string>();
  return (kind, id) => {
    const cached = keys.get(`${kind}/${id}`);
    if (cached !== undefined) return cached;
    const key = hashEntries(index.global, pageEntries(index, entries, kind, id), digest);
    keys.set(`${kind}/${id}`, key);
    return key;
  };
}

/** The digest of an entry's data and body, computed once per entry. */
function entryDigests(index: KeyIndex, entries: Entries): (collection: Collection, id: string) => string {
  const digests = new Map<string, string>();
  return (collection, id) => {
    const key = `${collection}/${id}`;
    let value = digests.get(key);
    if (value === undefined) {
      const entity = entries[collection].get(id);
      value = createHash('sha1')
        .update(JSON.stringify(entity?.data ?? null))
        .update(index.bodyDigest?.(collection, id) ?? '')
        .digest('base64url');
      digests.set(key, value);
    }
    return value;
  };
}

/**
 * The entries an entry names: every reference field its schema declares and
 * every id its body writes (citations in a bio, mentions, embeds), from the
 * same list the integrity pass reads, so a page that shows an entry also
 * follows what that entry names.
 */
function named(entries: Entries, collection: Collection, id: string): Ref[] {
  const entity = entries[collection].get(id);
  return entity ? referencesOf(collection, entity).map((ref): Ref => [ref.target, ref.id]) : [];
}

/** The entries a page shows, as `collection/id` keys in the order found: what it lists, then what those name. */
function pageEntries(index: KeyIndex, entries: Entries, kind: PageKind, id: string): Set<string> {
  const direct = shown(index, entries, kind, id);
  const all = new Set<string>();
  for (const [collection, entryId] of direct) all.add(`${collection}/${entryId}`);
  for (const ref of direct)
    for (const [collection, entryId] of named(entries, ref[0], ref[1])) all.add(`${collection}/${entryId}`);
  return all;
}

/** Hashes the entries a page shows; order matters for what the page shows (lists are ordered), so in the order found. */
function hashEntries(
  global: string,
  keys: Iterable<string>,
  digest: (collection: Collection, id: string) => string,
): string {
  const hash = createHash('sha1').update(global);
  for (const key of keys) {
    const slash = key.indexOf('/');
    const collection = key.slice(0, slash) as Collection;
    const entryId = key.slice(slash + 1);
    hash
      .update(key)
      .update(entryId.startsWith('#') ? '' : digest(collection, entryId))
      .update('\n');
  }
  return hash.digest('base64url');
}

type Add = (collection: Collection, ids: readonly string[] | undefined) => void;

/** The figures of a list of estimates. */
const figuresOf = (estimates: readonly { figure: string }[] | undefined) => estimates?.map((e) => e.figure);

/** What each kind of page lists besides its own entry, from the cross-link index. */
const LISTED: Record<PageKind, (index: KeyIndex, entries: Entries, id: string, add: Add) => void> = {
  actors: ({ links }, _entries, id, add) => {
    const l = links.actors.get(id);
    add('statements', l?.statementsBy);
    add('statements', l?.statementsAbout);
    add('figures', figuresOf(l?.estimates));
    add('events', l?.events);
    add('articles', l?.articlesMentioning);
    add('articles', l?.articlesQuoting);
    add('sources', l?.sourcesIssued);
    add('actors', [
      ...(l?.parents ?? []),
      ...(l?.children ?? []),
      ...(l?.members ?? []),
      ...(l?.coActors.map((c) => c.id) ?? []),
    ]);
    // The counts shown next to co-actors, as a pseudo-entry.
    if (l) add('actors', [`#co:${l.coActors.map((c) => `${c.id}=${c.count}`).join(',')}`]);
  },
  statements: ({ links }, _entries, id, add) => {
    const l = links.statements.get(id);
    add(
      'statements',
      l?.relations.map((r) => r.statement),
    );
    add('figures', figuresOf(l?.estimates));
    add('articles', l?.articles);
  },
  sources: ({ links }, _entries, id, add) => {
    const l = links.sources.get(id);
    add('articles', l?.articles);
    add('statements', l?.statements);
    add('figures', figuresOf(l?.estimates));
    add('events', l?.events);
    add('actors', l?.bios);
    add('figures', l?.figures);
  },
  figures: ({ links }, _entries, id, add) => {
    const l = links.figures.get(id);
    add('articles', l?.articles);
    add('actors', l?.claimants);
    add('sources', l?.sources);
  },
  articles: ({ links, timeline }, entries, id, add) => {
    const l = links.articles.get(id);
    add('actors', l?.actors);
    add('statements', l?.statements);
    add('figures', l?.figures);
    add('sources', l?.sources);
    // Timelines embedded in the article show whatever matches their filter.
    for (const args of entries.articles.get(id)?.refs?.timelines ?? []) {
      for (const item of filterTimeline(timeline, args))
        add(item.kind === 'event' ? 'events' : 'statements', [item.id]);
    }
  },
};

/**
 * The statements and figures a page's body embeds (`<Statement>`, `<Figure>`):
 * the body's tree gives them the numbers of their sources and lists those
 * sources under the text (`src/plugins/body-tree.ts`), so they are shown in full
 * and what they name is followed too. Everything else a body's tree reads (the
 * sources it cites, the names of the actors its headings mention) is named by
 * the body itself, and followed as the page's own entry.
 */
function embedded(entries: Entries, kind: PageKind, id: string): Ref[] {
  const refs = entries[kind].get(id)?.refs;
  return [
    ...(refs?.statements ?? []).map((ref): Ref => ['statements', ref.id]),
    ...(refs?.figures ?? []).map((ref): Ref => ['figures', ref.id]),
  ];
}

/** The entries a page lists, before expansion: its own entry first. */
function shown(index: KeyIndex, entries: Entries, kind: PageKind, id: string): Ref[] {
  const refs: Ref[] = [[kind, id], ...embedded(entries, kind, id)];
  LISTED[kind](index, entries, id, (collection, ids) => {
    for (const x of ids ?? []) refs.push([collection, x]);
  });
  return refs;
}
