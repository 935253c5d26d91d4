import type { RefLink, RefTarget } from '../model/common.ts';
import { type BodyRef, type BodyRefs, byId, type ContentSet, type Entity } from '../model/content-set.ts';
import type { CollectionName } from '../model/index.ts';
import { eachValueAt, REFERENCE_FIELDS, type ReferenceField } from '../model/reference-paths.ts';
import type { RelationType } from '../model/statement.ts';

/** Points at one estimate: the figure and the estimate's position in its list. */
export interface EstimateRef {
  figure: string;
  index: number;
}

/** A relation seen from one statement: outgoing as written, or incoming from the other side. */
export interface RelationLink {
  type: RelationType;
  statement: string;
  direction: 'outgoing' | 'incoming';
}

/** Everything that points at an actor, or that it points at. */
export interface ActorLinks {
  statementsBy: string[];
  statementsAbout: string[];
  estimates: EstimateRef[];
  events: string[];
  articlesMentioning: string[];
  articlesQuoting: string[];
  sourcesIssued: string[];
  parents: string[];
  children: string[];
  members: string[];
  coActors: { id: string; count: number }[];
}

/** Everything that points at a statement. */
export interface StatementLinks {
  relations: RelationLink[];
  estimates: EstimateRef[];
  articles: string[];
}

/** Everything that cites a source. */
export interface SourceLinks {
  articles: string[];
  statements: string[];
  estimates: EstimateRef[];
  events: string[];
  bios: string[];
  figures: string[];
}

/** Everything a figure shows or is shown in. */
export interface FigureLinks {
  articles: string[];
  claimants: string[];
  sources: string[];
}

/** What an article refers to, in order of first appearance. */
export interface ArticleLinks {
  actors: string[];
  statements: string[];
  figures: string[];
  sources: string[];
}

/** The cross-link index: built once per build, read by every page. */
export interface CrossIndex {
  actors: Map<string, ActorLinks>;
  statements: Map<string, StatementLinks>;
  sources: Map<string, SourceLinks>;
  figures: Map<string, FigureLinks>;
  articles: Map<string, ArticleLinks>;
}

/** The values of each list `addOnce` has filled, for a lookup that does not read the whole list. */
const listed = new WeakMap<string[], Set<string>>();

/**
 * Appends a value once, keeping first-appearance order. Membership is a set
 * lookup: with `includes`, a source cited by 60,000 statements took 11 s.
 */
function addOnce(list: string[], value: string): void {
  let values = listed.get(list);
  if (values === undefined) {
    values = new Set(list);
    listed.set(list, values);
  }
  if (values.has(value)) return;
  values.add(value);
  list.push(value);
}

/** The links of one entry of each collection that has a page, empty. */
const EMPTY_LINKS = {
  actors: (): ActorLinks => ({
    statementsBy: [],
    statementsAbout: [],
    estimates: [],
    events: [],
    articlesMentioning: [],
    articlesQuoting: [],
    sourcesIssued: [],
    parents: [],
    children: [],
    members: [],
    coActors: [],
  }),
  statements: (): StatementLinks => ({ relations: [], estimates: [], articles: [] }),
  sources: (): SourceLinks => ({ articles: [], statements: [], estimates: [], events: [], bios: [], figures: [] }),
  figures: (): FigureLinks => ({ articles: [], claimants: [], sources: [] }),
  articles: (): ArticleLinks => ({ actors: [], statements: [], figures: [], sources: [] }),
} satisfies { [C in keyof CrossIndex]: () => CrossIndex[C] extends Map<string, infer L> ? L : never };

/** The reference fields of each collection, as the schemas declare them (`REFERENCE_FIELDS`). */
export type ReferenceFields = Readonly<Record<CollectionName, readonly ReferenceField[]>>;

/** The lists an entry of a collection has, or undefined when the collection has no page. */
function listNames(collection: CollectionName): Set<string> | undefined {
  const empty = collection in EMPTY_LINKS ? EMPTY_LINKS[collection as keyof CrossIndex]() : undefined;
  return empty && new Set(Object.keys(empty));
}

