import type { Node, Parent } from 'mdast';

/**
 * Limits that keep the parse of any body short. The Markdown parser (micromark)
 * needs time that grows with the square of some counts: blockquotes and list
 * items in a body, nested ones on a line, setext headings, lines that continue a
 * quoted paragraph, and brackets, emphasis marks and backticks in a paragraph
 * (measurements in docs/parse-limits.md). The limits sit far above what an article
 * needs and far below what makes a check or a build hang.
 */
export const PARSE_LIMITS = {
  /** Characters in a body, leaving out blank space around it (about 15,000 words). */
  characters: 100_000,
  /** Lines in a body that are not blank. */
  lines: 3_000,
  /** Blockquotes and list items a body opens. */
  blocks: 1_000,
  /** Blockquotes and list items a line is inside of (`> > - x` is 3; two columns of indentation count as one). */
  nesting: 32,
  /** Characters in one paragraph: the lines between two blank lines. */
  paragraph: 20_000,
  /** Characters `[ ] * _ ~ ` <` in one paragraph. */
  marks: 500,
  /** Levels of the parsed tree: elements within elements. */
  treeDepth: 100,
} as const;

/** Where a body breaks a limit, what the limit is, and how to fix it. */
export interface LimitProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** The characters whose count within one paragraph makes the parser slow. */
const MARKS = new Set(['[', ']', '*', '_', '~', '`', '<']);
const MARK_LIST = '[ ] * _ ~ ` <';

const count = (n: number) => n.toLocaleString('en-US');
const shorten = 'shorten it or split it into several files';

/** The blockquote and list markers at the start of a line. */
interface LineStart {
  /** `>` markers before the first list marker. */
  quotes: number;
  /** List markers, and every marker after the first of them. */
  listed: number;
  /** Columns of spaces and tabs among the markers, less the one space a marker takes. */
  indent: number;
}

/**
 * Checks a body against the limits by reading its text once, in linear time,
 * before the parser sees it. Returns the first problem of each kind (only the
 * size problem when the text is too long, since the rest is then not read).
 * Blank lines count for nothing, so the same body gives the same answer however
 * much blank space surrounds it.
 */
export function limitProblems(text: string): LimitProblem[] {
  const size = textSize(text);
  if (size > PARSE_LIMITS.characters) {
    return [
      {
        line: 1,
        column: 1,
        message: `the text is too long: ${count(size)} characters (at most ${count(PARSE_LIMITS.characters)})`,
        fix: shorten,
      },
    ];
  }
  const found = new Map<string, LimitProblem>();
  const report = (kind: string, problem: LimitProblem) => {
    if (!found.has(kind)) found.set(kind, problem);
  };
  let lines = 0;
  let blocks = 0;
  let previousQuotes = 0;
  let paragraphLine = 0;
  let paragraphStart = 0;
  let marks = 0;
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line += 1;
    LINE_ENDING.lastIndex = start;
    const ending = LINE_ENDING.exec(text);
    const end = ending === null ? text.length : ending.index;
    if (isBlank(text, start, end)) {
      previousQuotes = 0;
      paragraphLine = 0;
    } else {
      lines += 1;
      if (lines === PARSE_LIMITS.lines + 1) {
        report('lines', {
          line,
          column: 1,
          message: `the text has more than ${count(PARSE_LIMITS.lines)} lines that are not blank`,
          fix: `${shorten}, or write each paragraph on one line`,
        });
      }
      if (paragraphLine === 0) {
        paragraphLine = line;
        paragraphStart = start;
        marks = 0;
      }
      const markers = lineStart(text, start, end);
      // A `>` line right below another continues its blockquotes; only the extra ones are new.
      blocks += Math.max(0, markers.quotes - previousQuotes) + markers.listed;
      previousQuotes = markers.quotes;
      if (blocks > PARSE_LIMITS.blocks) {
        report('blocks', {
          line,
          column: 1,
          message: `the text opens more than ${count(PARSE_LIMITS.blocks)} blockquotes and list items`,
          fix: `${shorten}, or use fewer quotes (>) and list items (-, 1.)`,
        });
      }
      const depth = markers.quotes + markers.listed + Math.floor(markers.indent / 2);
      if (depth > PARSE_LIMITS.nesting) {
        report('nesting', {
          line,
          column: 1,
          message: `the line is inside ${count(depth)} nested blockquotes, list items or indents (at most ${PARSE_LIMITS.nesting})`,
          fix: 'nest fewer quotes (>) and lists (-, 1.) in each other, and indent less',
        });
      }
      if (end - paragraphStart > PARSE_LIMITS.paragraph) {
        report('paragraph', {
          line,
          column: 1,
          message: `the paragraph that starts on line ${paragraphLine} is longer than ${count(PARSE_LIMITS.paragraph)} characters`,
          fix: 'split it with blank lines',
        });
      }
      if (!found.has('marks')) {
        for (let index = start; index < end; index += 1) {
          if (!MARKS.has(text[index] as string)) continue;
          marks += 1;
          if (marks > PARSE_LIMITS.marks) {
            report('marks', {
              line,
              column: index - start + 1,
              message: `the paragraph that starts on line ${paragraphLine} holds more than ${PARSE_LIMITS.marks} of the characters ${MARK_LIST} (links, citations, emphasis, code, tags)`,
              fix: 'split the paragraph with blank lines, or write fewer of these characters in it',
            });
            break;
          }
        }
      }
    }
    if (ending === null) break;
    start = end + ending[0].length;
  }
  return [...found.values()];
}

