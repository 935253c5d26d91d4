import { aliasParts, type Actor } from '../model/actor.ts';
import type { Article } from '../model/article.ts';
import type { Figure } from '../model/figure.ts';
import type { Source } from '../model/source.ts';
import type { Statement } from '../model/statement.ts';
import { lastModified } from '../model/dates.ts';

/** A JSON-LD node: plain JSON data. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What every builder needs to turn ids into absolute URLs. */
export interface LinkContext {
  /** Absolute URL of a site page: `url('actors', 'x')` gives `https://example.org/base/actors/x/`. */
  url: (...parts: string[]) => string;
  /** Absolute URL of a share image, when the page has one. */
  image?: string | undefined;
  /** The site's name, used as the publisher when `site.yaml` names none. */
  siteName: string;
  /** The site's language (`locale` of `site.yaml`): the `inLanguage` of what the site writes. */
  inLanguage: string;
  /** The publisher from `site.yaml`, with its logo as an absolute URL. */
  publisher?: { name: string; url: string | undefined; logo: string | undefined } | undefined;
  /** Absolute URL of the site's home page. */
  home: string;
}

const ACTOR_TYPES: Record<Actor['kind'], string> = {
  person: 'Person',
  organization: 'Organization',
  'government-body': 'GovernmentOrganization',
  military: 'GovernmentOrganization',
  state: 'Country',
  intergovernmental: 'Organization',
  media: 'NewsMediaOrganization',
};

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` element.
 * `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (still valid JSON for
 * the same data), so no content can close the element or open a comment; the
 * line separators U+2028/U+2029 are escaped too.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Drops undefined fields and empty lists, so the output carries only what is known. */
function compact(node: Record<string, JsonValue | undefined>): JsonLd {
  const out: JsonLd = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** The schema.org node of a source, as cited by an article or a claim. */
export function sourceNode(source: Source, ctx: LinkContext, id: string): JsonLd {
  return compact({
    '@type': 'CreativeWork',
    '@id': ctx.url('sources', id),
    name: source.title,
    publisher: { '@type': 'Organization', name: source.publisher },
    datePublished: source.published,
    url: source.url,
    author: source.authors?.map((name) => ({ '@type': 'Person', name })),
    inLanguage: source.language,
  });
}

/** A short reference to an actor: its type, name and page. */
export function actorRef(actor: Actor, ctx: LinkContext, id: string): JsonLd {
  return { '@type': ACTOR_TYPES[actor.kind], '@id': ctx.url('actors', id), name: actor.name };
}

/** `NewsArticle` for an article page. */
export function articleJsonLd(
  article: Article,
  ctx: LinkContext,
  slug: string,
  sources: { id: string; data: Source }[],
): JsonLd {
  const publisher: JsonLd = ctx.publisher
    ? compact({
        '@type': 'Organization',
        name: ctx.publisher.name,
        url: ctx.publisher.url ?? ctx.home,
        logo: ctx.publisher.logo ? { '@type': 'ImageObject', url: ctx.publisher.logo } : undefined,
      })
    : { '@type': 'Organization', name: ctx.siteName, url: ctx.home };
  const authors = article.authors?.length
    ? article.authors.map((name) => ({ '@type': 'Person', name }) as JsonLd)
    : [publisher];
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': ctx.url('articles', slug),
    mainEntityOfPage: ctx.url('articles', slug),
    headline: article.title,
    description: article.description,
    inLanguage: ctx.inLanguage,
    datePublished: article.published,
    dateModified: lastModified(article),
    author: authors,
    publisher,
    image: ctx.image ? [ctx.image] : undefined,
    citation: sources.map((source) => sourceNode(source.data, ctx, source.id)),
  });
}

/** `Person`, `Organization`, `GovernmentOrganization` or `Country` for an actor page. */
export function actorJsonLd(
  actor: Actor,
  ctx: LinkContext,
  id: string,
  parents: { id: string; data: Actor }[],
): JsonLd {
  const sameAs = [actor.wikidata ? `https://www.wikidata.org/wiki/${actor.wikidata}` : undefined, actor.website].filter(
    (url): url is string => url !== undefined,
  );
  const type = ACTOR_TYPES[actor.kind];
  const parentRefs = parents.map((parent) => actorRef(parent.data, ctx, parent.id));
  return compact({
    '@context': 'https://schema.org',
    '@type': type,
    '@id': ctx.url('actors', id),
    url: ctx.url('actors', id),
    name: actor.name,
    description: actor.description,
    alternateName: actor.aliases?.map((written) => aliasParts(written).name),
    sameAs,
    image: ctx.image,
    // A person's offices are `jobTitle`; a body's parents are `parentOrganization`.
    jobTitle:
      type === 'Person' ? actor.roles?.filter((role) => role.to === undefined).map((role) => role.title) : undefined,
    memberOf: type === 'Person' ? parentRefs : undefined,
    parentOrganization: type !== 'Person' && type !== 'Country' ? parentRefs : undefined,
  });
}

/** `Claim` for a statement page: who made it, when, where it appears, and the original words of a translated quote. */
export function statementJsonLd(
  statement: Statement,
  ctx: LinkContext,
  id: string,
  speaker: { id: string; data: Actor },
  about: { id: string; data: Actor }[],
  sources: { id: string; data: Source }[],
): JsonLd {
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Claim',
    '@id': ctx.url('statements', id),
    url: ctx.url('statements', id),
    text: statement.quote ?? statement.summary,
    abstract: statement.quote && statement.summary ? statement.summary : undefined,
    author: actorRef(speaker.data, ctx, speaker.id),
    dateCreated: statement.date,
    inLanguage: statement.language,
    // A translated quote names the words as said, in their language, as the work it translates.
    translationOfWork: statement.original && {
      '@type': 'Quotation',
      text: statement.original.text,
      inLanguage: statement.original.lang,
      creator: actorRef(speaker.data, ctx, speaker.id),
    },
    about: about.map((actor) => actorRef(actor.data, ctx, actor.id)),
    appearance: sources.map((source) => sourceNode(source.data, ctx, source.id)),
  });
}

/** `Dataset` for a figure page: the estimates as a small table, with who made each. */
export function figureJsonLd(
  figure: Figure,
  ctx: LinkContext,
  id: string,
  claimants: { id: string; data: Actor }[],
  sources: { id: string; data: Source }[],
  csvUrl: string,
): JsonLd {
  const dates = figure.estimates.map((estimate) => estimate.date).sort();
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': ctx.url('figures', id),
    url: ctx.url('figures', id),
    name: figure.title,
    description: figure.description,
    inLanguage: ctx.inLanguage,
    image: ctx.image,
    variableMeasured: { '@type': 'PropertyValue', name: figure.title, unitText: figure.unit },
    temporalCoverage: dates.length > 1 && dates[0] !== dates.at(-1) ? `${dates[0]}/${dates.at(-1)}` : dates[0],
    creator: claimants.map((actor) => actorRef(actor.data, ctx, actor.id)),
    citation: sources.map((source) => sourceNode(source.data, ctx, source.id)),
    isAccessibleForFree: true,
    distribution: [{ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: csvUrl }],
  });
}
