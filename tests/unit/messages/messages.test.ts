import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../../src/messages/en.ts';
import {
  AVAILABLE_LOCALES,
  localize,
  messageParts,
  messagesFor,
  slotNames,
  TABLES,
  tableOf,
  textDirection,
} from '../../../src/messages/index.ts';
import { counter, type PluralForms } from '../../../src/messages/plural.ts';
import { pseudoText } from '../../../src/messages/pseudo.ts';
import { uk } from '../../../src/messages/uk.ts';

/** Every leaf of a table as `path → value`: strings, functions, and plural forms (objects with `other`). */
function leaves(table: unknown, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(table as object)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'object' && value !== null && !('other' in value))
      for (const [inner, leaf] of leaves(value, at)) found.set(inner, leaf);
    else found.set(at, value);
  }
  return found;
}

const english = leaves(en);
/** Plural forms of the browser messages, which every table must give for its own language's categories. */
const isForms = (value: unknown): value is PluralForms => typeof value === 'object' && value !== null;

describe.each(Object.entries(TABLES))('the %s table', (locale, table) => {
  const own = leaves(table);

  test('has exactly the keys of the English table, each of the same kind', () => {
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
    // (The signatures of functions are the type's: a table whose function takes other values does not compile.)
    for (const [key, value] of english) expect(typeof own.get(key), key).toBe(typeof value);
  });

  test('fills the same slots as English, and leaves no message empty', () => {
    for (const [key, value] of english) {
      const mine = own.get(key);
      if (typeof value === 'string') {
        expect(slotNames(mine as string), key).toEqual(slotNames(value));
        expect((mine as string).trim(), key).not.toBe('');
      }
      if (isForms(value) && isForms(mine))
        for (const form of Object.values(mine)) expect(slotNames(form ?? ''), key).toEqual(slotNames(value.other));
    }
  });

  test('gives the browser a plural form for every plural category of its language', () => {
    if (locale.includes('-')) return; // pseudo-locales keep the English forms
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, value] of own)
      if (isForms(value)) expect(Object.keys(value).sort(), key).toEqual([...categories].sort());
  });
});

describe('Ukrainian plurals', () => {
  const numbers = [1, 2, 5, 11, 21, 22, 25];

  test.each([
    ['actor.times', uk.actor.times, ['1 раз', '2 рази', '5 разів', '11 разів', '21 раз', '22 рази', '25 разів']],
    [
      'figure.estimates',
      uk.figure.estimates,
      ['1 оцінка', '2 оцінки', '5 оцінок', '11 оцінок', '21 оцінка', '22 оцінки', '25 оцінок'],
    ],
    [
      'share.sources',
      uk.share.sources,
      ['1 джерело', '2 джерела', '5 джерел', '11 джерел', '21 джерело', '22 джерела', '25 джерел'],
    ],
    [
      'data.records',
      uk.data.records,
      ['1 запис', '2 записи', '5 записів', '11 записів', '21 запис', '22 записи', '25 записів'],
    ],
  ])('%s for 1, 2, 5, 11, 21, 22, 25', (_key, message, expected) => {
    expect(numbers.map((n) => message(n))).toEqual(expected);
  });

  test('the browser picks its forms by the same rules', () => {
    const count = counter('uk');
    expect(numbers.map((n) => count(n, uk.browser.changes))).toEqual([
      '1 зміна з вашого останнього візиту.',
      '2 зміни з вашого останнього візиту.',
      '5 змін з вашого останнього візиту.',
      '11 змін з вашого останнього візиту.',
      '21 зміна з вашого останнього візиту.',
      '22 зміни з вашого останнього візиту.',
      '25 змін з вашого останнього візиту.',
    ]);
  });

  test('English counts say one and many', () => {
    expect([1, 2, 1000].map((n) => en.actor.times(n))).toEqual(['1 time', '2 times', '1,000 times']);
  });
});

describe('which table a locale reads', () => {
  test.each([
    ['en-GB', 'en'],
    ['EN-gb', 'en'],
    ['uk-UA', 'uk'],
    ['ko-KR', 'ko'],
    ['en-XA', 'en-XA'],
    ['ar-XB', 'ar-XB'],
    ['fr-FR', undefined],
    ['ar', undefined],
  ])('%s reads %s', (locale, table) => {
    expect(tableOf(locale)).toBe(table);
  });

  test('a locale without a table reads English', () => {
    expect(messagesFor('fr-FR')).toBe(en);
    expect(AVAILABLE_LOCALES).toEqual(['en', 'uk', 'ko', 'en-XA', 'ar-XB']);
  });
});

describe('lang and dir', () => {
  test.each([
    ['en-GB', 'ltr'],
    ['uk', 'ltr'],
    ['ko', 'ltr'],
    ['ar', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['ar-XB', 'rtl'],
    ['en-XA', 'ltr'],
  ])('%s is written %s', (locale, dir) => {
    expect(textDirection(locale)).toBe(dir);
    expect(localize(locale)).toMatchObject({ locale, dir });
  });

  describe('without Intl.Locale text info, from the list of right-to-left languages', () => {
    const proto = Intl.Locale.prototype as object;
    const saved = ['getTextInfo', 'textInfo'].map(
      (name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const,
    );
    afterEach(() => {
      for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(proto, name, descriptor);
    });

    test.each([
      ['ar-EG', 'rtl'],
      ['he', 'rtl'],
      ['yi', 'rtl'],
      ['uk', 'ltr'],
    ])('%s is written %s', (locale, dir) => {
      for (const [name] of saved) Reflect.deleteProperty(proto, name);
      expect(textDirection(locale)).toBe(dir);
    });
  });

  test('the language tag is canonical', () => {
    expect(localize('uk-ua').locale).toBe('uk-UA');
  });
});

describe('messages with slots', () => {
  test('split into text and slots', () => {
    expect(messageParts('Published {published}; updated {updated}.')).toEqual([
      { text: 'Published ' },
      { slot: 'published' },
      { text: '; updated ' },
      { slot: 'updated' },
      { text: '.' },
    ]);
  });
});

describe('pseudo-locales', () => {
  test('wrap and accent every word, and keep slots, code and the values given', () => {
    expect(pseudoText('Published {published}, sorted by `id`.')).toBe('[Þûƀļîšĥéð {published}, šöŕţéð ƀý `id`.]');
    const table = TABLES['en-XA'];
    expect(table?.actor.statementsBy('Dana Okafor')).toBe('[Šţåţéɱéñţš ƀý Dana Okafor]');
    expect(table?.figure.estimates(2)).toBe('[2 éšţîɱåţéš]');
    expect(table?.figure.withdrawn('1 May', undefined, undefined)).toBe('[Ŵîţĥðŕåŵñ öñ 1 May.]');
  });
});