/**
 * What is wrong with the declared links of reference fields: a list that the
 * index does not have, or a shape it cannot build. Empty for the schemas
 * (a unit test holds it); the build stops on any other answer.
 */
export function linkProblems(fields: ReferenceFields = REFERENCE_FIELDS): string[] {
  const problems: string[] = [];
  for (const [collection, list] of Object.entries(fields) as [CollectionName, readonly ReferenceField[]][]) {
    for (const { path, target, link } of list) {
      const field = `${collection}: ${path.join('.')}`;
      const missing = (on: CollectionName, name: string) => {
        if (!listNames(on)?.has(name))
          problems.push(`${field} names the list \`${name}\`, which ${on} pages do not have`);
      };
      if ('none' in link) {
        if (link.none.trim() === '') problems.push(`${field} has no link and must say why`);
      } else if ('relation' in link) {
        if (collection !== 'statements' || target !== 'statements')
          problems.push(`${field}: a relation links two statements`);
        missing(collection, link.relation);
      } else {
        missing(target, link.backlink);
        if (link.forward) missing(collection, link.forward);
        if (link.item && (collection !== 'figures' || !path.includes('*')))
          problems.push(`${field}: an item backlink points at an estimate of a figure`);
      }
    }
  }
  return problems;
}

/** One reference an entry's fields make, with how the pages list it. */
interface Named {
  target: RefTarget;
  id: string;
  link: RefLink;
}

/** The index while it is built, with the lookups the passes share. */
interface Building extends CrossIndex {
  statementById: Map<string, ContentSet['statements'][number]>;
  /** The references each entry's fields make, by collection and id, in schema order. */
  named: Record<CollectionName, Map<string, Named[]>>;
  /** The groups of actors that appear together (a statement, an event, an article), by actor: each group is stored once. */
  together: Map<string, string[][]>;
}

/** The collections in the order their fields are followed. */
const ORDER: readonly CollectionName[] = ['actors', 'sources', 'statements', 'figures', 'events', 'articles'];

/** The collections whose entries make their actors appear together (besides articles, through their bodies). */
const TOGETHER: readonly CollectionName[] = ['statements', 'events'];

/**
 * Builds every backlink of a content set: the lists that reference fields
 * declare (`ref()` in the schemas, read through `REFERENCE_FIELDS`), then the
 * links of bodies (mentions, embeds, citations) and who appears together.
 */
export function buildCrossIndex(
  set: ContentSet,
  coActorLimit = 8,
  fields: ReferenceFields = REFERENCE_FIELDS,
): CrossIndex {
  const problems = linkProblems(fields);
  if (problems.length > 0) throw new Error(`The links of reference fields are declared wrong:\n${problems.join('\n')}`);
  const index = emptyIndex(set);
  for (const collection of ORDER) {
    const following = fields[collection].map((field) => ({ ...field, targets: linksOf(index, field.target) }));
    const entries: readonly Entity<unknown>[] = set[collection];
    for (const entry of entries) linkFields(index, collection, following, entry);
  }
  for (const collection of TOGETHER)
    for (const entry of set[collection]) countTogether(index, namedBy(index, collection, entry.id, isActor));
  linkBodyCitations(index.sources, 'bios', set.actors);
  linkBodyCitations(index.sources, 'figures', set.figures, index.figures);
  for (const article of set.articles) linkArticle(index, article);
  rankCoActors(index, coActorLimit);
  sortStatementsNewestFirst(index);
  const { actors, statements, sources, figures, articles } = index;
  return { actors, statements, sources, figures, articles };
}

function emptyIndex(set: ContentSet): Building {
  const links = <C extends keyof CrossIndex>(collection: C) =>
    new Map(set[collection].map((entry: Entity<unknown>) => [entry.id, EMPTY_LINKS[collection]()])) as CrossIndex[C];
  return {
    actors: links('actors'),
    statements: links('statements'),
    sources: links('sources'),
    figures: links('figures'),
    articles: new Map<string, ArticleLinks>(),
    statementById: byId(set.statements),
    named: {
      actors: new Map(),
      sources: new Map(),
      statements: new Map(),
      figures: new Map(),
      events: new Map(),
      articles: new Map(),
    },
    together: new Map(),
  };
}

