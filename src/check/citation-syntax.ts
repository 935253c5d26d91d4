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

/** Text that looks like a citation but is not one, so readers would see it as written. */
export interface MalformedCitation {
  start: number;
  end: number;
  /** The text as written: `[@ source-id]`. */
  written: string;
  /** The source id it seems to name. */
  key: string;
  /** The citation it should be: `[@source-id, p. 2]`. */
  corrected: string;
  /** Written with `@` inside brackets: meant as a citation whatever the id. */
  meant: boolean;
}

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
// `[source-id]` or `[source-id, p. 2]`: brackets without the `@`.
const BRACKETED_ID = new RegExp(`\\[(${ID})(\\s*,[^\\]\\n]*)?\\]`, 'g');
// `@source-id` outside brackets; not an e-mail address (a word character before the `@`).
const BARE_KEY = new RegExp(`(?<![\\w@.\\[;])@(${ID})(?![\\w@])`, 'g');
const LOOSE_PART = /^@?\s*([^\s,;\]@]+)[\s,]*(.*)$/;

/** `@ id p. 2` gives `@id, p. 2`: the part as the citation syntax wants it. */
function correctPart(part: string): { key: string; text: string } | undefined {
  const trimmed = part.trim();
  // A part without `@` counts only when it is an id alone: `[@a; b]`, not `[@a; see b]`.
  if (!trimmed.startsWith('@') && !new RegExp(`^${ID}$`).test(trimmed)) return undefined;
  const loose = LOOSE_PART.exec(trimmed);
  if (!loose?.[1]) return undefined;
  const locator = loose[2]?.trim();
  return { key: loose[1], text: `@${loose[1]}${locator ? `, ${locator}` : ''}` };
}

/**
 * Finds what was probably meant as a citation but does not follow the syntax:
 * `[@ id]` (a space after `@`), `[@id p. 2]` (no comma before the locator),
 * `[source-id]` (no `@`) and a bare `@source-id`. Each comes with the
 * citation it should be. Valid citations (`findCitations`) are not included.
 */
export function findMalformedCitations(text: string): MalformedCitation[] {
  const found: MalformedCitation[] = [];
  const taken: [number, number][] = findCitations(text).map((c) => [c.start, c.end]);
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (item: MalformedCitation) => {
    if (!free(item.start, item.end)) return;
    taken.push([item.start, item.end]);
    found.push(item);
  };
  for (const match of text.matchAll(CITATION)) {
    const parts = (match[1] ?? '').split(';').map(correctPart);
    const first = parts[0];
    if (!first || parts.some((part) => part === undefined)) continue;
    const corrected = `[${parts.map((part) => part?.text).join('; ')}]`;
    add({
      start: match.index,
      end: match.index + match[0].length,
      written: match[0],
      key: first.key,
      corrected,
      meant: true,
    });
  }
  for (const match of text.matchAll(BRACKETED_ID)) {
    const key = match[1] ?? '';
    const locator = match[2]?.replace(/^\s*,\s*/, '').trim();
    const corrected = `[@${key}${locator ? `, ${locator}` : ''}]`;
    add({ start: match.index, end: match.index + match[0].length, written: match[0], key, corrected, meant: false });
  }
  for (const match of text.matchAll(BARE_KEY)) {
    const key = match[1] ?? '';
    add({
      start: match.index,
      end: match.index + match[0].length,
      written: match[0],
      key,
      corrected: `[@${key}]`,
      meant: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
