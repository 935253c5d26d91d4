import XMLBuilder from 'fast-xml-builder';
import type { Messages } from '../messages/index.ts';
import { updateAnchors, type Article } from '../model/article.ts';
import { instantOf } from '../model/times.ts';
import type { LoggedEntry } from '../site/corrections.ts';

/** One item of the RSS feed. */
export interface FeedItem {
  title: string;
  /** Absolute URL; unique per item, since feed readers use it as the item's id. */
  link: string;
  /** ISO date. */
  date: string;
  /** Time of day with its offset, when the update gives one. */
  time?: string | undefined;
  description: string;
}

/**
 * The feed: one item per article and one per entry of its update log, and
 * one per update of any other entry (a statement, a figure…), newest first. Ties keep a stable order (article slug, then the article before its
 * updates) so two builds give the same file.
 */
export function feedItems(
  m: Pick<Messages, 'feed'>,
  articles: readonly { id: string; data: Article }[],
  articleUrl: (slug: string) => string,
  /** Other entries with an update log, and where each update is read. */
  others: { entries: readonly LoggedEntry[]; updateUrl: (entry: LoggedEntry, anchor: string) => string } = {
    entries: [],
    updateUrl: () => '',
  },
): FeedItem[] {
  const items: (FeedItem & { order: [string, number] })[] = [];
  for (const entry of others.entries) {
    if (entry.kind === 'articles') continue;
    const anchors = updateAnchors(entry.updates);
    entry.updates.forEach((update, index) => {
      items.push({
        title: update.correction ? m.feed.correction(entry.title) : m.feed.update(entry.title),
        link: others.updateUrl(entry, anchors[index] ?? ''),
        date: update.date,
        ...(update.time === undefined ? {} : { time: update.time }),
        description: update.summary,
        order: [`${entry.kind}/${entry.id}`, index + 1],
      });
    });
  }
  for (const { id, data } of articles) {
    const link = articleUrl(id);
    items.push({ title: data.title, link, date: data.published, description: data.description, order: [id, 0] });
    const anchors = updateAnchors(data.updates ?? []);
    (data.updates ?? []).forEach((update, index) => {
      items.push({
        title: update.correction ? m.feed.correction(data.title) : m.feed.update(data.title),
        link: `${link}#${anchors[index]}`,
        date: update.date,
        ...(update.time === undefined ? {} : { time: update.time }),
        description: update.summary,
        order: [id, index + 1],
      });
    });
  }
  items.sort(
    (a, b) =>
      instantOf(b.date, b.time) - instantOf(a.date, a.time) ||
      a.order[0].localeCompare(b.order[0]) ||
      a.order[1] - b.order[1],
  );
  return items.map(({ order: _order, ...item }) => item);
}

/**
 * The channel's `<image>`, as RSS 2.0 describes it: the publisher's logo (an
 * absolute URL), titled and linked like the channel itself; nothing without a
 * logo. Text is escaped by the XML builder the feed itself is written with.
 */
export function feedImage(logo: string | undefined, channel: { title: string; link: string }): string {
  if (logo === undefined) return '';
  return new XMLBuilder().build({ image: { url: logo, title: channel.title, link: channel.link } });
}
