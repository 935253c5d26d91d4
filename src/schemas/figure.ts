import { z } from 'astro/zod';
import { isoDate, ref, text } from './common.ts';

const number = z.number({ error: 'must be a number, written without thousands separators (12000)' });

/** One claimant's estimate: a single value or a range. */
export const estimateSchema = z
  .strictObject({
    /** A single value. */
    value: number.optional(),
    /** Lower bound of a range. */
    low: number.optional(),
    /** Upper bound of a range. */
    high: number.optional(),
    /** Actor who claims it. */
    by: ref('actors'),
    /** When it was claimed. */
    date: isoDate,
    /** Source it comes from. */
    source: ref('sources'),
    /** Statement that states it. */
    statement: ref('statements').optional(),
    /** What it covers: "Kursk region only". */
    scope: text.optional(),
    /** How it was reached: "intelligence estimate". */
    method: text.optional(),
    /** Anything else a reader should know. */
    note: text.optional(),
  })
  .superRefine((e, ctx) => {
    const hasValue = e.value !== undefined;
    const hasRange = e.low !== undefined || e.high !== undefined;
    if (hasValue && hasRange) {
      ctx.addIssue({ code: 'custom', message: 'give either `value` or `low` and `high`, not both', path: ['value'] });
    } else if (!hasValue && !hasRange) {
      ctx.addIssue({ code: 'custom', message: 'needs a `value`, or `low` and `high` for a range', path: ['value'] });
    } else if (hasRange && (e.low === undefined || e.high === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a range needs both `low` and `high`', path: [e.low === undefined ? 'low' : 'high'] });
    } else if (e.low !== undefined && e.high !== undefined && e.low > e.high) {
      ctx.addIssue({ code: 'custom', message: `\`low\` (${e.low}) is greater than \`high\` (${e.high}); swap them`, path: ['low'] });
    }
  });

/** Frontmatter of `content/figures/<id>.md`. */
export const figureSchema = z.strictObject({
  /** "North Korean troops in Russia". */
  title: text,
  /** "troops". */
  unit: text,
  /** One line. */
  description: text,
  /** At least one estimate. */
  estimates: z.array(estimateSchema).min(1, { error: 'needs at least one estimate' }),
});

/** Validated figure data. */
export type Figure = z.infer<typeof figureSchema>;
/** One estimate of a figure. */
export type Estimate = z.infer<typeof estimateSchema>;
