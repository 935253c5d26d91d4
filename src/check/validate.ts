import type { z } from 'astro/zod';
import { ID_PATTERN, idLengthProblem } from '../model/common.ts';
import { slugify } from '../model/slug.ts';
import { COLLECTION_FORMATS, schemas, type CollectionName } from '../model/index.ts';
import { closestIds } from './did-you-mean.ts';
import { entryOf } from './entry-label.ts';
import type { RawEntry } from './parse-files.ts';
import { fieldName, type Problem } from '../model/problems.ts';

/** An entry whose data passed its schema. */
export interface ValidEntry<T = unknown> extends RawEntry {
  id: string;
  data: T;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  // JSON would show Infinity and NaN (YAML's .inf and .nan) as null.
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

const EXPECTED: Record<string, string> = {
  array: 'must be a list',
  object: 'must be a group of fields',
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
};

const EXPECTED_FIX: Record<string, string> = {
  array: 'write one entry per line, each starting with "- ", or [a, b] on one line',
  object: 'write the fields on the lines below, indented by two spaces',
  string: 'put the text in double quotes',
  number: 'write digits only, without thousands separators or units: 12000',
  boolean: 'write true or false',
};

/** Turns one zod issue into a problem an editor can act on. */
function issueToProblem(
  entry: RawEntry,
  schema: z.ZodType,
  label: { entry?: string },
  issue: z.core.$ZodIssue,
): Problem {
  const base = { file: entry.file, ...label, severity: 'error' as const };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = [...issue.path, key];
    const allowed = knownKeys(schema, issue.path);
    const close = closestIds(key, allowed, 1);
    return {
      ...base,
      ...entry.locate(path),
      field: fieldName(path),
      message: `unknown field${issue.keys.length > 1 ? `s ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : ''}`,
      fix: close.length > 0 ? `did you mean \`${close[0]}\`?` : `allowed fields here: ${allowed.join(', ')}`,
    };
  }
  if (issue.code === 'invalid_union') {
    // A value that is one of several shapes (an alias: text, or a name with its
    // language): report the mistake inside the shape it was written in.
    const branch = issue.errors.find(
      (issues) =>
        issues.length > 0 && !issues.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
    );
    // A misspelt field first: its did-you-mean explains the missing one too.
    const chosen = branch?.find((inner) => inner.code === 'unrecognized_keys') ?? branch?.[0];
    if (chosen !== undefined)
      return issueToProblem(entry, schema, label, { ...chosen, path: [...issue.path, ...chosen.path] });
  }
  const value = valueAt(entry.data, issue.path);
  const where = { ...entry.locate(issue.path), field: fieldName(issue.path) || undefined };
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined) {
    const allowed =
      issue.code === 'invalid_value' && 'values' in issue
        ? `, with one of: ${issue.values.map(String).join(', ')}`
        : '';
    return {
      ...base,
      ...where,
      message: 'is required but missing',
      fix: `add a \`${String(issue.path.at(-1))}:\` line${allowed}`,
    };
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = issue.values.map(String);
    const close = typeof value === 'string' ? closestIds(value, allowed, 1) : [];
    return {
      ...base,
      ...where,
      message: `${show(value)} is not an allowed value`,
      fix: `${close.length > 0 ? `did you mean "${close[0]}"? ` : ''}allowed values: ${allowed.join(', ')}`,
    };
  }
  const shown = value === undefined || typeof value === 'object' ? '' : ` (got ${show(value)})`;
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    // zod's own wording is for developers; say what to write instead.
    const wanted = EXPECTED[issue.expected] ?? `must be of type ${issue.expected}`;
    const got = Array.isArray(value)
      ? ' (got a list)'
      : value !== null && typeof value === 'object'
        ? ' (got a group of fields)'
        : shown;
    return { ...base, ...where, message: `${wanted}${got}`, fix: EXPECTED_FIX[issue.expected] };
  }
  return { ...base, ...where, message: `${issue.message}${shown}` };
}

/** The field names allowed at a path, for did-you-mean on unknown fields. */
function knownKeys(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  let schema: unknown = root;
  for (const key of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (typeof key === 'number') schema = (schema as { element?: unknown }).element;
    else schema = shape?.[String(key)];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as {
    def?: { type?: string; innerType?: unknown; in?: unknown; out?: unknown; schema?: unknown; options?: unknown[] };
  };
  for (let i = 0; i < 10 && current?.def; i++) {
    const def = current.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')
      current = def.innerType as typeof current;
    // A preprocessed schema (`z.preprocess`) is a transform piped into the schema with the fields.
    else if (def.type === 'pipe')
      current = (
        (def.in as typeof current)?.def?.type === 'transform' ? def.out : (def.in ?? def.out)
      ) as typeof current;
    // One of several shapes (an alias): the fields are those of the shape that has fields.
    else if (def.type === 'union')
      current = (def.options?.find((option) => (option as typeof current)?.def?.type === 'object') ??
        def.options?.[0]) as typeof current;
    else break;
  }
  return current;
}

/** Validates the raw entries of one collection against its schema. */
export function validateEntries<C extends CollectionName>(
  collection: C,
  raw: readonly RawEntry[],
): { entries: ValidEntry<z.infer<(typeof schemas)[C]>>[]; problems: Problem[] } {
  const entries: ValidEntry<z.infer<(typeof schemas)[C]>>[] = [];
  const problems: Problem[] = [];
  const fromFileName = COLLECTION_FORMATS[collection] !== 'yaml';
  for (const entry of raw) {
    const id = entry.id ?? '';
    if (!ID_PATTERN.test(id)) {
      const suggestion = slugify(id);
      problems.push({
        file: entry.file,
        ...(fromFileName ? entry.position : entry.locate(['id'])),
        field: 'id',
        message: `the id "${id}" is not kebab-case (lowercase letters, digits and single hyphens)`,
        fix: fromFileName ? `rename the file to "${suggestion}"` : `write it as "${suggestion}"`,
        severity: 'error',
      });
      continue;
    }
    const tooLong = idLengthProblem(id);
    if (tooLong !== undefined) {
      problems.push({
        file: entry.file,
        ...(fromFileName ? entry.position : entry.locate(['id'])),
        field: 'id',
        message: `the id "${id.slice(0, 40)}…" ${tooLong}`,
        fix: fromFileName ? 'rename the file with a shorter name' : 'write a shorter id',
        severity: 'error',
      });
      continue;
    }
    const result = schemas[collection].safeParse(entry.data ?? {});
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(issueToProblem(entry, schemas[collection], entryOf(collection, entry), issue));
      continue;
    }
    entries.push({ ...entry, id, data: result.data as z.infer<(typeof schemas)[C]> });
  }
  return { entries, problems };
}

/** Validates one file's data against a schema of its own (`site.yaml`), with the same messages as the collections. */
export function validateData<T extends z.ZodType>(
  entry: RawEntry,
  schema: T,
): { data: z.output<T>; problems: [] } | { data: undefined; problems: Problem[] } {
  const result = schema.safeParse(entry.data ?? {});
  if (result.success) return { data: result.data, problems: [] };
  return { data: undefined, problems: result.error.issues.map((issue) => issueToProblem(entry, schema, {}, issue)) };
}
