// The cross-link index builds its lists from the reference fields the schemas
// declare: a new field that names an entry is one edit (its `ref()` in the
// schema), and the index can neither miss it nor read a field by its name.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { ref, refList } from '../../../src/model/common.ts';
import type { CollectionName } from '../../../src/model/index.ts';
import {
  type PathKey,
  REFERENCE_FIELDS,
  type ReferenceField,
  referenceFieldsOf,
} from '../../../src/model/reference-paths.ts';
import { buildCrossIndex, linkProblems, type ReferenceFields } from '../../../src/site/cross-index.ts';
import { story } from '../fixtures.ts';

const everyField = (fields: ReferenceFields = REFERENCE_FIELDS) =>
  (Object.entries(fields) as [CollectionName, readonly ReferenceField[]][]).flatMap(([collection, list]) =>
    list.map((field) => ({ collection, ...field, name: `${collection}: ${field.path.join('.')}` })),
  );

/** Writes `value` at a declared path, making the objects and one-item lists on the way. */
function setAt(data: Record<string, unknown>, path: readonly PathKey[], value: string): void {
  const [key, ...rest] = path;
  if (key === undefined) return;
  if (rest[0] === '*') {
    const list = Array.isArray(data[key]) && data[key].length > 0 ? (data[key] as unknown[]) : [{}];
    data[key] = rest.length === 1 ? [value] : list.map((item) => (typeof item === 'object' && item ? item : {}));
    if (rest.length > 1) for (const item of data[key] as Record<string, unknown>[]) setAt(item, rest.slice(1), value);
    return;
  }
  if (rest.length === 0) {
    data[key] = value;
    return;
  }
  const inner = typeof data[key] === 'object' && data[key] !== null ? data[key] : {};
  data[key] = inner;
  setAt(inner as Record<string, unknown>, rest, value);
}

/** The lists of one entry of the index, by name. */
function listsOf(index: ReturnType<typeof buildCrossIndex>, collection: CollectionName, id: string) {
  const map = (index as unknown as Record<string, Map<string, Record<string, unknown[]>>>)[collection];
  return map?.get(id);
}

describe('every reference field says how the pages list it', () => {
  test('each declared link names a list the index has, or says why there is none', () => {
    expect(linkProblems()).toEqual([]);
    for (const field of everyField()) {
      expect(field.link, field.name).toBeDefined();
      if ('none' in field.link) expect(field.link.none.length, field.name).toBeGreaterThan(20);
    }
  });

  test('a link to a list the index does not have is refused, and the build stops', () => {
    const wrong = {
      ...REFERENCE_FIELDS,
      events: [{ path: ['host'], target: 'actors', link: { backlink: 'hosted' } }],
    } satisfies ReferenceFields;
    expect(linkProblems(wrong)).toEqual(['events: host names the list `hosted`, which actors pages do not have']);
    expect(() => buildCrossIndex(story(), 8, wrong)).toThrow(/hosted/);
  });

  // For each field with a link: write an id into it on a copy of the story and
  // find the referrer in the list the declaration names.
  for (const field of everyField()) {
    if ('none' in field.link) continue;
    test(`${field.name} is listed as declared`, () => {
      const set = story();
      const entry = set[field.collection][0];
      const target = set[field.target].find((e) => e.id !== entry?.id);
      if (!entry || !target) throw new Error(`the story needs ${field.collection} and another of ${field.target}`);
      setAt(entry.data as Record<string, unknown>, field.path, target.id);
      const index = buildCrossIndex(set);
      const own = listsOf(index, field.collection, entry.id);
      const theirs = listsOf(index, field.target, target.id);
      const { link } = field;
      if ('none' in link) return;
      if ('relation' in link) {
        expect(own?.[link.relation]).toContainEqual(
          expect.objectContaining({ statement: target.id, direction: 'outgoing' }),
        );
        expect(theirs?.[link.relation]).toContainEqual(
          expect.objectContaining({ statement: entry.id, direction: 'incoming' }),
        );
        return;
      }
      expect(theirs?.[link.backlink]).toContainEqual(link.item ? { figure: entry.id, index: 0 } : entry.id);
      if (link.forward) expect(own?.[link.forward]).toContain(target.id);
    });
  }
});

