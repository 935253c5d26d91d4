import { z } from 'astro/zod';
import { id, isoDate, ref, text } from './common.ts';
import { ordinal } from './problems.ts';
import { updateLog } from './updates.ts';

/**
 * The numbers an estimate may hold: finite, at most this far from zero (beyond
 * it a whole number is not stored exactly: 9007199254740993 would read as
 * …992), and with at most this many decimal places (so a chart, a table and a
 * share card can show every digit). Negative numbers are allowed: a figure can
 * be a change or a balance.
 */
export const NUMBER_LIMITS = { largest: Number.MAX_SAFE_INTEGER, decimals: 9 } as const;

/** How many decimal places a number has as written (shortest form): `0.25` has 2, `1e-7` has 7. */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

const number = z
  .number({ error: 'must be a number, written without thousands separators (12000)' })
  .refine((value) => Math.abs(value) <= NUMBER_LIMITS.largest, {
    error: `is too large to be stored exactly (the limit is 9,007,199,254,740,991): write it in a larger unit, such as 12.5 with \`unit: billion dollars\``,
  })
  .refine((value) => decimalPlaces(value) <= NUMBER_LIMITS.decimals, {
    error: `has more than ${NUMBER_LIMITS.decimals} decimal places: round it, or write it in a smaller unit (grams instead of kilograms)`,
  });

/** One claimant's estimate: a single value or a range. */
export const estimateSchema = z
  .strictObject({
    /** Id, unique among the figure's estimates: what a later estimate's `revises` names. */
    id: id.optional(),
    /** A single value. */
    value: number.optional(),
    /** Lower bound of a range. */
    low: number.optional(),
    /** Upper bound of a range. */
    high: number.optional(),
    /** Actor who claims it. */
    by: ref('actors', { backlink: 'estimates', item: true, forward: 'claimants' }),
    /** When it was claimed. */
    date: isoDate,
    /** Source it comes from. */
    source: ref('sources', { backlink: 'estimates', item: true, forward: 'sources' }),
    /** Statement that states it. */
    statement: ref('statements', { backlink: 'estimates', item: true }).optional(),
    /** What it covers: "Kursk region only". */
    scope: text.optional(),
    /** How it was reached: "intelligence estimate". */
    method: text.optional(),
    /** Anything else a reader should know. */
    note: text.optional(),
    /** The id of an earlier estimate of this figure that this one replaces (by the same claimant or another). */
    revises: id.optional(),
    /** The estimate was withdrawn: when, where that is recorded, and by whom when not its claimant. */
    withdrawn: z
      .strictObject({
        /** When it was withdrawn. */
        date: isoDate,
        /** Where the withdrawal is recorded. */
        source: ref('sources', {
          none: "the withdrawal is shown with its estimate on the figure's page; a source's page lists the estimates it gives",
        }),
        /** Who withdrew it, when not the claimant. */
        by: ref('actors', {
          none: "the withdrawal is shown with its estimate on the figure's page; an actor's page lists the estimates it claims",
        }).optional(),
        /** Anything else a reader should know. */
        note: text.optional(),
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    const hasValue = e.value !== undefined;
    const hasRange = e.low !== undefined || e.high !== undefined;
    if (hasValue && hasRange) {
      ctx.addIssue({ code: 'custom', message: 'give either `value` or `low` and `high`, not both', path: ['value'] });
    } else if (!hasValue && !hasRange) {
      ctx.addIssue({ code: 'custom', message: 'needs a `value`, or `low` and `high` for a range', path: ['value'] });
    } else if (hasRange && (e.low === undefined || e.high === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a range needs both `low` and `high`',
        path: [e.low === undefined ? 'low' : 'high'],
      });
    } else if (e.low !== undefined && e.high !== undefined && e.low > e.high) {
      ctx.addIssue({
        code: 'custom',
        message: `\`low\` (${e.low}) is greater than \`high\` (${e.high}); swap them`,
        path: ['low'],
      });
    }
  });

/** Frontmatter of `content/figures/<id>.md`. */
export const figureSchema = z.strictObject({
  /** "North Korean troops in Russia". */
  title: text,
  /** "troops". */
  unit: text,
  /** The values are sums of money in this currency (ISO 4217 code: `USD`, `EUR`): shown `$9,600,000,000`, or `$9.6bn` where space is short. */
  currency: z
    .string({ error: 'must be a currency code such as USD or EUR' })
    .refine((code) => Intl.supportedValuesOf('currency').includes(code), {
      error: 'is not a currency code (ISO 4217, in capitals: USD, EUR, GBP, UAH)',
    })
    .optional(),
  /** The values are percentages: `12.5` is shown `12.5%`. */
  percent: z.boolean({ error: 'must be true or false' }).optional(),
  /** One line. */
  description: text,
  /** At least one estimate. */
  estimates: z
    .array(estimateSchema)
    .min(1, { error: 'needs at least one estimate' })
    .superRefine((estimates, ctx) => {
      const at = new Map<string, number>();
      estimates.forEach((estimate, index) => {
        if (estimate.id === undefined) return;
        const first = at.get(estimate.id);
        if (first === undefined) at.set(estimate.id, index);
        else
          ctx.addIssue({
            code: 'custom',
            message: `the id "${estimate.id}" is also the id of the ${ordinal(first + 1)} estimate; ids must be unique in a figure`,
            path: [index, 'id'],
          });
      });
      estimates.forEach((estimate, index) => {
        if (estimate.withdrawn !== undefined && estimate.withdrawn.date < estimate.date) {
          ctx.addIssue({
            code: 'custom',
            message: `is dated ${estimate.withdrawn.date}, before the estimate itself (${estimate.date})`,
            path: [index, 'withdrawn', 'date'],
          });
        }
        if (estimate.revises === undefined) return;
        const target = at.get(estimate.revises);
        const ids = [...at.keys()].filter((other) => other !== estimate.id);
        if (target === undefined) {
          const known =
            ids.length > 0
              ? `the ids here: ${ids.join(', ')}`
              : 'give the earlier estimate an `id:` line and name it here';
          ctx.addIssue({
            code: 'custom',
            message: `"${estimate.revises}" is not the id of another estimate of this figure (${known})`,
            path: [index, 'revises'],
          });
        } else if (target === index) {
          ctx.addIssue({
            code: 'custom',
            message: 'an estimate cannot revise itself: name the earlier estimate it replaces',
            path: [index, 'revises'],
          });
        } else if ((estimates[target]?.date ?? '') > estimate.date) {
          ctx.addIssue({
            code: 'custom',
            message: `revises "${estimate.revises}", which is dated later (${estimates[target]?.date}); an estimate revises an earlier one`,
            path: [index, 'revises'],
          });
        }
      });
    }),
  /** Public log of changes and corrections, newest first. */
  updates: updateLog.optional(),
});

/** Validated figure data. */
export type Figure = z.infer<typeof figureSchema>;
/** One estimate of a figure. */
export type Estimate = z.infer<typeof estimateSchema>;
