import { describe, expect, test } from 'vitest';
import { parseFrontmatterEntity, parseYamlEntities } from '../../../src/check/parse-files.ts';
import { validateEntries } from '../../../src/check/validate.ts';
import { aliasParts } from '../../../src/model/actor.ts';
import { statementWording } from '../../../src/site/wording.ts';
import { localize } from '../../../src/messages/index.ts';

/** Validates an actor whose frontmatter ends with `aliases` lines. */
function actorWith(aliases: string) {
  const text = `---\nname: Volodymyr Zelensky\nkind: person\ndescription: D\naliases:\n${aliases}---\n`;
  return validateEntries('actors', parseFrontmatterEntity('content/actors/zelensky.md', text).entries);
}

/** Validates a statement with extra lines. */
function statementWith(extra: string) {
  const text = `speaker: s\ndate: 2024-11-04\nsources: [a]\n${extra}`;
  return validateEntries('statements', parseYamlEntities('content/statements/s.yaml', text).entries);
}

describe('aliases with a language', () => {
  test('plain names and names with their language are both aliases', () => {
    const { entries, problems } = actorWith(
      '  - Zelenskyy\n  - { name: Зеленський, lang: uk }\n  - name: 젤렌스키\n    lang: ko\n',
    );
    expect(problems).toEqual([]);
    expect(entries[0]?.data.aliases?.map(aliasParts)).toEqual([
      { name: 'Zelenskyy', lang: undefined },
      { name: 'Зеленський', lang: 'uk' },
      { name: '젤렌스키', lang: 'ko' },
    ]);
  });

  test.each([
    [
      'a language that is not a tag',
      '  - Zelenskyy\n  - { name: Зеленський, lang: Ukrainian }\n',
      'aliases[1].lang',
      7,
      /language tag/,
    ],
    ['a name without its language', '  - { name: Зеленський }\n', 'aliases[0].lang', 6, /required/],
    ['a misspelt field', '  - { nom: Зеленський, lang: uk }\n', 'aliases[0].nom', 6, /unknown field/],
    ['an empty name', '  - { name: "", lang: uk }\n', 'aliases[0].name', 6, /empty/],
    ['a list in a list', '  - [Зеленський, uk]\n', 'aliases[0]', 6, /name with its language/],
  ])('%s is reported inside the alias, with its line', (_, aliases, field, line, message) => {
    const { entries, problems } = actorWith(aliases);
    expect(entries).toEqual([]);
    expect(problems[0]).toMatchObject({ field, line, severity: 'error' });
    expect(problems[0]?.message).toMatch(message);
  });

  test('a misspelt field of an alias gets a did-you-mean', () => {
    expect(actorWith('  - { nme: Зеленський, lang: uk }\n').problems[0]?.fix).toBe('did you mean `name`?');
  });
});

describe('the original words of a statement', () => {
  const original = 'original:\n  text: "Ми не відступимо."\n  lang: uk\n';

  test('a quote with its original words is valid, and labelled as translated from their language', () => {
    const { entries, problems } = statementWith(`quote: "We will not retreat."\n${original}`);
    expect(problems).toEqual([]);
    const statement = entries[0]!.data;
    expect(statement.original).toEqual({ text: 'Ми не відступимо.', lang: 'uk' });
    expect(statementWording(statement, localize('en-GB')).label).toBe('Quote, translated from Ukrainian');
  });

  test.each([
    ['original words without a quote', `summary: Said they would stay.\n${original}`, 'original', 5, /no `quote`/],
    [
      'a language other than `language`',
      `quote: Q\nlanguage: ru\n${original}`,
      'original.lang',
      8,
      /differs from `language`/,
    ],
    ['translated: false', `quote: Q\ntranslated: false\n${original}`, 'translated', 5, /is false/],
    ['no language', 'quote: Q\noriginal:\n  text: T\n', 'original.lang', 5, /required/],
  ])('%s is an error with its line', (_, extra, field, line, message) => {
    const { entries, problems } = statementWith(extra);
    expect(entries).toEqual([]);
    expect(problems[0]).toMatchObject({ field, line, severity: 'error' });
    expect(problems[0]?.message).toMatch(message);
  });
});
