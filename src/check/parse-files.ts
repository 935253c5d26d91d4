import { extractFrontmatter, parseFrontmatter } from 'astro/markdown';
import {
  Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { fieldName, type Position, type Problem } from '../model/problems.ts';

/** A path to a field inside an entry: `['estimates', 1, 'low']`. */
export type FieldPath = readonly PropertyKey[];

/** One entity as read from a file, before validation. */
export interface RawEntry {
  /** The id: explicit in a list, else the file name. */
  id: string | undefined;
  /** Path of the file, relative to the project root. */
  file: string;
  /** Parsed data (YAML or frontmatter), not yet validated. */
  data: unknown;
  /** Markdown or MDX body, if the file has one. */
  body: string | undefined;
  /** 1-based line at which the body starts in the file. */
  bodyLine: number;
  /** Where the entry starts. */
  position: Position;
  /** Finds the position of a field; falls back to the closest enclosing field. */
  locate: (path: FieldPath) => Position;
}

/** What reading one file gives: its entries and any problem that stopped parsing. */
export interface ParsedFile {
  entries: RawEntry[];
  problems: Problem[];
  /**
   * Ids the file seems to define although it could not be read (a syntax
   * error): references to them are not reported again as unknown.
   */
  unreadIds?: string[] | undefined;
}

/** Ids a file that cannot be parsed seems to define: its `id:` lines, else its name. */
export function guessIds(file: string, text: string): string[] {
  const ids = [...text.matchAll(/^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*$/gm)].map(
    (m) => m[1] ?? '',
  );
  return ids.length > 0 ? ids : [baseName(file)];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes as UTF-8 (BOM dropped, CRLF folded to LF), or returns undefined.
 * A carriage return on its own is left in place for `textProblem` to refuse.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return utf8
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
  } catch {
    return undefined;
  }
}

/** A carriage return, or a control character other than tab and line feed (C0, DEL, C1). */
const UNREADABLE = /(?![\t\n])\p{Cc}/u;

/**
 * The first character that must not be in a content file, as a problem:
 * - a carriage return that does not end a CRLF pair (old Mac line endings, or a
 *   stray CR): YAML and Markdown take it for a line break, Astro's frontmatter
 *   reader does not, so a check that folded it would pass a file whose
 *   frontmatter the build then loses;
 * - any other control character: invisible in editors, refused by the YAML
 *   reader Astro uses for frontmatter, and able to drive a terminal.
 */
