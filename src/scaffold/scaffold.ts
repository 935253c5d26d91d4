import { Document } from 'yaml';
import { ACTOR_KINDS } from '../model/actor.ts';
import { ID_PATTERN, idLengthProblem } from '../model/common.ts';
import type { CollectionName } from '../model/index.ts';
import { SOURCE_TYPES } from '../model/source.ts';
import { slugify } from '../model/slug.ts';
import { placeholderText } from '../check/placeholders.ts';

/** What `npm run new` can create. */
export const SCAFFOLD_KINDS = ['actor', 'statement', 'source', 'event', 'figure', 'article'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** The collection folder each kind is written to. */
export const SCAFFOLD_COLLECTION: Record<ScaffoldKind, CollectionName> = {
  actor: 'actors',
  statement: 'statements',
  source: 'sources',
  event: 'events',
  figure: 'figures',
  article: 'articles',
};

const EXTENSION: Record<ScaffoldKind, string> = {
  actor: '.md',
  statement: '.yaml',
  source: '.yaml',
  event: '.yaml',
  figure: '.md',
  article: '.mdx',
};

/** Options an editor may pass, as given on the command line. */
export interface ScaffoldOptions {
  id?: string | undefined;
  kind?: string | undefined;
  speaker?: string | undefined;
  source?: string[] | undefined;
  actor?: string[] | undefined;
  by?: string | undefined;
  value?: string | undefined;
  low?: string | undefined;
  high?: string | undefined;
  unit?: string | undefined;
  quote?: string | undefined;
  publisher?: string | undefined;
  type?: string | undefined;
  url?: string | undefined;
  date?: string | undefined;
}

/** A file to write. */
export interface Scaffold {
  collection: CollectionName;
  id: string;
  fileName: string;
  text: string;
  /** Fields that hold placeholder text for the editor to replace. */
  placeholders: string[];
}

/** A mistake in the command line, explained. */
export class ScaffoldError extends Error {}

function yamlText(data: Record<string, unknown>, comment: string): string {
  const doc = new Document(data);
  doc.commentBefore = comment
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  return doc.toString({ lineWidth: 0 });
}

function frontmatter(data: Record<string, unknown>, comment: string, body: string): string {
  return `---\n${yamlText(data, comment)}---\n${body}`;
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/[ _]/g, ''));
  if (text.trim() === '' || !Number.isFinite(value))
    throw new ScaffoldError(`--${name} must be a number written with digits only, such as 12000 (got "${text}")`);
  return value;
}

function required(option: string | undefined, flag: string, what: string, example: string): string {
  if (option === undefined || option === '')
    throw new ScaffoldError(`give ${what} with --${flag}, for example: ${example}`);
  return option;
}

function requiredList(option: string[] | undefined, flag: string, what: string, example: string): string[] {
  if (!option || option.length === 0)
    throw new ScaffoldError(`give ${what} with --${flag} (repeat it for more than one), for example: ${example}`);
  return option;
}

/**
 * Builds the file for a new entity: a valid file with the id made from the name,
 * today's date, and placeholders marked for the editor to replace.
 */
export function scaffold(kind: ScaffoldKind, name: string, options: ScaffoldOptions, today: string): Scaffold {
  const trimmed = name.trim();
  if (trimmed === '')
    throw new ScaffoldError(
      `give the ${kind}'s ${kind === 'actor' ? 'name' : 'title'} in quotes, for example: npm run new -- ${kind} "${EXAMPLE_NAMES[kind]}"`,
    );
  const id = options.id ?? slugify(trimmed, kind === 'actor' ? 12 : 8);
  if (id === '')
    throw new ScaffoldError(`no id can be made from "${trimmed}": give one with --id, such as --id cho-tae-yul`);
  if (!ID_PATTERN.test(id))
    throw new ScaffoldError(
      `the id "${id}" is not kebab-case: use lowercase letters, digits and single hyphens, such as cho-tae-yul`,
    );
  const tooLong = idLengthProblem(id);
  if (tooLong !== undefined) throw new ScaffoldError(`the id "${id}" ${tooLong}: give a shorter one with --id`);
  const placeholders: string[] = [];
  const placeholder = (field: string, hint: string) => {
    placeholders.push(field);
    return placeholderText(hint);
  };
  const text = FILE_TEXT[kind]({ name: trimmed, id, options, date: options.date ?? today, today, placeholder });
  return { collection: SCAFFOLD_COLLECTION[kind], id, fileName: `${id}${EXTENSION[kind]}`, text, placeholders };
}

/** What the text of a new file is made from. */
interface FileInput {
  /** The name or title, trimmed. */
  name: string;
  id: string;
  options: ScaffoldOptions;
  /** The entry's date: `--date`, else today. */
  date: string;
  today: string;
  /** Placeholder text for a field the editor must fill in (and records the field). */
  placeholder: (field: string, hint: string) => string;
}

/** The text of a new file, for each kind. */
const FILE_TEXT: Record<ScaffoldKind, (input: FileInput) => string> = {
  actor: actorFile,
  statement: statementFile,
  source: sourceFile,
  event: eventFile,
  figure: figureFile,
  article: articleFile,
};

function actorFile({ name, id, options, placeholder }: FileInput): string {
  const actorKind = options.kind ?? 'person';
  if (!(ACTOR_KINDS as readonly string[]).includes(actorKind)) {
    throw new ScaffoldError(`--kind "${actorKind}" is not allowed; use one of: ${ACTOR_KINDS.join(', ')}`);
  }
  return frontmatter(
    { name, kind: actorKind, description: placeholder('description', `One line on who ${name} is.`) },
    `New actor, id "${id}". Replace the description; add aliases, country, partOf, roles as needed.\nMention it in an article with <Actor id="${id}" />. A short profile may follow the closing ---.`,
    '',
  );
}

