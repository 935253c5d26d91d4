import type { z } from 'astro/zod';
import { type RefLink, referenceFields, type RefTarget } from './common.ts';
import { schemas, type CollectionName } from './index.ts';

/** A key in a reference path: a field name, or `*` for every item of a list. */
export type PathKey = string | '*';

/** A field that names entries of another collection, as declared in a schema with `ref()`. */
export interface ReferenceField {
  path: readonly PathKey[];
  target: RefTarget;
  /** How the pages list it (the cross-link index). */
  link: RefLink;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}

/** Walks a schema and lists the paths of its reference fields. */
function walk(schema: z.ZodType, path: PathKey[], out: ReferenceField[]): void {
  const declared = referenceFields.get(schema);
  if (declared) {
    out.push({ path, target: declared.target, link: declared.link });
    return;
  }
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type === 'object')
    for (const [key, field] of Object.entries(def.shape ?? {})) walk(field, [...path, key], out);
  else if (def.type === 'array' && def.element) walk(def.element, [...path, '*'], out);
  else if (def.innerType) walk(def.innerType, path, out);
  else if (def.type === 'pipe') {
    if (def.in) walk(def.in, path, out);
    if (def.out) walk(def.out, path, out);
  } else if (def.type === 'union') for (const option of def.options ?? []) walk(option, path, out);
}

/** The reference fields of a schema, in schema order. */
export function referenceFieldsOf(schema: z.ZodType): ReferenceField[] {
  const fields: ReferenceField[] = [];
  walk(schema, [], fields);
  return fields;
}

/** The reference fields of each collection, in schema order, read once from the schemas. */
export const REFERENCE_FIELDS = {} as Record<CollectionName, readonly ReferenceField[]>;
for (const collection of Object.keys(schemas) as CollectionName[])
  REFERENCE_FIELDS[collection] = referenceFieldsOf(schemas[collection]);

/**
 * Calls `visit` with each value at a path with `*` in it and its concrete path
 * (`estimates[1].by`), in the order they are written. The path passed is one
 * stack that changes as the walk goes on: copy it to keep it. The cross-link
 * index runs this on every field of every entry.
 */
export function eachValueAt(
  data: unknown,
  path: readonly PathKey[],
  visit: (at: readonly (string | number)[], value: unknown) => void,
): void {
  // A field (`speaker`) and a list (`about.*`), most of the reference fields, without the general walk.
  const [key, star] = path;
  if (path.length === 1 && key !== '*' && typeof data === 'object' && data !== null)
    visit(path, (data as Record<string, unknown>)[key as string]);
  else if (path.length === 2 && key !== '*' && star === '*' && typeof data === 'object' && data !== null) {
    const list = (data as Record<string, unknown>)[key as string];
    if (Array.isArray(list))
      for (let index = 0; index < list.length; index++) visit([key as string, index], list[index]);
  } else walkPath(data, path, 0, [], visit);
}

function walkPath(
  value: unknown,
  path: readonly PathKey[],
  depth: number,
  at: (string | number)[],
  visit: (at: readonly (string | number)[], value: unknown) => void,
): void {
  if (depth === path.length) {
    visit(at, value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const key = path[depth] as PathKey;
  if (key === '*') {
    if (!Array.isArray(value)) return;
    for (let index = 0; index < value.length; index++) {
      at.push(index);
      walkPath(value[index], path, depth + 1, at, visit);
      at.pop();
    }
    return;
  }
  at.push(key);
  walkPath((value as Record<string, unknown>)[key], path, depth + 1, at, visit);
  at.pop();
}

/** The values at a path with `*` in it, each with its concrete path (`estimates[1].by`), in the order they are written. */
export function valuesAt(data: unknown, path: readonly PathKey[]): [readonly (string | number)[], unknown][] {
  const found: [readonly (string | number)[], unknown][] = [];
  eachValueAt(data, path, (at, value) => found.push([[...at], value]));
  return found;
}
