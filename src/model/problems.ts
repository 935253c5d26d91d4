/** A content mistake, reported to the editor with where it is and how to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line, where there is one. */
  line?: number | undefined;
  /** 1-based column, where there is one. */
  column?: number | undefined;
  /** The field, as a path such as `estimates[1].low` (counted from 0; reports count from 1: "the 2nd estimate"). */
  field?: string | undefined;
  /** The list entry the problem is in, named for the reader of the report: `statement "mayor-denies-leak"`. */
  entry?: string | undefined;
  /** What is wrong. */
  message: string;
  /** What would fix it. */
  fix?: string | undefined;
  /** Errors stop the build; warnings do not (unless strict). */
  severity: 'error' | 'warning';
}

/** Formats a field path as editors write it: `estimates[1].low`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** What one item of a list field is called in reports: `estimates` holds estimates. */
const ITEM_NOUNS: Record<string, string> = {
  estimates: 'estimate',
  updates: 'update',
  roles: 'role',
  relations: 'relation',
  sources: 'source',
  about: 'actor',
  actors: 'actor',
  partOf: 'parent body',
  aliases: 'alias',
  authors: 'author',
};

/** `1` gives "1st", `2` "2nd", `11` "11th", `23` "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Says a field path the way a reader counts, from 1: `estimates[1].low` gives
 * "`low` of the 2nd estimate", `about[0]` gives "the 1st actor in `about`",
 * `image.src` stays "`image.src`".
 */
export function describeField(field: string): string {
  const match = /^(.*)\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (!match) return `\`${field}\``;
  const [, list = '', index = '0', rest] = match;
  const key = list.split(/[.\]]/).at(-1) ?? list;
  const noun = ITEM_NOUNS[key];
  const inner = /\[\d+\]/.test(list);
  const nth = `the ${ordinal(Number(index) + 1)}`;
  if (noun && !inner) {
    const named = list === `${noun}s` || list === `${noun}es` ? '' : ` in \`${list}\``;
    const item = `${nth} ${noun}${named}`;
    return rest === undefined ? item : `\`${rest}\` of ${item}`;
  }
  const item = `${nth} entry of ${inner ? describeField(list) : `\`${list}\``}`;
  return rest === undefined ? item : `\`${rest}\` of ${item}`;
}

/** A position in a file. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Characters a terminal would act on or a reader could not see: controls (C0,
 * DEL, C1: escape sequences, bells, line breaks), format characters (bidi
 * overrides such as U+202E that reorder the text around them, zero-width
 * spaces), line and paragraph separators, and lone surrogates.
 */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows every character a terminal would act on, or a reader could not see, as
 * an escape: `"\u001b]0;owned\u0007"` gives `\x1b]0;owned\x07`, U+202E gives
 * `\u202e`. Text from content goes through it before it is printed.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSHOWABLE, (char) => {
    const named = NAMED_ESCAPES[char];
    if (named) return named;
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * Formats a problem as `file:line:column  field: message (fix)`. Every part is
 * passed through `escapeControls`: file names and quoted values come from the
 * content, and this is the one way problems reach a terminal or the dev error page.
 */
export function formatProblem(problem: Problem): string {
  const where = [escapeControls(problem.file), problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const entry = problem.entry ? `${escapeControls(problem.entry)}: ` : '';
  const field = problem.field ? `${escapeControls(describeField(problem.field))} ` : '';
  const fix = problem.fix ? `\n    fix: ${escapeControls(problem.fix)}` : '';
  return `${where}  ${problem.severity}: ${entry}${field}${escapeControls(problem.message)}${fix}`;
}

/** Sorts problems by file, then line, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Formats a whole report: every problem, then a count. */
export function formatReport(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatProblem);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}
