import type { CollectionEntry } from 'astro:content';
import type { Localized } from '../messages/index.ts';
import type { ContentSet, Entity } from '../model/content-set.ts';
import type { Site } from '../model/site.ts';
import type { CrossIndex } from './cross-index.ts';
import type { PageKind } from './page-keys.ts';
import type { TimelineItem } from './timeline.ts';

/** Everything pages read: entries by id, their rendered bodies, and the cross-link index. */
export interface SiteIndex {
  set: ContentSet;
  links: CrossIndex;
  articles: Map<string, Entity<CollectionEntry<'articles'>['data']>>;
  actors: Map<string, Entity<CollectionEntry<'actors'>['data']>>;
  statements: Map<string, Entity<CollectionEntry<'statements'>['data']>>;
  sources: Map<string, Entity<CollectionEntry<'sources'>['data']>>;
  figures: Map<string, Entity<CollectionEntry<'figures'>['data']>>;
  events: Map<string, Entity<CollectionEntry<'events'>['data']>>;
  /** Collection entries with bodies (their text), for `getBody()` (`src/data/bodies.ts`). */
  bodies: {
    articles: Map<string, CollectionEntry<'articles'>>;
    actors: Map<string, CollectionEntry<'actors'>>;
    figures: Map<string, CollectionEntry<'figures'>>;
  };
  /** Events and statements, oldest first. */
  timeline: TimelineItem[];
  /** The newsroom's identity: `site.yaml`, with `SITE_TITLE` and `SITE_TIMEZONE` winning where set. */
  site: Site;
  /** What the site's locale gives: the words of the interface, `lang` and `dir`, the locale of dates and numbers. */
  text: Localized;
  /** The build date, for "then" in time-aware attribution. */
  today: string;
  /** Key of a page for Astro's incremental build: a hash of exactly the entries the page shows. */
  cacheKey: (kind: PageKind, id: string) => string;
}
