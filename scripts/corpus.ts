/**
 * `npm run corpus -- --scale N [--seed S] [--out DIR]`: writes a synthetic
 * content folder that follows the editors' contract, for benchmarks.
 *
 * At scale 1: 100 articles, 400 actors (states, bodies in `partOf` trees,
 * people with roles), 2,000 statements, 40 figures with 3–8 estimates,
 * 400 sources, 200 events. Articles mention 5–30 actors, cite 5–40 sources
 * and embed statements, figures and timelines. Scale N multiplies every
 * count. The same scale and seed always give byte-identical files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { SOURCE_TYPES } from '../src/model/source.ts';
import { RELATION_TYPES } from '../src/model/statement.ts';

/** Entity counts at scale 1. */
export const BASE_COUNTS = {
  articles: 100,
  actors: 400,
  statements: 2000,
  figures: 40,
  sources: 400,
  events: 200,
} as const;

/** One generated file: path relative to the content folder, and its text. */
export interface CorpusFile {
  path: string;
  text: string;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  /** `count` distinct items (fewer if the list is shorter). */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const n = Math.min(count, list.length);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(next() * list.length));
    return [...chosen].map((i) => list[i] as T);
  };
  return { next, int, pick, sample, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const SYLLABLES = [
  'ka',
  'ro',
  'vel',
  'mi',
  'tan',
  'sor',
  'le',
  'du',
  'an',
  'ber',
  'zo',
  'li',
  'mar',
  'nes',
  'to',
  'ga',
  'ri',
  'hel',
  'vo',
  'sta',
];
const WORDS = (
  'the government said troops border talks ceasefire officials reported ministry forces region capital ' +
  'agreement sanctions aid convoy shelling negotiations envoy delegation parliament vote spokesperson ' +
  'estimate casualties refugees supplies corridor statement analysts satellite images deployment front ' +
  'offensive reserves allies pledged funding mission observers confirmed denied earlier week month'
).split(' ');
const PLACES = [
  'in the east',
  'near the border',
  'in the capital',
  'on the coast',
  'in the north',
  'along the river',
  'at the summit',
];
const CONTEXTS = [
  'press conference',
  'evening video address',
  'joint statement',
  'interview with a broadcaster',
  'briefing to reporters',
  'post on social media',
  'speech to parliament',
];
const PUBLISHERS = [
  'Daily Courier',
  'Northern Wire',
  'Global Press Agency',
  'The Ledger',
  'Eastern Herald',
  'Ministry of Information',
  'Policy Institute',
];
const UNITS = ['troops', 'people', 'vehicles', 'tonnes', 'shells a day', 'km²'];
const TITLES = [
  'Minister of Defence',
  'Foreign Minister',
  'Chief of Staff',
  'Spokesperson',
  'Director',
  'Ambassador',
  'Commander',
  'Head of Mission',
];

function name(r: Rng, parts = 2): string {
  const word = () => {
    const s = Array.from({ length: r.int(2, 3) }, () => r.pick(SYLLABLES)).join('');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  return Array.from({ length: parts }, word).join(' ');
}
function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
function sentence(r: Rng, min = 8, max = 20): string {
  const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
/** A date between 2022-01-01 and 2025-12-31, as YYYY-MM-DD. */
function date(r: Rng): string {
  const day = r.int(0, 4 * 365 - 1);
  return new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}
function frontmatter(data: object, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}
/** Splits a list into YAML files of `size` entries each (the last may be shorter). */
function yamlFiles(folder: string, prefix: string, entries: object[], size: number): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (let i = 0; i < entries.length; i += size) {
    const chunk = entries.slice(i, i + size);
    files.push({
      path: `${folder}/${prefix}-${String(i / size + 1).padStart(4, '0')}.yaml`,
      text: stringify(chunk, { lineWidth: 0 }),
    });
  }
  return files;
}

/** Generates the files of a corpus in memory. */
export function generateCorpus(scale: number, seed = 1): CorpusFile[] {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  const r = rng(seed * 1_000_003 + Math.round(scale * 1000));
  const count = (key: keyof typeof BASE_COUNTS) => Math.max(1, Math.round(BASE_COUNTS[key] * scale));
  const files: CorpusFile[] = [];

  // Actors: 5% states, 35% bodies in partOf trees under states or other bodies, 60% people.
  const nActors = count('actors');
  const nStates = Math.max(1, Math.round(nActors * 0.05));
  const nBodies = Math.max(1, Math.round(nActors * 0.35));
  const states: string[] = [];
  const bodies: string[] = [];
  const people: string[] = [];
  const actorFiles: { id: string; data: Record<string, unknown>; body: string }[] = [];
  for (let i = 0; i < nActors; i++) {
    if (i < nStates) {
      const label = name(r, 1);
      const id = `${kebab(label)}-${i + 1}`;
      states.push(id);
      actorFiles.push({
        id,
        data: {
          name: `Republic of ${label}`,
          kind: 'state',
          description: `A state in the synthetic corpus (${i + 1}).`,
          wikidata: `Q${1000 + i}`,
        },
        body: '',
      });
    } else if (i < nStates + nBodies) {
      const label = `Ministry of ${name(r, 1)}`;
      const id = `${kebab(label)}-${i + 1}`;
      const country = r.pick(states);
      // Trees: a body is part of an earlier body (depth grows) or of its state.
      const parent = bodies.length > 0 && r.chance(0.6) ? r.pick(bodies) : country;
      bodies.push(id);
      actorFiles.push({
        id,
        data: {
          name: label,
          kind: r.pick(['government-body', 'military', 'organization'] as const),
          description: sentence(r, 6, 12),
          country,
          partOf: [parent],
          website: `https://example.org/${id}`,
        },
        body: sentence(r, 20, 40),
      });
    } else {
      const label = name(r, 2);
      const id = `${kebab(label)}-${i + 1}`;
      people.push(id);
      const roles: Record<string, unknown>[] = [];
      // Roles follow one another without gaps from before the corpus dates; the last is held now.
      let from = new Date(Date.UTC(2015, 0, 1) + r.int(0, 6 * 365) * 86_400_000).toISOString().slice(0, 10);
      for (let k = r.chance(0.2) ? 0 : r.int(1, 3); k > 0; k--) {
        const to = new Date(Date.parse(from) + r.int(30, 700) * 86_400_000).toISOString().slice(0, 10);
        roles.push({ title: r.pick(TITLES), of: r.pick(bodies), from, ...(k > 1 ? { to } : {}) });
        from = new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10);
      }
      actorFiles.push({
        id,
        data: {
          name: label,
          kind: 'person',
          description: sentence(r, 6, 12),
          aliases: [label.toUpperCase()],
          country: r.pick(states),
          ...(roles.length > 0 ? { roles } : {}),
        },
        body: '',
      });
    }
  }
  const actors = actorFiles.map((a) => a.id);
  const speakers = [...people, ...bodies];

  // Sources.
  const sourceIds: string[] = [];
  const sources = Array.from({ length: count('sources') }, (_, i) => {
    const id = `source-${i + 1}`;
    sourceIds.push(id);
    const published = date(r);
    return {
      id,
      title: sentence(r, 5, 10).replace(/\.$/, ''),
      publisher: r.pick(PUBLISHERS),
      type: r.pick(SOURCE_TYPES),
      published,
      ...(r.chance(0.8) ? { url: `https://news.example.org/${published}/${id}` } : {}),
      ...(r.chance(0.3) ? { issuer: r.pick(bodies) } : {}),
      ...(r.chance(0.5) ? { language: r.pick(['en', 'uk', 'ru', 'ko', 'fr']) } : {}),
    };
  });
  files.push(...yamlFiles('sources', 'sources', sources, 20));

  // Actor bios cite sources now that sources exist.
  for (const actor of actorFiles) {
    const body = actor.body ? `${actor.body} [@${r.pick(sourceIds)}]` : '';
    files.push({ path: `actors/${actor.id}.md`, text: frontmatter(actor.data, body) });
  }

  // Statements.
  const statementIds: string[] = [];
  const statements = Array.from({ length: count('statements') }, (_, i) => {
    const id = `statement-${i + 1}`;
    const relation =
      statementIds.length > 0 && r.chance(0.15)
        ? [{ type: r.pick(RELATION_TYPES), statement: r.pick(statementIds) }]
        : undefined;
    statementIds.push(id);
    return {
      id,
      speaker: r.pick(speakers),
      date: date(r),
      ...(r.chance(0.7) ? { quote: sentence(r) } : { summary: sentence(r) }),
      context: r.pick(CONTEXTS),
      about: r.sample(actors, r.int(0, 3)),
      sources: r.sample(sourceIds, r.int(1, 3)),
      ...(relation ? { relations: relation } : {}),
    };
  });
  files.push(...yamlFiles('statements', 'statements', statements, 50));

  // Events.
  const events = Array.from({ length: count('events') }, (_, i) => ({
    id: `event-${i + 1}`,
    date: date(r),
    title: sentence(r, 4, 9).replace(/\.$/, ''),
    summary: sentence(r, 10, 25),
    actors: r.sample(actors, r.int(1, 4)),
    place: r.pick(PLACES),
    sources: r.sample(sourceIds, r.int(1, 3)),
  }));
  files.push(...yamlFiles('events', 'events', events, 25));

  // Figures with 3–8 estimates.
  const figureIds: string[] = [];
  for (let i = 0; i < count('figures'); i++) {
    const id = `figure-${i + 1}`;
    figureIds.push(id);
    const centre = r.int(1, 500) * 100;
    const estimates = Array.from({ length: r.int(3, 8) }, () => {
      const value = Math.round(centre * (0.5 + r.next()));
      const range = r.chance(0.3) ? { low: value, high: value + r.int(1, 20) * 50 } : { value };
      const source = r.pick(sources);
      return {
        ...range,
        by: r.pick(speakers),
        date: source.published,
        source: source.id,
        ...(r.chance(0.4) ? { statement: r.pick(statementIds) } : {}),
        method: r.pick(['official claim', 'intelligence estimate', 'independent count']),
      };
    });
    files.push({
      path: `figures/${id}.md`,
      text: frontmatter(
        {
          title: sentence(r, 3, 6).replace(/\.$/, ''),
          unit: r.pick(UNITS),
          description: sentence(r, 6, 12),
          estimates,
        },
        `${sentence(r, 20, 40)} [@${estimates[0]?.source}]`,
      ),
    });
  }

  // Articles: mention 5–30 actors, cite 5–40 sources, embed statements, figures, timelines.
  for (let i = 0; i < count('articles'); i++) {
    const slug = `article-${i + 1}`;
    const mentioned = r.sample(actors, r.int(5, 30));
    const cited = r.sample(sourceIds, r.int(5, 40));
    const embedded = r.sample(statementIds, r.int(2, 8));
    const paragraphs: string[] = [];
    const sections = r.int(4, 8);
    let a = 0;
    let c = 0;
    for (let s = 0; s < sections; s++) {
      paragraphs.push(`## ${sentence(r, 3, 6).replace(/\.$/, '')}`);
      for (let p = r.int(2, 4); p > 0; p--) {
        const parts = [sentence(r, 12, 25)];
        for (let m = r.int(1, 4); m > 0; m--) {
          const actor = mentioned[a++ % mentioned.length];
          parts.push(
            r.chance(0.5)
              ? `<Actor id="${actor}" /> ${sentence(r, 6, 14).toLowerCase()}`
              : `<Actor id="${actor}">${name(r, 1)}</Actor> said so ${sentence(r, 6, 14).toLowerCase()}`,
          );
        }
        const keys = Array.from({ length: r.int(1, 3) }, () => cited[c++ % cited.length]);
        parts.push(
          `${sentence(r, 8, 16).replace(/\.$/, '')} [${keys.map((k, n) => (n === 0 && r.chance(0.2) ? `@${k}, p. ${r.int(1, 40)}` : `@${k}`)).join('; ')}].`,
        );
        paragraphs.push(parts.join(' '));
      }
      if (s < embedded.length) paragraphs.push(`<Statement id="${embedded[s]}" />`);
    }
    // Every mentioned actor and cited source appears at least once.
    for (; a < mentioned.length; a++)
      paragraphs.push(`<Actor id="${mentioned[a]}" /> ${sentence(r, 6, 12).toLowerCase()}`);
    for (; c < cited.length; c += 3)
      paragraphs.push(
        `${sentence(r, 6, 12).replace(/\.$/, '')} [${cited
          .slice(c, c + 3)
          .map((k) => `@${k}`)
          .join('; ')}].`,
      );
    for (const statement of embedded.slice(sections)) paragraphs.push(`<Statement id="${statement}" />`);
    if (r.chance(0.5)) paragraphs.push(`<Figure id="${r.pick(figureIds)}" />`);
    if (r.chance(0.3)) {
      const from = date(r);
      const to = new Date(Date.parse(from) + r.int(30, 365) * 86_400_000).toISOString().slice(0, 10);
      paragraphs.push(
        `<Timeline actors={[${r
          .sample(mentioned, r.int(1, 3))
          .map((x) => `"${x}"`)
          .join(', ')}]} from="${from}" to="${to}" />`,
      );
    }
    const published = date(r);
    const data = {
      title: sentence(r, 5, 10).replace(/\.$/, ''),
      description: sentence(r, 15, 30),
      published,
      authors: [name(r, 2)],
    };
    files.push({ path: `articles/${slug}.mdx`, text: frontmatter(data, paragraphs.join('\n\n')) });
  }
  return files;
}

/** Writes a corpus to a folder, replacing what was there. Returns the number of files. */
export function writeCorpus(out: string, scale: number, seed = 1): number {
  rmSync(out, { recursive: true, force: true });
  const files = generateCorpus(scale, seed);
  for (const folder of ['articles', 'actors', 'figures', 'statements', 'sources', 'events'])
    mkdirSync(join(out, folder), { recursive: true });
  for (const file of files) writeFileSync(join(out, file.path), file.text);
  return files.length;
}

function argument(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const scale = Number(argument(args, '--scale') ?? '1');
  const seed = Number(argument(args, '--seed') ?? '1');
  const out = resolve(argument(args, '--out') ?? `/tmp/explainer-corpus/scale-${scale}`);
  const started = performance.now();
  const n = writeCorpus(out, scale, seed);
  process.stdout.write(
    `Wrote ${n} files for scale ${scale}, seed ${seed} to ${out} in ${Math.round(performance.now() - started)} ms\n`,
  );
}
