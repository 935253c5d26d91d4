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
  const maps = Object.fromEntries(
    (Object.keys(index.set) as Collection[]).map((c) => [c, new Map(index.set[c].map((e: Entity<unknown>) => [e.id, e]))]),
  ) as Record<Collection, Map<string, Entity<unknown>>>;
  const digests = new Map<string, string>();
  const digest = (collection: Collection, id: string): string => {
    const key = `${collection}/${id}`;
    let value = digests.get(key);
    if (value === undefined) {
      const entity = maps[collection].get(id);
      value = createHash('sha1')
        .update(JSON.stringify(entity?.data ?? null))
        .update(index.bodyDigest?.(collection, id) ?? '')
        .digest('base64url');
      digests.set(key, value);
    }
    return value;
  };

  /**
   * The entries an entry names: every reference field its schema declares and
   * every id its body writes (citations in a bio, mentions, embeds), from the
   * same list the integrity pass reads, so a page that shows an entry also
   * follows what that entry names.
   */
  const named = (collection: Collection, id: string): Ref[] => {
    const entity = maps[collection].get(id);
    return entity ? referencesOf(collection, entity).map((ref): Ref => [ref.target, ref.id]) : [];
  };

  /** The entries a page lists, before expansion. */
  const shown = (kind: PageKind, id: string): Ref[] => {
    const refs: Ref[] = [[kind, id]];
    const add = (collection: Collection, ids: readonly string[] | undefined) => {
      for (const x of ids ?? []) refs.push([collection, x]);
    };
    const figuresOf = (estimates: readonly { figure: string }[] | undefined) => add('figures', estimates?.map((e) => e.figure));
    if (kind === 'actors') {
      const l = index.links.actors.get(id);
      add('statements', l?.statementsBy);
      add('statements', l?.statementsAbout);
      figuresOf(l?.estimates);
      add('events', l?.events);
      add('articles', l?.articlesMentioning);
      add('articles', l?.articlesQuoting);
      add('sources', l?.sourcesIssued);
      add('actors', [...(l?.parents ?? []), ...(l?.children ?? []), ...(l?.members ?? []), ...(l?.coActors.map((c) => c.id) ?? [])]);
      if (l) refs.push(['actors', `#co:${l.coActors.map((c) => `${c.id}=${c.count}`).join(',')}`]);
    } else if (kind === 'statements') {
      const l = index.links.statements.get(id);
      add('statements', l?.relations.map((r) => r.statement));
      figuresOf(l?.estimates);
      add('articles', l?.articles);
    } else if (kind === 'sources') {
      const l = index.links.sources.get(id);
      add('articles', l?.articles);
      add('statements', l?.statements);
      figuresOf(l?.estimates);
      add('events', l?.events);
      add('actors', l?.bios);
      add('figures', l?.figures);
    } else if (kind === 'figures') {
      const l = index.links.figures.get(id);
      add('articles', l?.articles);
      add('actors', l?.claimants);
      add('sources', l?.sources);
    } else {
      const l = index.links.articles.get(id);
      add('actors', l?.actors);
      add('statements', l?.statements);
      add('figures', l?.figures);
      add('sources', l?.sources);
      // Timelines embedded in the article show whatever matches their filter.
      const article = maps.articles.get(id);
      for (const args of article?.refs?.timelines ?? []) {
        for (const item of filterTimeline(index.timeline, args)) refs.push([item.kind === 'event' ? 'events' : 'statements', item.id]);
      }
    }
    return refs;
  };

  const keys = new Map<string, string>();
  return (kind, id) => {
    const cached = keys.get(`${kind}/${id}`);
    if (cached !== undefined) return cached;
    const direct = shown(kind, id);
    const all = new Set<string>();
    const hash = createHash('sha1').update(index.global);
    const visit = ([collection, entryId]: Ref) => {
      const key = `${collection}/${entryId}`;
      if (all.has(key)) return false;
      all.add(key);
      return true;
    };
    for (const ref of direct) visit(ref);
    for (const ref of direct) for (const inner of named(ref[0], ref[1])) visit(inner);
    // Order matters for what the page shows (lists are ordered), so hash in the order found.
    for (const key of all) {
      const slash = key.indexOf('/');
      const collection = key.slice(0, slash) as Collection;
      const entryId = key.slice(slash + 1);
      hash.update(key).update(entryId.startsWith('#') ? '' : digest(collection, entryId)).update('\n');
    }
    const key = hash.digest('base64url');
    keys.set(`${kind}/${id}`, key);
    return key;
  };
}
