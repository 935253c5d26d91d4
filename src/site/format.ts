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
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: NUMBER_LIMITS.decimals, signDisplay: 'negative' });

/**
 * Formats a number for readers with every digit as written: 12000 gives
 * `12,000`, 1e-7 gives `0.0000001`, -0 gives `0`. The number goes to
 * Intl.NumberFormat as its shortest decimal text, so 0.1 is not shown as the
 * binary value nearest to it.
 */
export function formatNumber(value: number): string {
  return numberFormat.format(String(value) as Intl.StringNumericLiteral);
}

/** Formats an estimate's value or range: `about 10,000` style text without the unit. */
export function formatEstimate(estimate: Pick<Estimate, 'value' | 'low' | 'high'>): string {
  if (estimate.value !== undefined) return formatNumber(estimate.value);
  return `${formatNumber(estimate.low ?? 0)}–${formatNumber(estimate.high ?? 0)}`;
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
