import type { RelationType } from '../model/statement.ts';
import { byId, type ContentSet } from '../model/content-set.ts';

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

/** Appends a value once, keeping first-appearance order. */
function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function emptyActor(): ActorLinks {
  return {
    statementsBy: [], statementsAbout: [], estimates: [], events: [], articlesMentioning: [], articlesQuoting: [],
    sourcesIssued: [], parents: [], children: [], members: [], coActors: [],
  };
}

/** Builds every backlink of a content set in one pass over each collection. */
export function buildCrossIndex(set: ContentSet, coActorLimit = 8): CrossIndex {
  const actors = new Map(set.actors.map((a) => [a.id, emptyActor()]));
  const statements = new Map(set.statements.map((s) => [s.id, { relations: [], estimates: [], articles: [] } as StatementLinks]));
  const sources = new Map(
    set.sources.map((s) => [s.id, { articles: [], statements: [], estimates: [], events: [], bios: [], figures: [] } as SourceLinks]),
  );
  const figures = new Map(set.figures.map((f) => [f.id, { articles: [], claimants: [], sources: [] } as FigureLinks]));
  const articles = new Map<string, ArticleLinks>();
  const statementById = byId(set.statements);
  const figureById = byId(set.figures);
  const together = new Map<string, Map<string, number>>();
  const countTogether = (group: Iterable<string>) => {
    const members = [...new Set(group)].filter((id) => actors.has(id));
    for (const a of members) {
      const counts = together.get(a) ?? new Map<string, number>();
      together.set(a, counts);
      for (const b of members) if (a !== b) counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  };

  for (const actor of set.actors) {
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

  for (const source of set.sources) {
    if (source.data.issuer) {
      const issuer = actors.get(source.data.issuer);
      if (issuer) addOnce(issuer.sourcesIssued, source.id);
    }
  }

  for (const statement of set.statements) {
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
      statements.get(statement.id)?.relations.push({ type: relation.type, statement: relation.statement, direction: 'outgoing' });
      statements.get(relation.statement)?.relations.push({ type: relation.type, statement: statement.id, direction: 'incoming' });
    }
    countTogether([data.speaker, ...(data.about ?? [])]);
  }

  for (const figure of set.figures) {
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

  for (const event of set.events) {
    for (const actorId of event.data.actors ?? []) {
      const actor = actors.get(actorId);
      if (actor) addOnce(actor.events, event.id);
    }
    for (const sourceId of event.data.sources) {
      const source = sources.get(sourceId);
      if (source) addOnce(source.events, event.id);
    }
    countTogether(event.data.actors ?? []);
  }

  for (const article of set.articles) {
    const links: ArticleLinks = { actors: [], statements: [], figures: [], sources: [] };
    articles.set(article.id, links);
    const refs = article.refs;
    if (!refs) continue;
    // Walk references in document order so lists read as the article does.
    const ordered = [
      ...refs.mentions.map((r) => ({ ...r, kind: 'mention' as const })),
      ...refs.statements.map((r) => ({ ...r, kind: 'statement' as const })),
      ...refs.figures.map((r) => ({ ...r, kind: 'figure' as const })),
      ...refs.citations.map((r) => ({ ...r, kind: 'citation' as const })),
    ].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const ref of ordered) {
      if (ref.kind === 'mention') {
        addOnce(links.actors, ref.id);
        const actor = actors.get(ref.id);
        if (actor) addOnce(actor.articlesMentioning, article.id);
      } else if (ref.kind === 'statement') {
        addOnce(links.statements, ref.id);
        const statementLinks = statements.get(ref.id);
        if (statementLinks) addOnce(statementLinks.articles, article.id);
        const statement = statementById.get(ref.id);
        if (!statement) continue;
        addOnce(links.actors, statement.data.speaker);
        const speaker = actors.get(statement.data.speaker);
        if (speaker) addOnce(speaker.articlesQuoting, article.id);
        for (const sourceId of statement.data.sources) addOnce(links.sources, sourceId);
      } else if (ref.kind === 'figure') {
        addOnce(links.figures, ref.id);
        const figure = figures.get(ref.id);
        if (figure) addOnce(figure.articles, article.id);
        // The embed shows each estimate with its source, cited in the article's reference list.
        for (const estimate of figureById.get(ref.id)?.data.estimates ?? []) addOnce(links.sources, estimate.source);
      } else {
        addOnce(links.sources, ref.id);
      }
    }
    for (const sourceId of links.sources) {
      const source = sources.get(sourceId);
      if (source) addOnce(source.articles, article.id);
    }
    countTogether(links.actors);
  }

  for (const [id, links] of actors) {
    const counts = together.get(id);
    if (!counts) continue;
    links.coActors = [...counts]
      .map(([other, count]) => ({ id: other, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, coActorLimit);
  }
  // Statement lists read newest first wherever they are shown.
  const statementDate = (id: string) => statementById.get(id)?.data.date ?? '';
  const newestFirst = (a: string, b: string) => statementDate(b).localeCompare(statementDate(a)) || a.localeCompare(b);
  for (const links of actors.values()) {
    links.statementsBy.sort(newestFirst);
    links.statementsAbout.sort(newestFirst);
  }
  return { actors, statements, sources, figures, articles };
}
