import { onePerKey } from '../model/per-key.ts';
import type { Messages } from '../messages/index.ts';
import type { Source } from '../model/source.ts';
import { NUMBER_LIMITS, type Estimate } from '../model/figure.ts';

/** A reader-facing label for a source type: `news-report` gives `News report` in English. */
export function sourceTypeLabel(type: Source['type'], m: Pick<Messages, 'sourceTypes'>): string {
  return m.sourceTypes[type];
}

// Every decimal place a number may have (the schema's limit), and no "-0".
const numberFormat = onePerKey(
  (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: NUMBER_LIMITS.decimals, signDisplay: 'negative' }),
);

/** Sums of money in a currency, keyed `locale|currency|compact`. */
const moneyFormat = onePerKey((key) => {
  const [locale, currency, compact] = key.split('|');
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    signDisplay: 'negative',
    ...(compact === 'compact'
      ? { notation: 'compact', maximumSignificantDigits: 3 }
      : { minimumFractionDigits: 0, maximumFractionDigits: NUMBER_LIMITS.decimals }),
  });
});

/** The locale's pattern for one per cent ("1%", "1 %", "٪1"), as parts. */
const percentPattern = onePerKey((locale) => new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.01));

/**
 * Formats a number for readers of a locale with every digit as written: 12000
 * gives `12,000` in `en-GB`, 1e-7 gives `0.0000001`, -0 gives `0`. The number
 * goes to Intl.NumberFormat as its shortest decimal text, so 0.1 is not shown
 * as the binary value nearest to it.
 */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(String(value) as Intl.StringNumericLiteral);
}

/** How a figure's values read: sums of money in a currency, percentages, or plain counts. */
export interface ValueStyle {
  currency?: string | undefined;
  percent?: boolean | undefined;
}

/**
 * Formats one value for its figure, for readers of a locale: `12000` gives
 * `12,000` in `en-GB`; with `currency: USD`, `$9,600,000,000` (every digit), or
 * `$9.6bn` when `compact` (three significant digits, from a million up); with
 * `percent`, `12.5%`.
 */
export function formatValue(value: number, style: ValueStyle, locale: string, compact = false): string {
  if (style.currency !== undefined) {
    const big = compact && Math.abs(value) >= 1e6;
    return moneyFormat(`${locale}|${style.currency}|${big ? 'compact' : 'full'}`).format(
      String(value) as Intl.StringNumericLiteral,
    );
  }
  // A percentage keeps every digit as written, in the locale's pattern for one per cent ("1%", "1 %", "٪1").
  if (style.percent)
    return percentPattern(locale)
      .map((part) => (part.type === 'integer' ? formatNumber(value, locale) : part.value))
      .join('');
  return formatNumber(value, locale);
}

/** Formats an estimate's value or range, without the unit: `10,000`, `9,000–11,500`, `$9.6bn–$12bn` in `en-GB`. */
export function formatEstimate(
  estimate: Pick<Estimate, 'value' | 'low' | 'high'>,
  style: ValueStyle,
  locale: string,
  compact = false,
): string {
  if (estimate.value !== undefined) return formatValue(estimate.value, style, locale, compact);
  return `${formatValue(estimate.low ?? 0, style, locale, compact)}–${formatValue(estimate.high ?? 0, style, locale, compact)}`;
}

/** The unit to write after a value: none when the value says it (`$`, `%`). */
export function unitAfter(figure: ValueStyle & { unit: string }): string {
  return figure.currency !== undefined || figure.percent ? '' : ` ${figure.unit}`;
}

/** Builds a site path under the base path: `sitePath('/', 'actors', 'x')` gives `/actors/x/`. */
export function sitePath(base: string, ...parts: string[]): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const rest = parts.filter(Boolean).map(encodeURIComponent).join('/');
  return rest ? `${root}${rest}/` : root;
}

/** The name of a language tag in a locale: `uk` gives `Ukrainian` in `en`, `українська` in `uk`; unknown tags come back as written. */
const languageNames = onePerKey((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }));

export function languageName(tag: string, locale: string): string {
  try {
    return languageNames(locale).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const collator = onePerKey((locale) => new Intl.Collator(locale));

/** Compares two strings by code point: the same order on every machine and in every locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders items by name as readers of a locale sort them (`Intl.Collator`: `Ärzte`
 * between `Anna` and `Bob` in German, `Євген` after `Дмитро` in Ukrainian), ties
 * (the same name, or names the collation finds equal) broken by id, so that the
 * order never depends on the order the files were read in.
 */
export function byName<T>(locale: string, name: (item: T) => string, id: (item: T) => string): (a: T, b: T) => number {
  const { compare } = collator(locale);
  return (a, b) => compare(name(a), name(b)) || byCodePoint(id(a), id(b));
}

const listFormat = onePerKey((locale) => new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }));

/** Joins names as readers of a locale list them: `A, B and C` in `en-GB`, `A, B і C` in `uk`. */
export function formatList(items: readonly string[], locale: string): string {
  return listFormat(locale).format(items);
}

/**
 * A list whose items are markup (links), as a locale joins it: each item, with
 * the words between them as text. Three ids in `en-GB` give `a`, `, `, `b`,
 * ` and `, `c`; put together, the parts read as `formatList` writes the list.
 */
export function listParts<T>(items: readonly T[], locale: string): ({ item: T } | { text: string })[] {
  const parts: ({ item: T } | { text: string })[] = [];
  let next = 0;
  for (const part of listFormat(locale).formatToParts(items.map((_, i) => `${i}`))) {
    const item = items[next];
    if (part.type === 'element' && item !== undefined) {
      parts.push({ item });
      next += 1;
    } else if (part.type === 'literal') parts.push({ text: part.value });
  }
  return parts;
}
