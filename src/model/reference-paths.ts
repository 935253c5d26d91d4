import type { z } from 'astro/zod';
import { referenceFields, type RefTarget } from './common.ts';
import { schemas, type CollectionName } from './index.ts';

/** A key in a reference path: a field name, or `*` for every item of a list. */
export type PathKey = string | '*';

/** A field that names entries of another collection, as declared in a schema with `ref()`. */
export interface ReferenceField {
  path: readonly PathKey[];
  target: RefTarget;
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
    out.push({ path, target: declared.target });
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

/** The reference fields of each collection, in schema order, read once from the schemas. */
export const REFERENCE_FIELDS = {} as Record<CollectionName, readonly ReferenceField[]>;
for (const collection of Object.keys(schemas) as CollectionName[]) {
  const fields: ReferenceField[] = [];
  walk(schemas[collection], [], fields);
  REFERENCE_FIELDS[collection] = fields;
}

/** The values at a path with `*` in it, each with its concrete path (`estimates[1].by`). */
export function* valuesAt(
  data: unknown,
  path: readonly PathKey[],
  at: (string | number)[] = [],
): Generator<[readonly (string | number)[], unknown]> {
  if (path.length === 0) {
    yield [at, data];
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const [key, ...rest] = path;
  if (key === '*') {
    if (Array.isArray(data)) for (const [index, item] of data.entries()) yield* valuesAt(item, rest, [...at, index]);
    return;
  }
  yield* valuesAt((data as Record<string, unknown>)[key as string], rest, [...at, key as string]);
}
