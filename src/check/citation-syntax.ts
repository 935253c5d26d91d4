/** One key of a citation: `[@src, p. 4]` gives `{ key: 'src', locator: 'p. 4' }`. */
export interface CitationKey {
  key: string;
  locator: string | undefined;
}

/** A citation found in text, with its offsets in that text. */
export interface CitationMatch {
  start: number;
  end: number;
  keys: CitationKey[];
}

// `[@` opens a citation; keys are separated by `;`; each may carry a locator after a comma.
const CITATION = /\[(@[^\]\n]*)\]/g;
const KEY = /^@([^\s,;\]]+)\s*(?:,\s*(.+))?$/;

/**
 * Finds pandoc-style citations in a run of text:
 * `See [@a; @b, p. 4].` gives one match with keys `a` and `b` (locator `p. 4`).
 * A bracket that does not hold only `@key` parts is not a citation and is left alone.
 */
export function findCitations(text: string): CitationMatch[] {
  const found: CitationMatch[] = [];
  for (const match of text.matchAll(CITATION)) {
    const inner = match[1] ?? '';
    const keys: CitationKey[] = [];
    let valid = true;
    for (const part of inner.split(';')) {
      const key = KEY.exec(part.trim());
      if (!key?.[1]) {
        valid = false;
        break;
      }
      keys.push({ key: key[1], locator: key[2]?.trim() || undefined });
    }
    if (valid && keys.length > 0) found.push({ start: match.index, end: match.index + match[0].length, keys });
  }
  return found;
}
