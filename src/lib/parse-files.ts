import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Position, Problem } from './problems.ts';

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
  const ids = [...text.matchAll(/^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*$/gm)].map((m) => m[1] ?? '');
  return ids.length > 0 ? ids : [baseName(file)];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 (BOM dropped, CRLF folded to LF), or returns undefined. */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

/** Where a file stops being valid UTF-8: 1-based line and column, and the byte found there. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number; guess: string } | undefined {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    const valid = length > 0 && i + length <= bytes.length && utf8Valid(bytes.subarray(i, i + length));
    if (!valid) {
      // Column counts characters, like an editor does.
      const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, i));
      return { line, column: [...before].length + 1, byte, guess: new TextDecoder('windows-1252').decode(bytes.subarray(i, i + 1)) };
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

function yamlProblem(file: string, doc: Document, counter: LineCounter, lineOffset: number, text: string): Problem[] {
  const lines = text.split('\n');
  return doc.errors.map((error) => {
    const at = counter.linePos(error.pos[0]);
    const first = error.message.split('\n')[0] ?? error.message;
    const written = (lines[at.line - 1] ?? '').trimEnd();
    const near = written === '' ? '' : ` (the line reads "${written.length > 80 ? `${written.slice(0, 77)}...` : written}")`;
    return {
      file,
      line: at.line + lineOffset,
      column: at.col,
      message: `the YAML cannot be read: ${first.replace(/ at line \d+, column \d+:?$/, '')}${near}`,
      fix: 'check the indentation, the colons after field names, and that quotes are closed',
      severity: 'error',
    };
  });
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
 * of entities (each with an explicit `id`).
 */
export function parseYamlEntities(file: string, text: string): ParsedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { entries: [], problems: yamlProblem(file, doc, counter, 0, text), unreadIds: guessIds(file, text) };
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
          fix: 'give every entry of a list an `id:` line with a kebab-case id, such as `id: austin-warns-of-combat`',
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
          message: 'the file must hold one entry (field: value lines) or a list of entries (each starting with "- id: ...")',
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

/**
 * Reads a Markdown or MDX file: YAML frontmatter between `---` lines, then a body.
 * The id is the file name.
 */
export function parseFrontmatterEntity(file: string, text: string): ParsedFile {
  const start: Position = { line: 1, column: 1 };
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
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
  const yamlText = match[1] ?? '';
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { entries: [], problems: yamlProblem(file, doc, counter, 1, yamlText), unreadIds: [baseName(file)] };
  const locate = locatorFor(doc.contents as YamlNode | null, counter, 1, start);
  const data = (doc.contents === null ? {} : doc.toJSON()) as unknown;
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return {
    entries: [{ id: baseName(file), file, data, body: text.slice(match[0].length), bodyLine, position: start, locate }],
    problems: [],
  };
}

/** True for a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
