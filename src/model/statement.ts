import { z } from 'astro/zod';
import { id, isoDate, languageTag, ref, refList, text } from './common.ts';
import { splitDateTime, timeOfDay } from './times.ts';
import { updateLog } from './updates.ts';

/** How one statement relates to another. */
export const RELATION_TYPES = ['confirms', 'contradicts', 'denies', 'updates', 'responds-to'] as const;

/** A statement: who said what, when, and where it is recorded. */
export const statementSchema = z.preprocess(
  splitDateTime('date'),
  z
    .strictObject({
      /** Id; required when the file holds a list. */
      id: id.optional(),
      /** Actor who made it. */
      speaker: ref('actors', { backlink: 'statementsBy' }),
      /** When it was made. */
      date: isoDate,
      /** Time of day it was made, with its offset from UTC: `21:30+02:00`. */
      time: timeOfDay.optional(),
      /** Verbatim words (translated when `translated` is true). */
      quote: text.optional(),
      /** Paraphrase, when there is no verbatim quote. */
      summary: text.optional(),
      /** Where and how it was made. */
      context: text.optional(),
      /** Actors it is about. */
      about: refList('actors', { backlink: 'statementsAbout' }).optional(),
      /** Where it is recorded: at least one source. */
      sources: refList(
        'sources',
        { backlink: 'statements' },
        'must be a list of source ids, such as [first-source]',
      ).min(1, {
        error: 'needs at least one source: every statement must say where it is recorded',
      }),
      /** Language it was made in. */
      language: languageTag.optional(),
      /** The quote is a translation. */
      translated: z.boolean({ error: 'must be true or false' }).optional(),
      /** The words as they were said, when `quote` translates them: shown beside the translation so readers can check it. */
      original: z
        .strictObject({
          /** The words in the language they were said in. */
          text,
          /** That language, as a language tag: `uk`, `ko`, `ru`. */
          lang: languageTag,
        })
        .optional(),
      /** Links to other statements, shown on both. */
      relations: z
        .array(
          z.strictObject({ type: z.enum(RELATION_TYPES), statement: ref('statements', { relation: 'relations' }) }),
        )
        .optional(),
      /** Public log of changes and corrections, newest first. */
      updates: updateLog.optional(),
    })
    .refine((s) => s.quote !== undefined || s.summary !== undefined, {
      error: 'needs a `quote` (verbatim words) or a `summary` (a paraphrase)',
      path: ['quote'],
    })
    .refine((s) => s.original === undefined || s.quote !== undefined, {
      error: 'gives the original words of a quote, but there is no `quote`: add the translation as `quote`',
      path: ['original'],
    })
    .refine((s) => s.original === undefined || s.language === undefined || s.language === s.original.lang, {
      error:
        'differs from `language`, the language the statement was made in: make them the same, or remove `language`',
      path: ['original', 'lang'],
    })
    .refine((s) => s.original === undefined || s.translated !== false, {
      error: 'is false, but `original` gives the words the quote translates: remove `translated: false`',
      path: ['translated'],
    }),
);

/** Validated statement data. */
export type Statement = z.infer<typeof statementSchema>;
/** The kind of link between two statements. */
export type RelationType = (typeof RELATION_TYPES)[number];