/** The links of a collection's entries, when it has pages. */
function linksOf(index: Building, collection: CollectionName): Map<string, object> | undefined {
  return collection in EMPTY_LINKS ? index[collection as keyof CrossIndex] : undefined;
}

/** The lists of one entry, by name, when its collection has pages and the entry exists. */
function listsOf(index: Building, collection: CollectionName, id: string): Record<string, unknown[]> | undefined {
  return linksOf(index, collection)?.get(id) as Record<string, unknown[]> | undefined;
}

/** The value at a concrete path (`relations[1]`), read the way `eachValueAt` reads the declared one. */
function valueAt(data: unknown, at: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of at)
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** A reference field with the lists it fills, looked up once per build. */
interface Following extends ReferenceField {
  /** The links of the collection it names, when that collection has pages. */
  targets: Map<string, object> | undefined;
}

/** Follows every reference field of one entry into the lists its declaration names. */
function linkFields(
  index: Building,
  collection: CollectionName,
  fields: readonly Following[],
  entry: Entity<unknown>,
): void {
  const named: Named[] = [];
  index.named[collection].set(entry.id, named);
  const own = listsOf(index, collection, entry.id);
  for (const { path, target, link, targets } of fields) {
    eachValueAt(entry.data, path, (at, id) => {
      if (typeof id !== 'string') return;
      named.push({ target, id, link });
      if ('none' in link) return;
      const theirs = targets?.get(id) as Record<string, unknown[]> | undefined;
      if ('relation' in link) {
        const type = (valueAt(entry.data, at.slice(0, -1)) as { type: RelationType }).type;
        own?.[link.relation]?.push({ type, statement: id, direction: 'outgoing' } satisfies RelationLink);
        theirs?.[link.relation]?.push({ type, statement: entry.id, direction: 'incoming' } satisfies RelationLink);
        return;
      }
      if (link.forward && own) addOnce(own[link.forward] as string[], id);
      if (!theirs || (target === collection && id === entry.id)) return;
      const list = theirs[link.backlink] ?? [];
      if (link.item)
        list.push({ figure: entry.id, index: at.find((key) => typeof key === 'number') ?? 0 } satisfies EstimateRef);
      else addOnce(list as string[], entry.id);
    });
  }
}

const isActor = (named: Named) => named.target === 'actors';
/** The sources an embed shows with the entry: those whose page lists the entry back (a statement's sources, each estimate's source). */
const isShownSource = (named: Named) => named.target === 'sources' && 'backlink' in named.link;
/** The actor a quote is by: the one whose page lists the statement as theirs. */
const isSpeaker = (named: Named) =>
  isActor(named) && 'backlink' in named.link && named.link.backlink === 'statementsBy';

/** The ids an entry's fields name, of the references that pass `test`, in schema order. */
function namedBy(index: Building, collection: CollectionName, id: string, test: (named: Named) => boolean): string[] {
  return (index.named[collection].get(id) ?? []).filter(test).map((named) => named.id);
}

/**
 * The most actors a group may have for its pairs to count as appearing
 * together. A group of n actors makes n² pairs: one statement `about` 10,000
 * bodies would take minutes (and say nothing about who appears with whom),
 * where an article's cast of a hundred takes a moment.
 */
export const TOGETHER_GROUP_LIMIT = 200;

/**
 * Records a group of known actors that appear together, once per member (the
 * pairs are counted one actor at a time, by `rankCoActors`, so memory grows with
 * the groups, never with the pairs); a group over the limit counts for none.
 */
function countTogether(index: Building, group: Iterable<string>): void {
  const members = [...new Set(group)].filter((id) => index.actors.has(id));
  if (members.length < 2 || members.length > TOGETHER_GROUP_LIMIT) return;
  for (const a of members) {
    const groups = index.together.get(a) ?? [];
    index.together.set(a, groups);
    groups.push(members);
  }
}

