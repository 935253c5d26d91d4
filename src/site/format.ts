import type { Source } from '../model/source.ts';
import { NUMBER_LIMITS, type Estimate } from '../model/figure.ts';

const SOURCE_TYPE_LABELS: Record<Source['type'], string> = {
  'news-report': 'News report',
  speech: 'Speech',
  'press-release': 'Press release',
  briefing: 'Briefing',
  statement: 'Statement',
  interview: 'Interview',
  report: 'Report',
  dataset: 'Dataset',
  'social-post': 'Social media post',
  document: 'Document',
};

/** A reader-facing label for a source type: `news-report` gives `News report`. */
export function sourceTypeLabel(type: Source['type']): string {
  return SOURCE_TYPE_LABELS[type];
}

// Every decimal place a number may have (the schema's limit), and no "-0".
const numberFormat = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: NUMBER_LIMITS.decimals,
  signDisplay: 'negative',
});

/**
 * Formats a number for readers with every digit as written: 12000 gives
 * `12,000`, 1e-7 gives `0.0000001`, -0 gives `0`. The number goes to
 * Intl.NumberFormat as its shortest decimal text, so 0.1 is not shown as the
 * binary value nearest to it.
 */
export function formatNumber(value: number): string {
  return numberFormat.format(String(value) as Intl.StringNumericLiteral);
}

/** How a figure's values read: sums of money in a currency, percentages, or plain counts. */
export interface ValueStyle {
  currency?: string | undefined;
  percent?: boolean | undefined;
}

/**
 * Formats one value for its figure: `12000` gives `12,000`; with
 * `currency: USD`, `$9,600,000,000` (every digit), or `$9.6bn` when `compact`
 * (three significant digits, from a million up); with `percent`, `12.5%`.
 */
export function formatValue(value: number, style: ValueStyle = {}, compact = false): string {
  if (style.currency !== undefined) {
    const big = compact && Math.abs(value) >= 1e6;
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: style.currency,
      currencyDisplay: 'narrowSymbol',
      signDisplay: 'negative',
      ...(big
        ? { notation: 'compact', maximumSignificantDigits: 3 }
        : { minimumFractionDigits: 0, maximumFractionDigits: NUMBER_LIMITS.decimals }),
    }).format(String(value) as Intl.StringNumericLiteral);
  }
  return style.percent ? `${formatNumber(value)}%` : formatNumber(value);
}

/** Formats an estimate's value or range, without the unit: `10,000`, `9,000–11,500`, `$9.6bn–$12bn`. */
export function formatEstimate(
  estimate: Pick<Estimate, 'value' | 'low' | 'high'>,
  style: ValueStyle = {},
  compact = false,
): string {
  if (estimate.value !== undefined) return formatValue(estimate.value, style, compact);
  return `${formatValue(estimate.low ?? 0, style, compact)}–${formatValue(estimate.high ?? 0, style, compact)}`;
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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** The English name of a language tag: `uk` gives `Ukrainian`; unknown tags come back as written. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
