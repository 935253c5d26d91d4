import { describe, expect, test } from 'vitest';
import { formatPolicy, headersFile, mergePolicies, metaPolicy, parsePolicy } from '../../../src/publish/csp.ts';
import { feedImage, feedItems } from '../../../src/publish/feed.ts';
import { updateAnchors } from '../../../src/model/updates.ts';
import { articleSchema, updateIds, type Update } from '../../../src/model/article.ts';
import {
  actorJsonLd,
  articleJsonLd,
  serializeJsonLd,
  statementJsonLd,
  type LinkContext,
} from '../../../src/publish/jsonld.ts';
import {
  dataCollectionOf,
  dataRecords,
  estimatesCsv,
  OPEN_DATA_FILES,
  openDataFiles,
} from '../../../src/publish/open-data.ts';
import { headMeta, shareImagePath, siteImagePath } from '../../../src/publish/page-meta.ts';
import type { SiteIndex } from '../../../src/site/site-index.ts';
import { clip } from '../../../src/share/share-image.ts';
import type { ContentSet } from '../../../src/model/content-set.ts';
import type { Actor } from '../../../src/model/actor.ts';
import { en } from '../../../src/messages/en.ts';
import { localize } from '../../../src/messages/index.ts';

const ctx: LinkContext = {
  url: (...parts) => `https://x.test/b/${parts.join('/')}/`,
  siteName: 'X',
  inLanguage: 'en-GB',
  home: 'https://x.test/b/',
};

describe('serializeJsonLd', () => {
  test.each([['</script><script>alert(1)</script>'], ['<!-- comment'], ['a & b > c'], ['line\u2028separator\u2029']])(
    'keeps %j as data that cannot leave the script element',
    (text) => {
      const out = serializeJsonLd({ name: text });
      expect(out).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(out)).toEqual({ name: text });
    },
  );
});

describe('JSON-LD builders', () => {
  const actor = (kind: Actor['kind'], extra: Partial<Actor> = {}): Actor => ({
    name: 'N',
    kind,
    description: 'D',
    ...extra,
  });
  test.each([
    ['person', 'Person'],
    ['organization', 'Organization'],
    ['government-body', 'GovernmentOrganization'],
    ['state', 'Country'],
  ] as const)('an actor of kind %s is a %s', (kind, type) => {
    expect(actorJsonLd(actor(kind), ctx, 'n', [])['@type']).toBe(type);
  });

  test.each([
    [
      'without a publisher in site.yaml, the site',
      undefined,
      { '@type': 'Organization', name: 'X', url: 'https://x.test/b/' },
    ],
    [
      'the publisher of site.yaml, with its logo',
      { name: 'Daily', url: 'https://daily.example', logo: 'https://x.test/b/images/logo.png' },
      {
        '@type': 'Organization',
        name: 'Daily',
        url: 'https://daily.example',
        logo: { '@type': 'ImageObject', url: 'https://x.test/b/images/logo.png' },
      },
    ],
    [
      'a publisher without address or logo, with the home page',
      { name: 'Daily', url: undefined, logo: undefined },
      { '@type': 'Organization', name: 'Daily', url: 'https://x.test/b/' },
    ],
  ])('an article is published by %s', (_, publisher, expected) => {
    const article = articleSchema.parse({ title: 'T', description: 'D', published: '2024-01-01' });
    expect(articleJsonLd(article, { ...ctx, publisher }, 'a', [])['publisher']).toEqual(expected);
  });

  test('sameAs holds the Wikidata item and the website', () => {
    const data = actorJsonLd(actor('state', { wikidata: 'Q212', website: 'https://gov.example' }), ctx, 'n', []);
    expect(data['sameAs']).toEqual(['https://www.wikidata.org/wiki/Q212', 'https://gov.example']);
  });

  test('a claim names its author, date and every source it appears in', () => {
    const data = statementJsonLd(
      { speaker: 's', date: '2024-01-02', quote: 'Q', sources: ['a', 'b'] },
      ctx,
      'st',
      { id: 's', data: actor('person') },
      [],
      [
        { id: 'a', data: { title: 'A', publisher: 'P', type: 'report', published: '2024-01-02' } },
        {
          id: 'b',
          data: { title: 'B', publisher: 'P', type: 'speech', published: '2024-01-03', url: 'https://p.example/b' },
        },
      ],
    );
    expect(data).toMatchObject({
      '@type': 'Claim',
      text: 'Q',
      dateCreated: '2024-01-02',
      author: { '@id': 'https://x.test/b/actors/s/' },
    });
    expect((data['appearance'] as { '@id': string }[]).map((a) => a['@id'])).toEqual([
      'https://x.test/b/sources/a/',
      'https://x.test/b/sources/b/',
    ]);
  });
  test('a translated quote carries its original words as a Quotation in their language; a quote without them does not', () => {
    const claim = (statement: Parameters<typeof statementJsonLd>[0]) =>
      statementJsonLd(statement, ctx, 'st', { id: 's', data: actor('person') }, [], []);
    const translated = claim({
      speaker: 's',
      date: '2024-01-02',
      quote: 'We will not retreat.',
      translated: true,
      original: { text: 'Ми не відступимо.', lang: 'uk' },
      sources: ['a'],
    });
    expect(translated).toMatchObject({
      text: 'We will not retreat.',
      translationOfWork: {
        '@type': 'Quotation',
        text: 'Ми не відступимо.',
        inLanguage: 'uk',
        creator: { '@id': 'https://x.test/b/actors/s/' },
      },
    });
    expect(claim({ speaker: 's', date: '2024-01-02', quote: 'Q', sources: ['a'] })).not.toHaveProperty(
      'translationOfWork',
    );
  });
});

