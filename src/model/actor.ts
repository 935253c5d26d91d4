import { z } from 'astro/zod';
import { pictureSrc } from './pictures.ts';
import { httpUrl, isoDate, languageTag, ref, refList, text } from './common.ts';
import { updateLog } from './updates.ts';

/** The kinds of actor an editor may declare. */
export const ACTOR_KINDS = [
  'person',
  'organization',
  'government-body',
  'military',
  'state',
  'intergovernmental',
  'media',
] as const;

/** An office held, used to name a speaker with the role they held on a date. */
export const role = z
  .strictObject({
    /** Title of the office: "Secretary of Defense". */
    title: text,
    /** The body the office belongs to. */
    of: ref('actors', {
      none: 'the office is shown with its holder; the page of the body it belongs to does not list office holders',
    }).optional(),
    /** First day in office. */
    from: isoDate.optional(),
    /** Last day in office; absent while the role holds. */
    to: isoDate.optional(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { error: '`from` must not be after `to`', path: ['to'] });

/**
 * Another spelling of an actor's name: plain text (`Zelensky`), or the name
 * with the language it is written in (`{ name: Зеленський, lang: uk }`), which
 * the site marks with `lang` so that it is read and shown as that language.
 */
export const alias = z.union(
  [
    text,
    z.strictObject({
      /** The name as written in that language. */
      name: text,
      /** The language it is written in, as a language tag: `uk`, `ko`, `zh-Hant`. */
      lang: languageTag,
    }),
  ],
  { error: 'must be a name, or a name with its language such as { name: Зеленський, lang: uk }' },
);

/** One alias as written: a name, or a name with its language. */
export type Alias = z.infer<typeof alias>;

/** An alias's name and language (undefined when the editor gave none). */
export function aliasParts(written: Alias): { name: string; lang: string | undefined } {
  return typeof written === 'string' ? { name: written, lang: undefined } : written;
}

/** Frontmatter of `content/actors/<id>.md`. */
export const actorSchema = z.strictObject({
  /** Display name in its most common English spelling. */
  name: text,
  /** What the actor is. */
  kind: z.enum(ACTOR_KINDS),
  /** One line, shown in lists, previews and meta tags. */
  description: text,
  /** Other spellings and transliterations, each with its language when given; searchable. */
  aliases: z.array(alias).optional(),
  /** The state the actor belongs to. */
  country: ref('actors', { backlink: 'members' }).optional(),
  /** Parent bodies. */
  partOf: refList('actors', { backlink: 'children', forward: 'parents' }).optional(),
  /** Offices held. */
  roles: z.array(role).optional(),
  /** Wikidata item, `Q` followed by digits. */
  wikidata: z
    .string()
    .regex(/^Q[1-9]\d*$/, { error: 'must be a Wikidata item id such as Q212' })
    .optional(),
  /** Official site. */
  website: httpUrl.optional(),
  /** Portrait or logo with its credit. */
  image: z
    .strictObject({
      /** File in the content folder's `images/` folder: `images/jane-doe.jpg`. Served from the site itself, never from another site. */
      src: pictureSrc,
      /** Text alternative for readers who cannot see the picture. */
      alt: z.string({ error: 'must be text describing the picture' }),
      /** Who made the picture, and its licence. */
      credit: text,
    })
    .optional(),
  /** Public log of changes and corrections, newest first. */
  updates: updateLog.optional(),
});

/** Validated actor data. */
export type Actor = z.infer<typeof actorSchema>;
/** One office held by an actor. */
export type Role = z.infer<typeof role>;
