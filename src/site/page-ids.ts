/**
 * The ids pages give their own parts (the main landmark, section headings, the
 * charts, estimate rows), declared once: layouts and components write them from
 * here, and no heading of a body takes one (`pageIds`, passed to `bodyTree` by
 * `getBody`), so `## Roles` in a bio cannot give the actor page two `id="roles"`.
 */
export const PAGE_IDS = {
  main: 'main',
  toc: 'toc-heading',
  corrections: 'corrections-heading',
  updates: 'updates',
  overTime: 'over-time',
  currentEstimates: 'current-estimates',
} as const;

/** The sections of an article page. */
export const ARTICLE_IDS = {
  actors: 'article-actors',
  statements: 'article-statements',
  figures: 'article-figures',
} as const;

/** The sections of an actor page. */
export const ACTOR_IDS = {
  roles: 'roles',
  statementsBy: 'statements-by',
  statementsAbout: 'statements-about',
  estimates: 'estimates',
  events: 'events',
  articlesMentioning: 'articles-mentioning',
  articlesQuoting: 'articles-quoting',
  sourcesIssued: 'sources-issued',
  children: 'children',
  members: 'members',
  appearsWith: 'appears-with',
} as const;

/** The sections of a figure page. */
export const FIGURE_IDS = {
  why: 'why',
  claimants: 'claimants',
  sources: 'sources',
  articles: 'articles',
} as const;

/** The title and description of a figure's chart of estimates. */
export const chartIds = (figure: string) => ({ title: `chart-${figure}-title`, desc: `chart-${figure}-desc` });

/** The title and description of a figure's chart over time. */
export const overTimeIds = (figure: string) => ({
  title: `over-time-${figure}-title`,
  desc: `over-time-${figure}-desc`,
});

/** The row of an estimate in its figure's table, which revisions link to. */
export const estimateRowId = (estimate: string) => `estimate-${estimate}`;

/**
 * Every id the page of an article, actor or figure holds outside its body (a
 * figure's charts and estimate rows included): the ids no heading of the body may take.
 */
export function pageIds(
  collection: 'articles' | 'actors' | 'figures',
  id: string,
  estimates: readonly { id?: string | undefined }[] = [],
): string[] {
  const common = Object.values(PAGE_IDS);
  if (collection === 'articles') return [...common, ...Object.values(ARTICLE_IDS)];
  if (collection === 'actors') return [...common, ...Object.values(ACTOR_IDS)];
  return [
    ...common,
    ...Object.values(FIGURE_IDS),
    ...Object.values(chartIds(id)),
    ...Object.values(overTimeIds(id)),
    ...estimates.flatMap((estimate) => (estimate.id ? [estimateRowId(estimate.id)] : [])),
  ];
}
