/**
 * The reference table: every word the site shows readers, in English. Its type
 * is the type of every other table (`Messages`), so a table that misses a key,
 * or has one more, does not compile.
 *
 * - A plain string is shown as written.
 * - `{name}` in a string is a slot the page fills with an element or a value
 *   (a link, a date in `<time>`); every table has the same slots.
 * - `` `text` `` in a string is shown as code.
 * - A function takes the values it names; counts pick their plural form with
 *   `Intl.PluralRules` of the language (`counter`).
 * - `browser` and `browserSearch` are what the scripts in the reader's browser show: plain strings
 *   and plural forms, read from the page.
 */
import { counter, forms } from './plural.ts';

const count = counter('en');

export const en = {
  site: {
    /** The site's description when `site.yaml` gives none. */
    description: 'Who is who, who said what and when, why the numbers differ, and where each claim comes from.',
    /** Title of a page, then the site's name. */
    pageTitle: (page: string, site: string) => `${page} · ${site}`,
    feedTitle: (site: string) => `${site} (RSS)`,
  },
  nav: {
    label: 'Main',
    skip: 'Skip to content',
    actors: 'Actors',
    statements: 'Statements',
    figures: 'Figures',
    timeline: 'Timeline',
    sources: 'Sources',
    search: 'Search',
    darkTheme: 'Dark theme',
  },
  footer: {
    /** The footer line; `{sources}`, `{corrections}` and `{data}` are links. */
    line: 'Every claim on this site links to its sources. {sources}. {corrections}. {data}.',
    sources: 'All sources',
    corrections: 'Corrections',
    data: 'Open data',
  },
  /** What kind of page a search result or a preview card is. */
  kinds: {
    article: 'Article',
    actor: 'Actor',
    statement: 'Statement',
    figure: 'Figure',
    source: 'Source',
  },
  actorKinds: {
    person: 'Person',
    organization: 'Organisation',
    'government-body': 'Government body',
    military: 'Military',
    state: 'State',
    intergovernmental: 'Intergovernmental body',
    media: 'Media',
  },
  /** Headings of the index of actors, one per kind. */
  actorGroups: {
    person: 'People',
    state: 'States',
    'government-body': 'Government bodies',
    military: 'Military',
    intergovernmental: 'Intergovernmental bodies',
    organization: 'Organisations',
    media: 'Media',
  },
  sourceTypes: {
    'news-report': 'News report',
    speech: 'Speech',
    'press-release': 'Press release',
    briefing: 'Briefing',
    statement: 'Statement',
    interview: 'Interview',
    report: 'Report',
    dataset: 'Dataset',
    'social-post': 'Social media post',
    document: 'Document',
  },
  /** How a relation between statements reads from each side. */
  relations: {
    confirms: { outgoing: 'Confirms', incoming: 'Confirmed by' },
    contradicts: { outgoing: 'Contradicts', incoming: 'Contradicted by' },
    denies: { outgoing: 'Denies', incoming: 'Denied by' },
    updates: { outgoing: 'Updates', incoming: 'Updated by' },
    'responds-to': { outgoing: 'Responds to', incoming: 'Answered by' },
  },
  /** What each kind of corrected entry is called in the list of corrections. */
  loggedKinds: {
    articles: 'Article',
    actors: 'Profile',
    statements: 'Statement',
    figures: 'Figure',
    sources: 'Source',
    events: 'Timeline event',
  },
  roles: {
    /** A role that has ended since: "then U.S. Secretary of Defense". */
    ended: (title: string) => `then ${title}`,
    fromTo: '(from {from} to {to})',
    from: '(from {from})',
    until: '(until {to})',
  },
  wording: {
    quote: 'Quote',
    /** A quote in the quote marks of the language: on statement cards, in lists and links. */
    quoted: (text: string) => `“${text}”`,
    paraphrase: 'Paraphrase',
    translated: 'Quote, translated',
    translatedFrom: (language: string) => `Quote, translated from ${language}`,
    original: (language: string) => `Original words, in ${language}`,
  },
  statement: {
    /** A statement's title in lists: "Statement by Dana Okafor, 4 November 2024". */
    title: (speaker: string, date: string) => `Statement by ${speaker}, ${date}`,
    heading: 'Statement by {speaker} on {date}',
    about: 'About:',
    related: 'Related statements',
    sources: 'Sources',
    figures: 'Figures it states',
    articles: 'Articles that quote it',
  },
  citations: {
    source: (n: number) => `Source ${n}`,
    sourceAt: (n: number, locator: string) => `Source ${n}, ${locator}`,
    references: 'References',
    back: (label: string) => `Back to citation ${label} in the text`,
    original: 'Original',
    sources: (n: number): string => (n === 1 ? 'Source:' : 'Sources:'),
  },
  actor: {
    alsoWritten: 'Also written:',
    country: 'Country',
    partOf: 'Part of',
    wikidata: 'Wikidata',
    website: 'Website',
    roles: 'Roles',
    statementsBy: (name: string) => `Statements by ${name}`,
    statementsAbout: (name: string) => `Statements about ${name}`,
    estimates: 'Estimates claimed',
    events: 'Events',
    articlesMentioning: 'Articles that mention this actor',
    articlesQuoting: 'Articles that quote this actor',
    sourcesIssued: 'Sources issued',
    children: 'Bodies within',
    members: 'Belonging to this state',
    appearsWith: 'Appears most with',
    times: (n: number) => count(n, { one: '{n} time', other: '{n} times' }),
    all: 'All actors',
  },
  article: {
    by: (authors: string) => `By ${authors}.`,
    published: 'Published {published}.',
    publishedUpdated: 'Published {published}; updated {updated}.',
    draft: 'Draft: not published.',
    contents: 'Contents',
    cast: 'Who is who',
    statements: 'Statements quoted',
    figures: 'Figures',
    none: 'No articles yet.',
  },
  updates: {
    heading: 'Updates',
    correction: 'Correction:',
    corrections: (n: number): string => (n === 1 ? 'Correction' : 'Corrections'),
    corrected: 'Corrected {when}:',
    updated: 'Updated {when}:',
    all: 'All corrections',
  },
  source: {
    /** The description of a source page: "News report by Radio Northport, 14 March 2024". */
    description: (type: string, publisher: string, date: string) => `${type} by ${publisher}, ${date}`,
    publisher: 'Publisher',
    published: 'Published',
    authors: 'Authors',
    issuer: 'Issued by',
    language: 'Language',
    original: 'Original',
    noAddress: 'No web address is known for this source.',
    archived: 'Archived copy',
    accessed: 'Accessed',
    articles: 'Articles citing it',
    statements: 'Statements it records',
    estimates: 'Estimates from it',
    events: 'Events it reports',
    figures: 'Figure explanations citing it',
    profiles: 'Profiles citing it',
  },
  figure: {
    current: 'Current estimates',
    asOf: '(as of {date})',
    asOfScope: '(as of {date}, {scope})',
    overTime: 'Over time',
    overTimeTitle: (title: string) => `${title}: estimates over time`,
    chartLegend: 'Claimants',
    compared: (title: string) => `${title}: estimates compared`,
    caption: (title: string, unit: string) => `${title}: every estimate, in ${unit}`,
    columns: {
      estimate: 'Estimate',
      by: 'Claimed by',
      date: 'Date',
      scope: 'Covers',
      method: 'Method',
      source: 'Source',
    },
    statement: 'statement',
    withdrawnMark: ' (withdrawn)',
    revisedMark: ' (revised)',
    revisesMark: (estimate: string) => ` (revises ${estimate})`,
    chartNote:
      'Each mark is one estimate, by date, in the colour and shape of its claimant; a dashed line joins a revised estimate to the one that replaced it. Hollow marks were revised or withdrawn. The table below has every estimate.',
    why: 'Why the estimates differ',
    claimants: 'Who claims what',
    sources: 'Sources',
    articles: 'Articles showing this figure',
    /** One estimate named: "Harbor Water Company's 12,000 of 4 November 2024". */
    estimateOf: (name: string, value: string, date: string) => `${name}'s ${value} of ${date}`,
    revises: 'Revises {estimate}.',
    revisedBy: (estimate: string) => `Revised by ${estimate}.`,
    withdrawn: (date: string, by: string | undefined, note: string | undefined) =>
      `Withdrawn on ${date}${by === undefined ? '' : ` by ${by}`}${note === undefined ? '' : `: ${note}`}.`,
    accordingTo: 'according to {who}',
    estimates: (n: number) => count(n, { one: '{n} estimate', other: '{n} estimates' }),
  },
  timeline: {
    label: 'Timeline',
    filter: 'Show only entries involving',
    anyone: 'anyone',
    empty: 'Nothing on the timeline for this selection yet.',
    with: 'With {actors}.',
  },
  home: {
    latest: 'Latest updates',
    newArticle: 'new article',
    update: 'update',
    correction: 'correction',
    keyFigures: 'Key figures',
    /** A figure's current spread: "now 10,000–12,000 troops, by 2 claimants (5 estimates in all)". */
    now: (value: string, claimants: number, estimates: number) =>
      `now ${value}, by ${count(claimants, { one: '{n} claimant', other: '{n} claimants' })} (${count(estimates, { one: '{n} estimate', other: '{n} estimates' })} in all)`,
    allWithdrawn: 'every estimate has been revised or withdrawn',
    articles: 'Articles',
    mainActors: 'Main actors',
    allActors: 'All actors',
    timeline: 'Timeline',
  },
  lists: {
    actors: { title: 'Actors', description: 'The people, bodies and states in this story, grouped by kind.' },
    articles: { title: 'Articles', description: 'Every article, newest first.' },
    figures: { title: 'Figures', description: 'The numbers sources disagree on, with every estimate side by side.' },
    sources: { title: 'Sources', description: 'Every source behind the claims on this site, grouped by publisher.' },
    statements: {
      title: 'Statements',
      description: 'Everything said in this story, newest first, each with its sources.',
    },
    timeline: { title: 'Timeline', description: 'Events and statements in this story, in date order.' },
  },
  search: {
    title: 'Search',
    description: 'Search articles, actors, statements, figures and sources.',
    label: 'Search articles, actors (by any spelling of their name), statements, figures and sources',
    button: 'Search',
    noScript: 'Search needs JavaScript. Browse the {actors}, {statements}, the {timeline} and the {sources} instead.',
    actors: 'actors',
    statements: 'statements',
    timeline: 'timeline',
    sources: 'sources',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address.',
    standfirst: 'There is no page at this address. It may have moved, or the link may have a typing mistake.',
    home: '{link}: the latest articles',
    homeLink: 'Front page',
    search: '{link} articles, actors, statements and sources',
    searchLink: 'Search',
    actors: '{actors} and the {timeline}',
    actorsLink: 'All actors',
    timelineLink: 'timeline',
  },
  corrections: {
    title: 'Corrections',
    description:
      'Every correction made to our articles, statements, figures, profiles, sources and timeline, newest first.',
    intro:
      'When we get something wrong, we correct it, say so at the top of its page, and list the correction here, newest first: articles, statements, figures, profiles, sources and timeline events alike.',
    none: 'No corrections have been made.',
  },
  data: {
    title: 'Open data',
    description: 'Every actor, statement, figure, source and event on this site as JSON, and every estimate as CSV.',
    intro:
      'Everything this site shows is built from structured records. The same records are published here as files you can download and reuse.',
    files: 'Files',
    records: (n: number) => count(n, { one: '{n} record', other: '{n} records' }),
    rows: (n: number) => count(n, { one: '{n} row', other: '{n} rows' }),
    what: {
      actors:
        'People, organisations and states: name, kind, description, aliases, country, parent bodies, roles with dates, Wikidata item, website.',
      statements:
        'Who said what and when: speaker, date, quote or summary, context, who it is about, language, relations to other statements, and the sources that record it.',
      figures:
        'Numbers that sources disagree on: title, unit, description, and every estimate with claimant, date, source, scope and method.',
      sources:
        'The documents every claim rests on: title, publisher, type, publication date, URL and archive copy where known, authors, issuer, language.',
      events: 'The timeline: date, title, summary, place, actors taking part, and sources.',
      estimates:
        "one row per estimate, with the figure, the value or the low and high ends of a range, the claimant, the date, scope, method and note, and the source's title, publisher and URL.",
    },
    format: 'Format',
    formatJson:
      "Each JSON file is a list of records sorted by `id`. Every record has the `id` used across all files, the `page` on this site that shows it, and the fields as the editors wrote them. References between records are by id: a statement's `speaker` is an id in `actors.json`, its `sources` are ids in `sources.json`. Dates are written `YYYY-MM-DD`.",
    formatCsv:
      "The CSV file is UTF-8 with a header row and these columns: {columns}. A single value fills `value`; a range fills `low` and `high`. Text cells are in double quotes and numbers are not. A text cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return starts with an apostrophe (`'`) instead, so that a spreadsheet shows it as text rather than running it as a formula; a program reading the file should drop that apostrophe.",
    cite: 'How to cite',
    citeSources:
      'This site collects and cross-links what others said and published; it is not the origin of those claims. When you use a statement, a figure or an event, cite the original source recorded with it (its title, publisher, date and URL in `sources.json` or in the `source_*` columns of the CSV), and check it there, rather than citing this site. Where a source has an `archived` copy, cite that too, since pages change.',
    citeSite:
      'Cite this site only for its own work: the selection, the links between records, and the explanations in its articles.',
  },
  share: {
    /** The label of an article's share image. */
    article: 'Explainer',
    updated: (date: string) => `updated ${date}`,
    figure: (estimates: number, unit: string) =>
      `Figure · ${count(estimates, { one: '{n} estimate', other: '{n} estimates' })} · ${unit}`,
    /** Under a figure's rows, when it has more estimates than the card shows. */
    more: (n: number) => `and ${count(n, { one: '{n} more', other: '{n} more' })}`,
    site: 'Every claim linked to its sources',
    articles: (n: number) => count(n, { one: '{n} article', other: '{n} articles' }),
    actors: (n: number) => count(n, { one: '{n} actor', other: '{n} actors' }),
    statements: (n: number) => count(n, { one: '{n} statement', other: '{n} statements' }),
    figures: (n: number) => count(n, { one: '{n} figure', other: '{n} figures' }),
    sources: (n: number) => count(n, { one: '{n} source', other: '{n} sources' }),
  },
  feed: {
    correction: (title: string) => `Correction: ${title}`,
    update: (title: string) => `Update: ${title}`,
  },
  /** What the scripts on every page show (previews, "since your last visit", the timeline filter). `{n}` and `{shown}` are numbers. */
  browser: {
    newMark: 'New since your last visit',
    changes: forms({ one: '{n} change since your last visit.', other: '{n} changes since your last visit.' }),
    showingAll: forms({ one: 'Showing all {n} entries.', other: 'Showing all {n} entries.' }),
    showing: forms({ one: 'Showing {shown} of {n} entries.', other: 'Showing {shown} of {n} entries.' }),
    actor: 'Actor',
    source: 'Source',
    sourceNumber: 'Source {n}',
    tapAgain: 'Tap the link again to open it.',
  },
  /** What the search page's script shows. `{n}` is a number, `{q}` the query. */
  browserSearch: {
    page: 'Page',
    nothingFound: 'Nothing found for “{q}”.',
    results: forms({ one: '{n} result for “{q}”.', other: '{n} results for “{q}”.' }),
    resultsFirst: forms({ one: '{n} result for “{q}”.', other: '{n} results for “{q}”, showing the first 20.' }),
    searchFailed: 'Search could not load. Try reloading the page.',
  },
};

/** The shape of every table: the English table's keys and signatures. */
export type Messages = typeof en;
