import { z } from 'astro/zod';
import { httpUrl, id, isoDate, languageTag, ref, text } from './common.ts';
import { splitDateTime, timeOfDay } from './times.ts';
import { updateLog } from './updates.ts';

/** The kinds of source an editor may declare. */
export const SOURCE_TYPES = [
  'news-report',
  'speech',
  'press-release',
  'briefing',
  'statement',
  'interview',
  'report',
  'dataset',
  'social-post',
  'document',
] as const;

/** A source: what every claim rests on. */
export const sourceSchema = z.preprocess(
  splitDateTime('published'),
  z.strictObject({
    /** Id; required when the file holds a list. */
    id: id.optional(),
    /** Title of the document, speech, report or post. */
    title: text,
    /** Outlet or issuing body as it names itself. */
    publisher: text,
    /** What kind of document it is. */
    type: z.enum(SOURCE_TYPES),
    /** Publication date. */
    published: isoDate,
    /** Time of day it was published, with its offset from UTC: `21:30+02:00`. */
    time: timeOfDay.optional(),
    /** Where it can be read; omitted when not known. */
    url: httpUrl.optional(),
    /** An archived copy. */
    archived: httpUrl.optional(),
    /** When the editor last read it. */
    accessed: isoDate.optional(),
    /** Authors' names. */
    authors: z.array(text).optional(),
    /** The actor who issued it. */
    issuer: ref('actors', { backlink: 'sourcesIssued' }).optional(),
    /** Language of the original. */
    language: languageTag.optional(),
    /** Public log of changes and corrections, newest first. */
    updates: updateLog.optional(),
  }),
);

/** Validated source data. */
export type Source = z.infer<typeof sourceSchema>;
