import type { Source } from '../schemas/source.ts';
import type { Estimate } from '../schemas/figure.ts';
import { formatDate } from './dates.ts';

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

/** A one-line description of a source: `Publisher, 4 November 2024 (News report)`. */
export function describeSource(source: Source): string {
  return `${source.publisher}, ${formatDate(source.published)} (${sourceTypeLabel(source.type).toLowerCase()})`;
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** Formats a number for readers: 12000 gives `12,000`. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
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