function textProblem(file: string, text: string): Problem | undefined {
  const found = UNREADABLE.exec(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index);
  const where = {
    file,
    line: before.split('\n').length,
    column: found.index - before.lastIndexOf('\n'),
    severity: 'error' as const,
  };
  if (found[0] === '\r') {
    return {
      ...where,
      message: text.includes('\n')
        ? 'a carriage return (CR) stands alone here, without the line feed (LF) that should follow it'
        : 'the file ends its lines with a carriage return alone (CR, old Mac line endings)',
      fix: 'save the file with LF (Unix) or CRLF (Windows) line endings; most editors offer the choice in the status bar',
    };
  }
  const code = `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    ...where,
    message: `the file holds the invisible control character ${code}`,
    fix: 'delete it (it often comes with text copied from a terminal, a PDF or a word processor); a tab or a line break is fine',
  };
}

/** Where a file stops being valid UTF-8: 1-based line and column, and the byte found there. */
export function firstInvalidUtf8(
  bytes: Uint8Array,
): { line: number; column: number; byte: number; guess: string } | undefined {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    const valid = length > 0 && i + length <= bytes.length && utf8Valid(bytes.subarray(i, i + length));
    if (!valid) {
      // Column counts characters, like an editor does.
      const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, i));
      return {
        line,
        column: [...before].length + 1,
        byte,
        guess: new TextDecoder('windows-1252').decode(bytes.subarray(i, i + 1)),
      };
    }
    if (byte === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += length;
  }
  return undefined;
}

function utf8Valid(sequence: Uint8Array): boolean {
  try {
    utf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

/** The file name without folder and extension: `content/actors/x.md` gives `x`. */
export function baseName(file: string): string {
  const name = file.split('/').pop() ?? file;
  return name.replace(/\.[^.]+$/, '');
}

/** A line of the text as written, shortened, for quoting in a message. */
function quoteLine(text: string, line: number): string {
  const written = (text.split('\n')[line - 1] ?? '').trimEnd();
  return written === '' ? '' : ` (the line reads "${written.length > 80 ? `${written.slice(0, 77)}...` : written}")`;
}

const SYNTAX_FIX = 'check the indentation, the colons after field names, and that quotes are closed';

/** How deep values may nest; js-yaml, Astro's frontmatter reader, refuses deeper too. */
const MAX_DEPTH = 100;

const TOO_DEEP = {
  message: `the values are nested more than ${MAX_DEPTH} levels deep`,
  fix: 'content needs a few levels at most (a field, a list, the fields of each entry): look for stray "- " or brackets',
};

function yamlProblem(file: string, doc: Document, counter: LineCounter, lineOffset: number, text: string): Problem[] {
  const position = (offset: number) => {
    const at = counter.linePos(offset);
    return { file, line: at.line + lineOffset, column: at.col, severity: 'error' as const };
  };
  // A nesting too deep for the parser's stack: whatever else it reports follows from that.
  const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return [{ ...position(exhausted.pos[0]), ...TOO_DEEP }];
  return doc.errors.map((error) => {
    const first = error.message.split('\n')[0] ?? error.message;
    const line = counter.linePos(error.pos[0]).line;
    return {
      ...position(error.pos[0]),
      message: `the YAML cannot be read: ${first.replace(/ at line \d+, column \d+:?$/, '')}${quoteLine(text, line)}`,
      fix: SYNTAX_FIX,
    };
  });
}

/** How a tag is written: `tag:yaml.org,2002:js/function` is `!!js/function`. */
function writtenTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * YAML features content has no use for, and that the two YAML readers (ours,
 * and js-yaml, which Astro uses for frontmatter) treat differently or that
 * make reading unsafe, as problems (the first of each kind in a file):
 * - tags (`!!js/function`, `!foo`, `!!binary`): js-yaml throws on unknown ones,
 *   others turn text into binary data or sets;
 * - anchors and aliases (`&a`, `*a`): a few lines of aliases to aliases expand
 *   into millions of values (the "billion laughs");
 * - merge keys (`<<`): js-yaml merges them, YAML 1.2 reads a field named `<<`;
 * - nesting deeper than `MAX_DEPTH`: every later step that walks the values
 *   recursively would run out of stack.
 * The walk keeps its own stack, so no depth makes it overflow.
 */
function unsupportedYaml(
  file: string,
  text: string,
  root: unknown,
  counter: LineCounter,
  lineOffset: number,
): Problem[] {
  const found = new Map<string, Problem>();
  /** Where a node's tag or anchor (`marker`, as written) starts: before the node, on its line. */
  const markerAt = (node: YamlNode, marker: string | undefined) => {
    const start = node.range?.[0] ?? 0;
    const at = marker ? text.lastIndexOf(marker, start) : -1;
    return at !== -1 && !text.slice(at, start).includes('\n') ? at : start;
  };
  const report = (kind: string, node: YamlNode, path: FieldPath, message: string, fix: string, marker?: string) => {
    if (found.has(kind)) return;
    const at = counter.linePos(markerAt(node, marker));
    found.set(kind, {
      file,
      line: at.line + lineOffset,
      column: at.col,
      field: fieldName(path) || undefined,
      message,
      fix,
      severity: 'error',
    });
  };
  const noSharing = 'write the value out in full wherever it is needed';
  /** A node to visit, with the key or index it sits at and its parent's step: the field path is built only for a report. */
  interface Step {
    node: unknown;
    key: PropertyKey | undefined;
    parent: Step | undefined;
    depth: number;
  }
  const pathOf = (step: Step | undefined): FieldPath => {
    const path: PropertyKey[] = [];
    for (let at = step; at?.key !== undefined; at = at.parent) path.unshift(at.key);
    return path;
  };
  // The entries of a list file each start a path of their own, as their fields are named in other messages.
  const starts = isSeq(root) ? root.items : [root];
  const pending: Step[] = starts.map((node): Step => ({ node, key: undefined, parent: undefined, depth: 0 })).reverse();
  for (let step = pending.pop(); step; step = pending.pop()) {
    const { node, depth } = step;
    if (isAlias(node)) {
      report('anchor', node, pathOf(step), `YAML aliases (\`*${node.source}\`) are not supported`, noSharing);
      continue;
    }
    if (!isNode(node)) continue;
    if (depth > MAX_DEPTH) {
      report('depth', node, pathOf(step).slice(0, 2), TOO_DEEP.message, TOO_DEEP.fix);
      continue;
    }
    if (node.tag) {
      const tag = writtenTag(node.tag);
      report(
        'tag',
        node,
        pathOf(step),
        `the YAML tag \`${tag}\` is not supported`,
        `remove \`${tag}\`: values are plain text, numbers, dates, lists or fields (put text in double quotes if it holds a colon)`,
        tag,
      );
    }
    if (node.anchor)
      report(
        'anchor',
        node,
        pathOf(step),
        `YAML anchors (\`&${node.anchor}\`) are not supported`,
        `remove \`&${node.anchor}\` and ${noSharing}`,
        `&${node.anchor}`,
      );
    // Children go on the stack last first, so the first use of a feature in the file is the one reported.
    if (isMap(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) {
        const pair = node.items[index];
        if (!pair) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (key === '<<' && isNode(pair.key))
          report(
            'merge',
            pair.key,
            pathOf(step),
            'the YAML merge key `<<` is not supported',
            'write the fields out in full',
          );
        pending.push(
          { node: pair.value, key, parent: step, depth: depth + 1 },
          { node: pair.key, key, parent: step, depth: depth + 1 },
        );
      }
    } else if (isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--)
        pending.push({ node: node.items[index], key: index, parent: step, depth: depth + 1 });
    }
  }
  return [...found.values()];
}

