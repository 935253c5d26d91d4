import { COLLECTION_FORMATS } from '../model/index.ts';
import { updateAnchors, type Update } from '../model/updates.ts';
import { pageIds } from '../site/page-ids.ts';
import { bodyContext, bodyTree, type BodyContext, type BodyTree } from '../plugins/body-tree.ts';
import { settings } from '../settings.ts';
import type { SiteIndex } from '../site/site-index.ts';
import { must } from './site-index.ts';

/** What `getBody` reads of an entry: its text, its file and its update log. */
interface BodyEntry {
  body?: string | undefined;
  filePath?: string | undefined;
  data: { updates?: readonly Update[] | undefined; estimates?: readonly { id?: string | undefined }[] | undefined };
}

/** What bodies are rendered with, once per site index: its sources, statements, figures and actor names. */
const contexts = new WeakMap<SiteIndex, BodyContext>();

/**
 * The tree of an article's, actor's or figure's body, made from the text the
 * loader stored and what the page's site index knows (`bodyTree`): the page
 * passes the index it renders from, so the body cannot be made from another one. Everything it
 * depends on besides the body is in the index, so a page key that covers the
 * entries the body names covers the tree too (`src/site/page-keys.ts`).
 */
export function getBody(index: SiteIndex, collection: 'articles' | 'actors' | 'figures', id: string): BodyTree {
  const entries: ReadonlyMap<string, BodyEntry> = index.bodies[collection];
  const entry = must(entries as Map<string, BodyEntry>, id, collection.slice(0, -1));
  let context = contexts.get(index);
  if (context === undefined) {
    context = bodyContext(index.set, settings.base, index.text.locale);
    contexts.set(index, context);
  }
  const format = COLLECTION_FORMATS[collection] === 'mdx' ? 'mdx' : 'md';
  // The page's own sections, charts and estimate rows, and the entry's update log (the feed links to
  // its entries): no heading of the body takes their ids.
  const reserved = [...pageIds(collection, id, entry.data.estimates), ...updateAnchors(entry.data.updates ?? [])];
  return bodyTree(entry.body ?? '', format, context, entry.filePath ?? `${collection}/${id}`, reserved);
}
