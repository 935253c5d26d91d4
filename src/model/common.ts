import { z } from 'astro/zod';

/** Pattern every id must match: kebab-case ASCII. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The longest id, in characters. Ids name folders and files of the built site
 * (`statements/<id>/`, `share/statements/<id>.png`), which file systems cap at
 * 255 bytes, and the did-you-mean for an unknown id compares ids pairwise.
 */
export const ID_MAX_LENGTH = 100;

/** Why a text of the right pattern is still no id, with the fix: it is too long. */
export function idLengthProblem(id: string): string | undefined {
  return id.length > ID_MAX_LENGTH
    ? `is ${id.length} characters long; an id has at most ${ID_MAX_LENGTH} (it names files of the built site)`
    : undefined;
}

/** A fresh schema for an entity id: kebab-case ASCII, unique within its collection. */
function idSchema() {
  return z.preprocess(
    // An all-digit id (`1984`) is read by YAML as a number: take it as the text written.
    (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value),
    z
      .string({ error: 'must be an id (kebab-case text such as "jane-doe")' })
      .regex(ID_PATTERN, {
        error: 'must be kebab-case ASCII: lowercase letters, digits and single hyphens, such as "jane-doe"',
      })
      .max(ID_MAX_LENGTH, { error: (issue) => idLengthProblem(String(issue.input)) ?? 'is too long' }),
  );
}

/** An entity's own id. */
export const id = idSchema();

/** The collections an id field can name. */
export type RefTarget = 'articles' | 'actors' | 'figures' | 'statements' | 'sources' | 'events';

/**
 * How the pages list a reference, declared with the field (the cross-link
 * index, `src/site/cross-index.ts`, builds every list from these):
 * - `backlink`: the list on the referenced entry's page that names the
 *   referrer (`statementsBy`: the speaker's page lists the statement);
 * - `item`: the referrer is the list item the field is in (an estimate, shown
 *   as its figure and position), not the whole entry;
 * - `forward`: the list on the referrer's own page that names the referenced
 *   entry (`parents`, a figure's `claimants`);
 * - `relation`: one list on both pages, outgoing on the referrer and incoming
 *   on the referenced entry, with the `type` of the item the field is in;
 * - `none`: no page lists it beyond the referrer's own, and why.
 * An entry is never listed on its own page (a state whose `country` is itself).
 */
export type RefLink = { backlink: string; item?: true; forward?: string } | { relation: string } | { none: string };

/** What a reference field declares: the collection it names and how the pages list it. */
export interface RefDeclaration {
  target: RefTarget;
  link: RefLink;
}

/**
 * Which collection each reference field names, and how the pages list it.
 * Fields are declared with `ref()` and `refList()` in the schemas, and
 * everything that follows references (the integrity pass, the warnings, the
 * cross-links, the page keys) reads them from here, so a new field that names
 * an actor is one edit in one schema.
 */
export const referenceFields = z.registry<RefDeclaration>();

/** A field holding the id of an entry in another collection, listed on the pages as `link` says. */
export function ref(target: RefTarget, link: RefLink) {
  return idSchema().register(referenceFields, { target, link });
}

/** A field holding a list of ids of entries in another collection, each listed on the pages as `link` says. */
export function refList(
  target: RefTarget,
  link: RefLink,
  error = 'must be a list of ids, such as [first-id, second-id]',
) {
  return z.array(ref(target, link), { error });
}

/** True when y-m-d is a day that exists in the calendar. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date kept as its ISO text `YYYY-MM-DD`. Accepts a Date too, because
 * Astro's frontmatter parser turns unquoted dates into Date objects.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'must be a date written YYYY-MM-DD, such as 2024-11-04' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error:
        'must be a date written YYYY-MM-DD, such as 2024-11-04 (where a time may be given: 2024-11-04T21:30+02:00, a time of day 00:00 to 23:59 with its offset from UTC)',
    })
    .refine(isCalendarDate, { error: 'is not a real calendar date (check the month and the day)' }),
);

/** An absolute http(s) URL; anything else (javascript:, data:, relative paths) is refused. */
export const httpUrl = z.string({ error: 'must be a web address starting with https:// or http://' }).refine(
  (text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute web address starting with https:// or http://' },
);

/** A BCP 47 language tag such as `en`, `uk` or `pt-BR`. */
export const languageTag = z
  .string({ error: 'must be a language tag such as "en" or "uk"' })
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'must be a language tag such as "en", "uk" or "pt-BR"' });

/**
 * Non-empty single-line or multi-line text. A value that a YAML parser read as a
 * number (`title: 1984`) or, in Astro's frontmatter parser, as a date
 * (`description: 1914-07-28`) is taken back as the text the editor wrote, so the
 * content check and the build agree.
 */
export const text = z.preprocess(
  (value) => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      const iso = value.toISOString();
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    }
    return value;
  },
  z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }),
);