/** Reads YAML text with positions: the document, its line counter, and any problem. */
function readYaml(file: string, text: string): { doc: Document; counter: LineCounter; problems: Problem[] } {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser recurses once per level of nesting and, on some deep inputs, runs out of stack itself.
    const deep = error instanceof RangeError;
    const problem: Problem = deep
      ? { file, line: 1, column: 1, ...TOO_DEEP, severity: 'error' }
      : {
          file,
          line: 1,
          column: 1,
          message: `the YAML cannot be read: ${String(error)}`,
          fix: SYNTAX_FIX,
          severity: 'error',
        };
    return { doc: new Document(), counter, problems: [problem] };
  }
  const problems =
    doc.errors.length > 0
      ? yamlProblem(file, doc, counter, 0, text)
      : unsupportedYaml(file, text, doc.contents, counter, 0);
  return { doc, counter, problems };
}

/** Makes a locator that maps a field path to a file position, from a YAML node. */
function locatorFor(root: YamlNode | null | undefined, counter: LineCounter, lineOffset: number, fallback: Position) {
  const positionOf = (node: YamlNode | null | undefined): Position | undefined => {
    if (!node?.range) return undefined;
    const at = counter.linePos(node.range[0]);
    return { line: at.line + lineOffset, column: at.col };
  };
  return (path: FieldPath): Position => {
    let node: unknown = root;
    let best = positionOf(root) ?? fallback;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        best = positionOf(pair.key as YamlNode) ?? best;
        node = pair.value;
        // A scalar value is where the mistake is; a block map or list starts at its key.
        if (isScalar(node)) best = positionOf(node) ?? best;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!item) break;
        best = positionOf(item as YamlNode) ?? best;
        node = item;
      } else {
        break;
      }
    }
    return best;
  };
}

/**
 * Reads a YAML file that holds one entity (id from the file name) or a list
 * of entities (each with an explicit `id`). The content check and the
 * collections' loader both read YAML files through this function.
 */
export function parseYamlEntities(file: string, text: string): ParsedFile {
  const unreadable = textProblem(file, text);
  if (unreadable) return { entries: [], problems: [unreadable], unreadIds: guessIds(file, text) };
  const { doc, counter, problems: unread } = readYaml(file, text);
  if (unread.length > 0) return { entries: [], problems: unread, unreadIds: guessIds(file, text) };
  const start: Position = { line: 1, column: 1 };
  const contents = doc.contents;
  if (isSeq(contents)) {
    const entries: RawEntry[] = [];
    const problems: Problem[] = [];
    contents.items.forEach((item, index) => {
      const locate = locatorFor(item as YamlNode, counter, 0, start);
      const data = (item as YamlNode).toJSON?.() ?? null;
      const position = locate([]);
      const explicit = isRecord(data) ? data['id'] : undefined;
      if (explicit === undefined) {
        problems.push({
          file,
          ...position,
          field: 'id',
          message: `entry ${index + 1} of this list has no \`id\``,
          fix: 'give every entry of a list an `id:` line with a kebab-case id, such as `id: minister-announces-review`',
          severity: 'error',
        });
        return;
      }
      const id = typeof explicit === 'string' ? explicit : String(explicit);
      // An all-digit id (`id: 2024`) is read by YAML as a number: keep it as the text written.
      if (isRecord(data) && typeof explicit === 'number') data['id'] = id;
      entries.push({ id, file, data, body: undefined, bodyLine: 0, position, locate });
    });
    return { entries, problems };
  }
  if (contents === null || !isMap(contents)) {
    return {
      entries: [],
      problems: [
        {
          file,
          ...start,
          message:
            'the file must hold one entry (field: value lines) or a list of entries (each starting with "- id: ...")',
          severity: 'error',
        },
      ],
    };
  }
  const locate = locatorFor(contents, counter, 0, start);
  const data = contents.toJSON() as unknown;
  const explicit = isRecord(data) ? data['id'] : undefined;
  const id = baseName(file);
  if (explicit !== undefined && String(explicit) !== id) {
    return {
      entries: [],
      problems: [
        {
          file,
          ...locate(['id']),
          field: 'id',
          message: `the id "${String(explicit)}" differs from the file name "${id}"`,
          fix: `a file that holds one entry takes its id from its name: remove the \`id\` line or rename the file to ${String(explicit)}.yaml`,
          severity: 'error',
        },
      ],
    };
  }
  if (isRecord(data)) delete data['id'];
  return { entries: [{ id, file, data, body: undefined, bodyLine: 0, position: start, locate }], problems: [] };
}