function statementFile({ name, id, options, date }: FileInput): string {
  const speaker = required(options.speaker, 'speaker', 'the id of the actor who said it', `--speaker lloyd-austin`);
  const sources = requiredList(
    options.source,
    'source',
    'the id of the source that records it',
    `--source rising-tensions-2024-11-04`,
  );
  const data: Record<string, unknown> = { speaker, date };
  if (options.quote !== undefined) data['quote'] = options.quote;
  data['summary'] = name;
  data['sources'] = sources;
  if (options.actor?.length) data['about'] = options.actor;
  return yamlText(
    data,
    `New statement, id "${id}". Check the date (the day it was said); add the verbatim words as quote: "..." if there are any.\nEmbed it in an article with <Statement id="${id}" />.`,
  );
}

function sourceFile({ name, id, options, date, today, placeholder }: FileInput): string {
  const type = options.type ?? 'news-report';
  if (!(SOURCE_TYPES as readonly string[]).includes(type)) {
    throw new ScaffoldError(`--type "${type}" is not allowed; use one of: ${SOURCE_TYPES.join(', ')}`);
  }
  const data: Record<string, unknown> = {
    title: name,
    publisher: options.publisher ?? placeholder('publisher', 'the name of the outlet or body that published it'),
    type,
    published: date,
  };
  if (options.url !== undefined) data['url'] = options.url;
  data['accessed'] = today;
  return yamlText(
    data,
    `New source, id "${id}". Check the publication date; add url: https://... when it is online.\nCite it in an article with [@${id}].`,
  );
}

function eventFile({ name, id, options, date }: FileInput): string {
  const sources = requiredList(
    options.source,
    'source',
    'the id of a source that reports it',
    `--source rising-tensions-2024-11-04`,
  );
  const data: Record<string, unknown> = { date, title: name };
  if (options.actor?.length) data['actors'] = options.actor;
  data['sources'] = sources;
  return yamlText(
    data,
    `New event, id "${id}". Check the date (the day it happened); add summary: and place: if useful.`,
  );
}

function figureFile({ name, id, options, date, placeholder }: FileInput): string {
  const by = required(options.by, 'by', 'the id of the actor whose estimate it is', '--by us-department-of-defense');
  const source =
    requiredList(
      options.source,
      'source',
      'the id of the source of the estimate',
      '--source rising-tensions-2024-11-04',
    )[0] ?? '';
  const value = numberOption('value', options.value);
  const low = numberOption('low', options.low);
  const high = numberOption('high', options.high);
  if (value === undefined && (low === undefined || high === undefined)) {
    throw new ScaffoldError('give the first estimate with --value 10000, or a range with --low 11000 --high 12000');
  }
  const estimate: Record<string, unknown> = value !== undefined ? { value } : { low, high };
  Object.assign(estimate, { by, date, source });
  return frontmatter(
    {
      title: name,
      unit: options.unit ?? placeholder('unit', 'what is counted, such as troops'),
      description: placeholder('description', `One line on what "${name}" counts.`),
      estimates: [estimate],
    },
    `New figure, id "${id}". Replace the unit and description; add one estimate per claimant and date.\nEmbed it in an article with <Figure id="${id}" />. Why the estimates differ may follow the closing ---.`,
    '',
  );
}

function articleFile({ name, date, placeholder }: FileInput): string {
  return frontmatter(
    {
      title: name,
      description: placeholder('description', 'the standfirst, two sentences on what the reader will learn.'),
      published: date,
      draft: true,
    },
    `New article. It is a draft: it shows in npm run dev but is not published.\nWhen it is ready, set published: to the day it goes out and delete the draft: line.`,
    [
      '',
      '{/*',
      '  Write the story below. Cite a source with [@source-id] after the sentence it supports,',
      '  name an actor with <Actor id="actor-id" />, embed a statement with <Statement id="statement-id" />,',
      '  a figure with <Figure id="figure-id" />, and a timeline with <Timeline actors={["actor-id"]} />.',
      '  This comment is not shown to readers; delete it when you like.',
      '*/}',
      '',
      placeholder('body', 'write the story here.'),
      '',
    ].join('\n'),
  );
}

const EXAMPLE_NAMES: Record<ScaffoldKind, string> = {
  actor: 'Cho Tae-yul',
  statement: 'Austin says the troops could soon enter combat',
  source: 'Pentagon briefing on North Korean troops',
  event: 'North Korean troops reach the Kursk region',
  figure: 'North Korean troops in Russia',
  article: 'North Korean troops in Russia',
};

/** The ids a new file refers to, by the collection they must exist in. */
export function referencedIds(
  kind: ScaffoldKind,
  options: ScaffoldOptions,
): { collection: CollectionName; flag: string; id: string }[] {
  const refs: { collection: CollectionName; flag: string; id: string }[] = [];
  if (kind === 'statement' && options.speaker)
    refs.push({ collection: 'actors', flag: 'speaker', id: options.speaker });
  if (kind === 'figure' && options.by) refs.push({ collection: 'actors', flag: 'by', id: options.by });
  if (kind === 'statement' || kind === 'event' || kind === 'figure') {
    for (const id of options.source ?? []) refs.push({ collection: 'sources', flag: 'source', id });
    for (const id of options.actor ?? []) refs.push({ collection: 'actors', flag: 'actor', id });
  }
  return refs;
}
