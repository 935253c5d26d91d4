import { COLLECTION_FORMATS } from '../model/index.ts';
import { bodyContext, bodyTree, type BodyContext, type BodyTree } from '../plugins/body-tree.ts';
import { settings } from '../settings.ts';
import type { SiteIndex } from '../site/site-index.ts';
import { getSiteIndex, must } from './site-index.ts';

/** What bodies are rendered with, once per site index: its sources, statements, figures and actor names. */
const contexts = new WeakMap<SiteIndex, BodyContext>();

/**
 * The tree of an article's, actor's or figure's body, made from the text the
 * loader stored and what the site index knows (`bodyTree`). Everything it
 * depends on besides the body is in the index, so a page key that covers the
 * entries the body names covers the tree too (`src/site/page-keys.ts`).
 */
export async function getBody(collection: 'articles' | 'actors' | 'figures', id: string): Promise<BodyTree> {
  const index = await getSiteIndex();
  const entries: ReadonlyMap<string, { body?: string | undefined; filePath?: string | undefined }> =
    index.bodies[collection];
  const entry = must(entries as Map<string, { body?: string; filePath?: string }>, id, collection.slice(0, -1));
  let context = contexts.get(index);
  if (context === undefined) {
    context = bodyContext(index.set, settings.base, index.text.locale);
    contexts.set(index, context);
  }
  const format = COLLECTION_FORMATS[collection] === 'mdx' ? 'mdx' : 'md';
  return bodyTree(entry.body ?? '', format, context, entry.filePath ?? `${collection}/${id}`);
}