/** The sources a body cites (an actor's bio, a figure's text): listed on the source's page, and on the figure's. */
function linkBodyCitations(
  sources: Map<string, SourceLinks>,
  list: 'bios' | 'figures',
  entries: readonly Entity<unknown>[],
  own?: Map<string, { sources: string[] }>,
): void {
  for (const entry of entries) {
    const mine = own?.get(entry.id);
    if (own && !mine) continue;
    for (const citation of entry.refs?.citations ?? []) {
      if (mine) addOnce(mine.sources, citation.id);
      const source = sources.get(citation.id);
      if (source) addOnce(source[list], entry.id);
    }
  }
}

type ArticleRef = BodyRef & { kind: 'mention' | 'statement' | 'figure' | 'citation' };

/** An article's references in document order, so that lists read as the article does. */
function inDocumentOrder(refs: BodyRefs): ArticleRef[] {
  return [
    ...refs.mentions.map((r) => ({ ...r, kind: 'mention' as const })),
    ...refs.statements.map((r) => ({ ...r, kind: 'statement' as const })),
    ...refs.figures.map((r) => ({ ...r, kind: 'figure' as const })),
    ...refs.citations.map((r) => ({ ...r, kind: 'citation' as const })),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** What an article refers to, and the backlinks from each of those to the article. */
function linkArticle(index: Building, article: ContentSet['articles'][number]): void {
  const links: ArticleLinks = { actors: [], statements: [], figures: [], sources: [] };
  index.articles.set(article.id, links);
  if (!article.refs) return;
  for (const ref of inDocumentOrder(article.refs)) {
    if (ref.kind === 'mention') linkMention(index, links, article.id, ref.id);
    else if (ref.kind === 'statement') linkQuote(index, links, article.id, ref.id);
    else if (ref.kind === 'figure') linkFigureEmbed(index, links, article.id, ref.id);
    else addOnce(links.sources, ref.id);
  }
  for (const sourceId of links.sources) {
    const source = index.sources.get(sourceId);
    if (source) addOnce(source.articles, article.id);
  }
  countTogether(index, links.actors);
}

function linkMention(index: Building, links: ArticleLinks, article: string, id: string): void {
  addOnce(links.actors, id);
  const actor = index.actors.get(id);
  if (actor) addOnce(actor.articlesMentioning, article);
}

/** An embedded statement: its speaker is in the article, its sources in the reference list. */
function linkQuote(index: Building, links: ArticleLinks, article: string, id: string): void {
  addOnce(links.statements, id);
  const statementLinks = index.statements.get(id);
  if (statementLinks) addOnce(statementLinks.articles, article);
  if (!index.statementById.has(id)) return;
  for (const speakerId of namedBy(index, 'statements', id, isSpeaker)) {
    addOnce(links.actors, speakerId);
    const speaker = index.actors.get(speakerId);
    if (speaker) addOnce(speaker.articlesQuoting, article);
  }
  for (const sourceId of namedBy(index, 'statements', id, isShownSource)) addOnce(links.sources, sourceId);
}

function linkFigureEmbed(index: Building, links: ArticleLinks, article: string, id: string): void {
  addOnce(links.figures, id);
  const figure = index.figures.get(id);
  if (figure) addOnce(figure.articles, article);
  // The embed shows each estimate with its source, cited in the article's reference list.
  for (const sourceId of namedBy(index, 'figures', id, isShownSource)) addOnce(links.sources, sourceId);
}

/** Each actor's most frequent companions, most frequent first, at most `limit`. */
function rankCoActors({ actors, together }: Building, limit: number): void {
  for (const [id, links] of actors) {
    const groups = together.get(id);
    if (!groups) continue;
    const counts = new Map<string, number>();
    for (const group of groups)
      for (const other of group) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    links.coActors = [...counts]
      .map(([other, count]) => ({ id: other, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}

/** Statement lists read newest first wherever they are shown. */
function sortStatementsNewestFirst({ actors, statementById }: Building): void {
  const statementDate = (id: string) => statementById.get(id)?.data.date ?? '';
  const newestFirst = (a: string, b: string) => statementDate(b).localeCompare(statementDate(a)) || a.localeCompare(b);
  for (const links of actors.values()) {
    links.statementsBy.sort(newestFirst);
    links.statementsAbout.sort(newestFirst);
  }
}