describe('feed', () => {
  test('the channel image is the publisher logo, titled and linked like the channel, escaped; none without a logo', () => {
    const channel = { title: 'Flood & <Desk>', link: 'https://x.test/b/' };
    expect(feedImage('https://x.test/b/images/logo.png?a=1&b=2', channel)).toBe(
      '<image><url>https://x.test/b/images/logo.png?a=1&amp;b=2</url><title>Flood &amp; &lt;Desk&gt;</title><link>https://x.test/b/</link></image>',
    );
    expect(feedImage(undefined, channel)).toBe('');
  });

  const articles = [
    {
      id: 'old',
      data: {
        title: 'Old',
        description: 'o',
        published: '2024-01-01',
        updates: [
          { date: '2024-03-01', summary: 'u2' },
          { date: '2024-03-01', summary: 'u1', correction: true },
        ],
      },
    },
    { id: 'new', data: { title: 'New', description: 'n', published: '2024-02-01' } },
  ];
  test('lists articles and updates newest first, each with its own link', () => {
    const items = feedItems(en, articles, (slug) => `https://x.test/articles/${slug}/`);
    expect(items.map((item) => [item.date, item.title])).toEqual([
      ['2024-03-01', 'Update: Old'],
      ['2024-03-01', 'Correction: Old'],
      ['2024-02-01', 'New'],
      ['2024-01-01', 'Old'],
    ]);
    expect(new Set(items.map((item) => item.link)).size).toBe(items.length);
  });
  test('anchors of same-day updates without id get a number, counted from the oldest', () => {
    const updates = articles[0]!.data.updates!;
    expect(updateAnchors(updates)).toEqual(['update-2024-03-01-2', 'update-2024-03-01']);
  });

  const links = (updates: Update[]) =>
    feedItems(
      en,
      [{ id: 'a', data: { title: 'A', description: 'd', published: '2024-01-01', updates } }],
      (slug) => `https://x.test/${slug}/`,
    ).map((item) => `${item.link} ${item.description}`);
  const withIds: Update[] = [
    { id: 'revised-count', date: '2024-03-01', summary: 'second' },
    { id: 'first-count', date: '2024-03-01', summary: 'first', correction: true },
  ];
  const withoutIds: Update[] = [
    { date: '2024-03-01', summary: 'second' },
    { date: '2024-03-01', summary: 'first' },
  ];

  test.each([
    ['a new entry on top, with ids', withIds, [{ id: 'third', date: '2024-03-01', summary: 'third' }, ...withIds]],
    ['a new entry on top, without ids', withoutIds, [{ date: '2024-03-01', summary: 'third' }, ...withoutIds]],
    [
      'a new entry on another day, without ids',
      withoutIds,
      [{ date: '2024-03-02', summary: 'next day' }, ...withoutIds],
    ],
    ['reordered entries with ids', withIds, [...withIds].reverse()],
    ['an edited summary and date with ids', withIds, [{ ...withIds[0]!, date: '2024-03-02' }, withIds[1]!]],
  ] as [string, Update[], Update[]][])('%s: every existing anchor and feed GUID stays', (_name, before, after) => {
    const kept = new Set(links(after).map((line) => line.split(' ')[0]));
    for (const line of links(before)) expect(kept, line).toContain(line.split(' ')[0]);
    // And each item still points at the same entry (its summary), whatever was added.
    const bySummary = (lines: string[]) => new Map(lines.map((line) => [line.split(' ')[1], line.split(' ')[0]]));
    const old = bySummary(links(before));
    const now = bySummary(links(after));
    for (const [summary, link] of old) if (now.has(summary!)) expect(now.get(summary!)).toBe(link);
  });

  test('updates of statements, figures and events are feed items too, linking to their entry', () => {
    const items = feedItems(en, articles, (slug) => `https://x.test/articles/${slug}/`, {
      entries: [
        {
          kind: 'statements',
          id: 's1',
          title: 'Statement by A',
          updates: [{ id: 'fix', date: '2024-03-02', time: '08:00Z', summary: 'fixed', correction: true }],
        },
        {
          kind: 'articles',
          id: 'old',
          title: 'Old',
          updates: [{ date: '2024-03-01', summary: 'listed once, with its article' }],
        },
      ],
      updateUrl: (entry, anchor) => `https://x.test/${entry.kind}/${entry.id}/#${anchor}`,
    });
    expect(items[0]).toEqual({
      title: 'Correction: Statement by A',
      link: 'https://x.test/statements/s1/#update-fix',
      date: '2024-03-02',
      time: '08:00Z',
      description: 'fixed',
    });
    expect(items).toHaveLength(5);
  });

  test('an implicit id never takes an id written on another entry', () => {
    expect(updateIds([{ date: '2024-03-01' }, { id: '2024-03-01', date: '2024-03-01' }])).toEqual([
      '2024-03-01-2',
      '2024-03-01',
    ]);
  });

  test('two updates with the same id are refused, on the second id', () => {
    const result = articleSchema.safeParse({
      title: 't',
      description: 'd',
      published: '2024-01-01',
      updates: [
        { id: 'x', date: '2024-01-02', summary: 'a' },
        { id: 'x', date: '2024-01-03', summary: 'b' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['updates', 1, 'id']);
    expect(result.error?.issues[0]?.message).toMatch(/two updates have the id "x"/);
  });
});

describe('open data', () => {
  test('one list of files: the routes, the /data/ page and the collection lookup agree', () => {
    const figure = { id: 'f', file: '', data: { estimates: [{}, {}] } };
    const set = {
      articles: [],
      actors: [{ id: 'a' }],
      statements: [],
      figures: [figure],
      sources: [],
      events: [],
    } as unknown as ContentSet;
    const files = openDataFiles(set);
    expect(files.map((file) => file.name)).toEqual([...OPEN_DATA_FILES]);
    expect(files.map((file) => [file.name, file.count, file.unit])).toEqual([
      ['actors.json', 1, 'record'],
      ['statements.json', 0, 'record'],
      ['figures.json', 1, 'record'],
      ['sources.json', 0, 'record'],
      ['events.json', 0, 'record'],
      ['estimates.csv', 2, 'row'],
    ]);
    expect([
      dataCollectionOf('events.json'),
      dataCollectionOf('articles.json'),
      dataCollectionOf('estimates.csv'),
    ]).toEqual(['events', undefined, undefined]);
  });

  test('records put id and page first and keep a source’s own url', () => {
    const records = dataRecords(
      [
        { id: 'b', data: { id: 'b', url: 'https://src.example/' }, file: 'x' },
        { id: 'a', data: { url: 'https://a.example/' }, file: 'y' },
      ],
      (id) => `/s/${id}/`,
    );
    expect(records).toEqual([
      { id: 'a', page: '/s/a/', url: 'https://a.example/' },
      { id: 'b', page: '/s/b/', url: 'https://src.example/' },
    ]);
  });

  test('estimates.csv has a row per estimate with the source title and URL', () => {
    const set = {
      articles: [],
      statements: [],
      events: [],
      actors: [{ id: 'c', data: { name: 'Council, City', kind: 'government-body', description: 'd' }, file: '' }],
      sources: [
        {
          id: 's',
          data: {
            title: 'Report "final"',
            publisher: 'P',
            type: 'report',
            published: '2024-01-01',
            url: 'https://p.example/r',
          },
          file: '',
        },
      ],
      figures: [
        {
          id: 'f',
          data: {
            title: 'F',
            unit: 'u',
            description: 'd',
            estimates: [{ by: 'c', date: '2024-01-02', source: 's', low: 1, high: 2 }],
          },
          file: '',
        },
      ],
    } as unknown as ContentSet;
    const lines = estimatesCsv(set).split('\r\n');
    expect(lines[1]).toBe(
      '"f","F","u",,1,2,"c","Council, City","2024-01-02",,,,,"s","Report ""final""","P","https://p.example/r"',
    );
    expect(lines).toHaveLength(3);
  });
});

describe('CSP', () => {
  test('merging keeps every source once, hashes sorted', () => {
    const merged = mergePolicies([
      parsePolicy("script-src 'self' 'sha256-b'; img-src 'self'"),
      parsePolicy("script-src 'self' 'sha256-a'"),
    ]);
    expect(formatPolicy(merged)).toBe("script-src 'self' 'sha256-a' 'sha256-b'; img-src 'self'");
  });
  test('the _headers file applies the policy under the base path, with frame-ancestors', () => {
    const text = headersFile('/explainer/', parsePolicy("script-src 'self'"));
    expect(text.split('\n')[0]).toBe('/explainer/*');
    expect(text).toContain("Content-Security-Policy: script-src 'self'; frame-ancestors 'none'");
  });
  test('reads the policy from a built page', () => {
    expect(metaPolicy('<meta http-equiv="content-security-policy" content="script-src &#39;self&#39;">')).toBe(
      "script-src 'self'",
    );
    expect(metaPolicy('<meta name="description" content="x">')).toBeUndefined();
  });
});

describe('head metadata and share image paths', () => {
  const index = {
    actors: new Map([['sp', { id: 'sp', file: '', data: { name: 'Speaker', kind: 'person', description: 'd' } }]]),
    statements: new Map([
      ['st', { id: 'st', file: '', data: { speaker: 'sp', date: '2024-01-01', summary: 's', sources: [] } }],
    ]),
    articles: new Map(),
    figures: new Map(),
    sources: new Map(),
    links: { articles: new Map() },
    site: { title: 'Site' },
    text: localize('en-GB'),
  } as unknown as SiteIndex;
  const page = {
    base: '/b/',
    title: 'Page · Site',
    home: 'https://x.test/b/',
    absolute: (path: string) => `https://x.test${path}`,
  };
  test.each([
    [
      'an actor page shares its own image',
      { kind: 'actors', id: 'sp' } as const,
      'https://x.test/b/share/actors/sp.png',
      'Page · Site',
    ],
    [
      "a statement page shares its speaker's image",
      { kind: 'statements', id: 'st' } as const,
      'https://x.test/b/share/actors/sp.png',
      'Speaker',
    ],
    ["a list page shares the site's image", undefined, 'https://x.test/b/share/site.png', 'Site'],
  ])('%s', (_name, entity, image, imageAlt) => {
    const meta = headMeta(index, entity, page);
    expect([meta.image, meta.imageAlt]).toEqual([image, imageAlt]);
    expect(meta.jsonLd === undefined).toBe(entity === undefined);
  });
  test('share images sit under the base path', () => {
    expect(shareImagePath('/explainer/', 'figures', 'f')).toBe('/explainer/share/figures/f.png');
    expect(siteImagePath('/')).toBe('/share/site.png');
  });
  test.each([
    ['short', 10, 'short'],
    ['a long title that goes on', 16, 'a long title…'],
    ['unbreakablewordthatgoeson', 10, 'unbreakab…'],
    ['  spaced\n out  ', 20, 'spaced out'],
  ])('clip(%j, %i) gives %j', (text, max, expected) => {
    expect(clip(text, max)).toBe(expected);
    expect(clip(text, max).length).toBeLessThanOrEqual(max);
  });
});