describe('a field added to a schema is listed without other code', () => {
  // Two fields no schema has, declared the way a schema would declare them.
  const added = {
    ...REFERENCE_FIELDS,
    events: [
      ...REFERENCE_FIELDS.events,
      ...referenceFieldsOf(z.strictObject({ hosts: refList('actors', { backlink: 'events' }).optional() })),
    ],
    statements: [
      ...REFERENCE_FIELDS.statements,
      ...referenceFieldsOf(z.strictObject({ witness: ref('actors', { backlink: 'statementsAbout' }).optional() })),
    ],
  } satisfies ReferenceFields;

  test('the new fields are found in the schema with their links', () => {
    expect(added.events.at(-1)).toEqual({ path: ['hosts', '*'], target: 'actors', link: { backlink: 'events' } });
    expect(added.statements.at(-1)).toEqual({
      path: ['witness'],
      target: 'actors',
      link: { backlink: 'statementsAbout' },
    });
  });

  test('their backlinks appear, and the actors they name appear together', () => {
    const set = story();
    const hosted = { date: '2024-11-05', title: 'Hosted', hosts: ['ukraine'], sources: ['seed'] };
    set.events.push({ id: 'e2', data: hosted, file: 'content/events/e2.yaml' });
    Object.assign(set.statements[1]?.data ?? {}, { witness: 'ukraine' });
    const before = buildCrossIndex(set);
    const after = buildCrossIndex(set, 8, added);
    expect(before.actors.get('ukraine')?.events).toEqual([]);
    expect(after.actors.get('ukraine')?.events).toEqual(['e2']);
    expect(before.actors.get('ukraine')?.statementsAbout).toEqual([]);
    expect(after.actors.get('ukraine')?.statementsAbout).toEqual(['h1']);
    // h1 is by hur: the witness now appears with its speaker, besides in the article that mentions both.
    expect(before.actors.get('hur')?.coActors).toContainEqual({ id: 'ukraine', count: 1 });
    expect(after.actors.get('hur')?.coActors).toContainEqual({ id: 'ukraine', count: 2 });
  });
});

describe('the cross-link index reads no reference field by name', () => {
  const singular = (key: string) => key.replace(/s$/, '');
  /** The ways code reads a declared field: `data.speaker`, `data?.about`, `estimate.by`, `withdrawn.source`. */
  function readsOf(fields = everyField()): RegExp[] {
    const patterns = new Set<string>();
    for (const { path } of fields) {
      const keys = path.filter((key) => key !== '*');
      if (keys[0]) patterns.add(`\\bdata\\??\\.${keys[0]}\\b|\\bdata\\[['"]${keys[0]}['"]\\]`);
      for (let i = 1; i < keys.length; i++) {
        const [parent, key] = [keys[i - 1] ?? '', keys[i] ?? ''];
        patterns.add(`\\b(${parent}|${singular(parent)})\\??\\.${key}\\b`);
      }
    }
    // Destructuring an entry's data names its fields too.
    patterns.add(String.raw`\}\s*=\s*[\w.?]*\bdata\b`);
    return [...patterns].map((pattern) => new RegExp(pattern));
  }
  const readIn = (code: string) =>
    code
      .split('\n')
      .map((line, i) => ({ line: i + 1, text: line.trim() }))
      .filter(({ text }) => !text.startsWith('//') && !text.startsWith('*') && !text.startsWith('/*'))
      .filter(({ text }) => readsOf().some((pattern) => pattern.test(text)));

  test('the scan finds the reads a per-field index made', () => {
    const before = [
      'const speaker = actors.get(data.speaker);',
      'for (const parent of actor.data.partOf ?? []) {',
      'actors.get(estimate.by)?.estimates.push(ref);',
      'if (source.data.issuer) {',
      'statements.get(relation.statement)?.relations.push(x);',
      'const { about } = statement.data;',
    ].join('\n');
    expect(readIn(before).map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('src/site/cross-index.ts has none', () => {
    const code = readFileSync(resolve(import.meta.dirname, '../../../src/site/cross-index.ts'), 'utf8');
    expect(readIn(code)).toEqual([]);
  });
});
