import { describe, expect, test } from 'vitest';
import { collectReferences } from '../../../src/check/references.ts';
import { REFERENCE_FIELDS } from '../../../src/model/reference-paths.ts';
import { story } from '../fixtures.ts';

describe('collectReferences', () => {
  const refs = collectReferences(story());
  const of = (file: string) => refs.filter((r) => r.from.file === file).map((r) => `${r.field}→${r.target}:${r.id}`);

  test("fields and list entries, with editors' field names", () => {
    expect(of('content/statements/h1')).toEqual([
      'speaker→actors:hur',
      'sources[0]→sources:seed',
      'relations[0].statement→statements:z1',
    ]);
    expect(of('content/figures/troops')).toEqual([
      'estimates[0].by→actors:zelenskyy',
      'estimates[0].source→sources:address',
      'estimates[0].statement→statements:z1',
      'estimates[1].by→actors:hur',
      'estimates[1].source→sources:seed',
      'citation→sources:seed',
    ]);
    expect(of('content/actors/hur')).toEqual(['country→actors:ukraine', 'partOf[0]→actors:mod']);
  });

  test('bodies: citations, mentions and embeds, with their lines', () => {
    expect(of('content/articles/story')).toEqual([
      'citation→sources:seed',
      'citation→sources:address',
      '<Actor id>→actors:ukraine',
      '<Actor id>→actors:austin',
      '<Statement id>→statements:h1',
      '<Figure id>→figures:troops',
    ]);
    expect(refs.find((r) => r.field === '<Figure id>')?.at).toEqual({ line: 6, column: 1 });
  });

  test('every collection that can be referred to appears as a target', () => {
    expect(new Set(refs.map((r) => r.target))).toEqual(new Set(['actors', 'sources', 'statements', 'figures']));
  });
});

describe('reference fields declared in the schemas', () => {
  test('every field that names another entry is found, with its target collection', () => {
    const listed = Object.fromEntries(
      Object.entries(REFERENCE_FIELDS).map(([collection, fields]) => [
        collection,
        fields.map((f) => `${f.path.join('.')}→${f.target}`),
      ]),
    );
    expect(listed).toEqual({
      articles: [],
      actors: ['country→actors', 'partOf.*→actors', 'roles.*.of→actors'],
      figures: [
        'estimates.*.by→actors',
        'estimates.*.source→sources',
        'estimates.*.statement→statements',
        'estimates.*.withdrawn.source→sources',
        'estimates.*.withdrawn.by→actors',
      ],
      statements: ['speaker→actors', 'about.*→actors', 'sources.*→sources', 'relations.*.statement→statements'],
      sources: ['issuer→actors'],
      events: ['actors.*→actors', 'sources.*→sources'],
    });
  });
});