/** An error of Astro's frontmatter reader (js-yaml) as a problem; its lines count from 0 at the opening `---`. */
function frontmatterError(file: string, raw: string, error: unknown): Problem {
  const { reason, mark } = error as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
  const column = typeof mark?.column === 'number' ? mark.column + 1 : 1;
  const what =
    typeof reason === 'string' ? reason : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return {
    file,
    line,
    column,
    message: `the YAML cannot be read: ${what}${quoteLine(raw, line)}`,
    fix: SYNTAX_FIX,
    severity: 'error',
  };
}

/**
 * Reads a Markdown or MDX file: YAML frontmatter between `---` lines, then a body.
 * The id is the file name.
 *
 * Astro's loaders read the same file with their own frontmatter parser
 * (`parseFrontmatter` from `astro/markdown`, which uses js-yaml). So that what
 * this check accepts is what the build gets, the data comes from that very
 * parser; the `yaml` document of the same text only gives positions, syntax
 * errors with lines, and refuses what the two readers would read differently.
 */
export function parseFrontmatterEntity(file: string, text: string): ParsedFile {
  const start: Position = { line: 1, column: 1 };
  const unreadIds = [baseName(file)];
  const fail = (problem: Problem): ParsedFile => ({ entries: [], problems: [problem], unreadIds });
  const unreadable = textProblem(file, text);
  if (unreadable) return fail(unreadable);
  if (!/^---[ \t]*\n/.test(text)) {
    return {
      entries: [],
      problems: [
        {
          file,
          ...start,
          message: 'the file does not start with frontmatter',
          fix: 'begin the file with a line "---", the fields (name: ..., kind: ...), and another line "---"',
          severity: 'error',
        },
      ],
    };
  }
  // Astro's reader ends the frontmatter at the first line that starts with
  // `---` or `+++`, whatever follows on that line: take exactly that text.
  const raw = extractFrontmatter(text);
  if (raw === undefined) {
    return fail({
      file,
      ...start,
      message: 'the frontmatter never ends',
      fix: 'put a line "---" after the last field',
      severity: 'error',
    });
  }
  const end = 3 + raw.length;
  const lineEnd = text.indexOf('\n', end);
  const closing = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  const closingLine = raw.split('\n').length;
  if (!/^---[ \t]*$/.test(closing)) {
    return fail({
      file,
      line: closingLine,
      column: 1,
      message: `the frontmatter ends at the first line that starts with "---" or "+++", and this one has more on it (the line reads "${closing.slice(0, 80)}")`,
      fix: 'end the frontmatter with a line that holds only "---"; indent a value that starts with --- or +++, or put it in double quotes',
      severity: 'error',
    });
  }
  const { doc, counter, problems } = readYaml(file, raw);
  if (problems.length > 0) return { entries: [], problems, unreadIds };
  if (doc.contents !== null && !isMap(doc.contents)) {
    return fail({
      file,
      ...start,
      message: 'the frontmatter must be field: value lines',
      fix: 'write one field per line, such as "name: Jane Doe"',
      severity: 'error',
    });
  }
  let data: unknown;
  try {
    data = parseFrontmatter(text).frontmatter;
  } catch (error) {
    return fail(frontmatterError(file, raw, error));
  }
  const locate = locatorFor(doc.contents as YamlNode | null, counter, 0, start);
  return {
    entries: [
      {
        id: baseName(file),
        file,
        data,
        body: text.slice(lineEnd === -1 ? text.length : lineEnd + 1),
        bodyLine: closingLine + 1,
        position: start,
        locate,
      },
    ],
    problems: [],
  };
}

/** True for a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
