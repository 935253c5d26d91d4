import type { RelationType } from '../model/statement.ts';
import { type BodyRef, type BodyRefs, byId, type ContentSet } from '../model/content-set.ts';

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

function emptyActor(): ActorLinks {
  return {
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
  };
}

/** The index while it is built, with the lookups the passes share. */
interface Building extends CrossIndex {
  statementById: Map<string, ContentSet['statements'][number]>;
  figureById: Map<string, ContentSet['figures'][number]>;
  /** The groups of actors that appear together (a statement, an event, an article), by actor: each group is stored once. */
  together: Map<string, string[][]>;
}

/** Builds every backlink of a content set in one pass over each collection. */
export function buildCrossIndex(set: ContentSet, coActorLimit = 8): CrossIndex {
  const index = emptyIndex(set);
  linkActors(index, set.actors);
  linkIssuers(index, set.sources);
  linkStatements(index, set.statements);
  linkFigures(index, set.figures);
  linkEvents(index, set.events);
  for (const article of set.articles) linkArticle(index, article);
  rankCoActors(index, coActorLimit);
  sortStatementsNewestFirst(index);
  const { actors, statements, sources, figures, articles } = index;
  return { actors, statements, sources, figures, articles };
}

function emptyIndex(set: ContentSet): Building {
  return {
    actors: new Map(set.actors.map((a) => [a.id, emptyActor()])),
    statements: new Map(
      set.statements.map((s) => [s.id, { relations: [], estimates: [], articles: [] } as StatementLinks]),
    ),
    sources: new Map(
      set.sources.map((s) => [
        s.id,
        { articles: [], statements: [], estimates: [], events: [], bios: [], figures: [] } as SourceLinks,
      ]),
    ),
    figures: new Map(set.figures.map((f) => [f.id, { articles: [], claimants: [], sources: [] } as FigureLinks])),
    articles: new Map<string, ArticleLinks>(),
    statementById: byId(set.statements),
    figureById: byId(set.figures),
    together: new Map(),
  };
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

/** Parents and children, members of a state, and the sources an actor's bio cites. */
function linkActors({ actors, sources }: Building, list: ContentSet['actors']): void {
  for (const actor of list) {
    const links = actors.get(actor.id);
    if (!links) continue;
    for (const parent of actor.data.partOf ?? []) {
      addOnce(links.parents, parent);
      const parentLinks = actors.get(parent);
      if (parentLinks) addOnce(parentLinks.children, actor.id);
    }
    if (actor.data.country && actor.data.country !== actor.id) {
      const state = actors.get(actor.data.country);
      if (state) addOnce(state.members, actor.id);
    }
    for (const citation of actor.refs?.citations ?? []) {
      const source = sources.get(citation.id);
      if (source) addOnce(source.bios, actor.id);
    }
  }
}

/** The sources each actor issued. */
function linkIssuers({ actors }: Building, list: ContentSet['sources']): void {
  for (const source of list) {
    if (source.data.issuer) {
      const issuer = actors.get(source.data.issuer);
      if (issuer) addOnce(issuer.sourcesIssued, source.id);
    }
  }
}

/** Speakers, who statements are about, their sources, and relations seen from both sides. */
function linkStatements(index: Building, list: ContentSet['statements']): void {
  const { actors, sources, statements } = index;
  for (const statement of list) {
    const data = statement.data;
    const speaker = actors.get(data.speaker);
    if (speaker) addOnce(speaker.statementsBy, statement.id);
    for (const about of data.about ?? []) {
      const target = actors.get(about);
      if (target) addOnce(target.statementsAbout, statement.id);
    }
    for (const sourceId of data.sources) {
      const source = sources.get(sourceId);
      if (source) addOnce(source.statements, statement.id);
    }
    for (const relation of data.relations ?? []) {
      statements
        .get(statement.id)
        ?.relations.push({ type: relation.type, statement: relation.statement, direction: 'outgoing' });
      statements
        .get(relation.statement)
        ?.relations.push({ type: relation.type, statement: statement.id, direction: 'incoming' });
    }
    countTogether(index, [data.speaker, ...(data.about ?? [])]);
  }
}

/** Each estimate from its claimant, source and statement; the sources a figure's text cites. */
function linkFigures({ actors, sources, statements, figures }: Building, list: ContentSet['figures']): void {
  for (const figure of list) {
    const links = figures.get(figure.id);
    if (!links) continue;
    figure.data.estimates.forEach((estimate, index) => {
      const ref = { figure: figure.id, index };
      actors.get(estimate.by)?.estimates.push(ref);
      sources.get(estimate.source)?.estimates.push(ref);
      if (estimate.statement) statements.get(estimate.statement)?.estimates.push(ref);
      addOnce(links.claimants, estimate.by);
      addOnce(links.sources, estimate.source);
    });
    for (const citation of figure.refs?.citations ?? []) {
      addOnce(links.sources, citation.id);
      const source = sources.get(citation.id);
      if (source) addOnce(source.figures, figure.id);
    }
  }
}

/** The actors taking part in each event and the sources reporting it. */
function linkEvents(index: Building, list: ContentSet['events']): void {
  for (const event of list) {
    for (const actorId of event.data.actors ?? []) {
      const actor = index.actors.get(actorId);
      if (actor) addOnce(actor.events, event.id);
    }
    for (const sourceId of event.data.sources) {
      const source = index.sources.get(sourceId);
      if (source) addOnce(source.events, event.id);
    }
    countTogether(index, event.data.actors ?? []);
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
  const statement = index.statementById.get(id);
  if (!statement) return;
  addOnce(links.actors, statement.data.speaker);
  const speaker = index.actors.get(statement.data.speaker);
  if (speaker) addOnce(speaker.articlesQuoting, article);
  for (const sourceId of statement.data.sources) addOnce(links.sources, sourceId);
}

function linkFigureEmbed(index: Building, links: ArticleLinks, article: string, id: string): void {
  addOnce(links.figures, id);
  const figure = index.figures.get(id);
  if (figure) addOnce(figure.articles, article);
  // The embed shows each estimate with its source, cited in the article's reference list.
  for (const estimate of index.figureById.get(id)?.data.estimates ?? []) addOnce(links.sources, estimate.source);
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