/** Line endings as Markdown reads them: CR LF, CR alone, LF alone. */
const LINE_ENDING = /\r\n|\r|\n/g;

/** True for the characters Markdown counts as blank: space, tab and line endings. */
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** The length of a text without the blank space at its start and end. */
function textSize(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return end - start;
}

/** True when a line holds only spaces and tabs: a blank line to Markdown (a form feed is text). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    if (!isSpace(text[index])) return false;
  }
  return true;
}

/**
 * Reads the blockquote markers (`>`) and list markers (`-`, `*`, `+`, `1.`,
 * `1)`) at the start of a line, and the indentation among them. Each nested list
 * item needs at least two columns more than its parent, so markers plus half the
 * indentation bound how many containers the line is in. Overcounting is
 * harmless (`- - -` is a rule, not three lists); undercounting never happens.
 */
function lineStart(text: string, start: number, end: number): LineStart {
  const found: LineStart = { quotes: 0, listed: 0, indent: 0 };
  let index = start;
  while (index < end) {
    const c = text[index] as string;
    if (c === ' ' || c === '\t') {
      found.indent += c === '\t' ? 4 : 1;
      index += 1;
      continue;
    }
    let after = -1;
    if (c === '>') after = index + 1;
    else if ((c === '-' || c === '*' || c === '+') && isSeparator(text, index + 1, end)) after = index + 1;
    else if (c >= '0' && c <= '9') {
      let digit = index;
      while (digit < end && digit - index < 9 && (text[digit] as string) >= '0' && (text[digit] as string) <= '9')
        digit += 1;
      if ((text[digit] === '.' || text[digit] === ')') && isSeparator(text, digit + 1, end)) after = digit + 1;
    }
    if (after === -1) break;
    if (c === '>' && found.listed === 0) found.quotes += 1;
    else found.listed += 1;
    // The one space after a marker belongs to the marker, not to the indentation.
    index = after < end && text[after] === ' ' ? after + 1 : after;
  }
  return found;
}

/** True at the end of a line or before a space or tab: what follows a list marker. */
function isSeparator(text: string, index: number, end: number): boolean {
  return index >= end || text[index] === ' ' || text[index] === '\t';
}

/**
 * The first node deeper than the tree depth limit, found without recursion
 * (a recursive walk is what a too deep tree would break).
 */
export function tooDeep(tree: Node): Node | undefined {
  const stack: [Node, number][] = [[tree, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > PARSE_LIMITS.treeDepth) return node;
    const children = (node as Partial<Parent>).children;
    if (children) for (const child of children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** The outcome of {@link parseWithinLimits}: a tree, or the limits the text breaks. */
export type LimitedParse<T> = { tree: T; problems?: undefined } | { tree?: undefined; problems: LimitProblem[] };

const nestingFix = 'nest fewer elements, quotes and lists in each other';

/**
 * Parses a body with `parse` only when its text is within the limits, and
 * refuses a tree nested deeper than the limit (tags nested in tags are not
 * bounded by the text's lines). The checker and the render pipeline
 * (`src/plugins/body-tree.ts`) both parse through here.
 */
export function parseWithinLimits<T extends Node>(text: string, parse: (text: string) => T): LimitedParse<T> {
  const problems = limitProblems(text);
  if (problems.length > 0) return { problems };
  let tree: T;
  try {
    tree = parse(text);
  } catch (error) {
    // Deep nesting the text scan cannot see (tags in tags) overflows the parser's stack.
    if (!(error instanceof RangeError)) throw error;
    return { problems: [{ line: 1, column: 1, message: 'the text is nested too deeply to read', fix: nestingFix }] };
  }
  const deepNode = tooDeep(tree);
  if (deepNode) {
    const at = deepNode.position?.start;
    return {
      problems: [
        {
          line: at?.line ?? 1,
          column: at?.column ?? 1,
          message: `elements are nested more than ${PARSE_LIMITS.treeDepth} deep here`,
          fix: nestingFix,
        },
      ],
    };
  }
  return { tree };
}
