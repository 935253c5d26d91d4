import { describe, expect, test } from 'vitest';
import { formatDate, lastModified } from '../../../src/model/dates.ts';
import {
  byName,
  formatEstimate,
  formatList,
  languageName,
  listParts,
  sitePath,
  unitAfter,
} from '../../../src/site/format.ts';

describe('format', () => {
  test.each([
    ['2024-11-04', '4 November 2024'],
    ['2025-01-20', '20 January 2025'],
    ['not-a-date', 'not-a-date'],
  ])('formatDate(%s)', (iso, text) => expect(formatDate(iso, 'en-GB')).toBe(text));

  test.each([
    [{ value: 12000 }, '12,000'],
    [{ low: 11000, high: 12000 }, '11,000–12,000'],
  ])('formatEstimate(%j)', (estimate, text) => expect(formatEstimate(estimate, {}, 'en-GB')).toBe(text));

  test.each([
    ['/', ['actors', 'lloyd-austin'], '/actors/lloyd-austin/'],
    ['/explainer/', ['sources'], '/explainer/sources/'],
    ['/explainer', [], '/explainer/'],
    ['/', ['actors', 'a b'], '/actors/a%20b/'],
  ])('sitePath(%s, %j)', (base, parts, path) => expect(sitePath(base, ...parts)).toBe(path));

  test.each([
    ['money in full', { value: 9600000000 }, { currency: 'USD' }, false, '$9,600,000,000'],
    ['money, compact', { value: 9600000000 }, { currency: 'USD' }, true, '$9.6bn'],
    ['a small sum stays whole when compact', { value: 950 }, { currency: 'EUR' }, true, '€950'],
    ['money with cents', { value: 0.5 }, { currency: 'GBP' }, false, '£0.5'],
    ['a range of money, compact', { low: 35000000, high: 52750000 }, { currency: 'EUR' }, true, '€35m–€52.8m'],
    ['percentages', { low: 12.5, high: 15 }, { percent: true }, false, '12.5%–15%'],
    ['people', { value: 18400 }, {}, true, '18,400'],
  ])('%s', (_name, estimate, style, compact, expected) => {
    expect(formatEstimate(estimate, style, 'en-GB', compact)).toBe(expected);
  });

  test.each([
    ['uk', { value: 12000.5 }, {}, '12 000,5'],
    ['uk', { value: 12.5 }, { percent: true }, '12,5%'],
    ['ko', { value: 9600000000 }, { currency: 'USD' }, '$9,600,000,000'],
    ['de', { value: 12.5 }, { percent: true }, '12,5 %'],
  ])('in %s, %j', (locale, estimate, style, expected) => {
    expect(formatEstimate(estimate, style, locale).replace(/\u00a0|\u202f/g, ' ')).toBe(expected);
  });

  test('dates in the locale of the site', () => {
    expect(['uk', 'ko', 'en-US'].map((locale) => formatDate('2024-11-04', locale))).toEqual([
      '4 листопада 2024\u00a0р.',
      '2024년 11월 4일',
      'November 4, 2024',
    ]);
  });

  test('the unit is written after a value unless the value says it', () => {
    expect([
      unitAfter({ unit: 'troops' }),
      unitAfter({ unit: 'euros', currency: 'EUR' }),
      unitAfter({ unit: 'per cent', percent: true }),
    ]).toEqual([' troops', '', '']);
  });

  test('a word after the year stays on its line; other spaces may break', () => {
    expect(formatDate('2024-11-04', 'ru')).toBe('4 ноября 2024\u00a0г.');
    expect(formatDate('2024-11-04', 'en-GB')).toBe('4 November 2024');
  });

  test('names sort as readers of the locale sort them, ties by id', () => {
    const people = [
      { id: 'c', name: 'Євген' },
      { id: 'b', name: 'Дмитро' },
      { id: 'a', name: 'Жанна' },
      { id: 'e', name: 'Ганна' },
      { id: 'd', name: 'Ґалина' },
      { id: 'z', name: 'Іван' },
      { id: 'y', name: 'Їжак' },
      { id: 'x', name: 'Иван' },
    ];
    const order = (locale: string) =>
      [...people]
        .sort(
          byName(
            locale,
            (p) => p.name,
            (p) => p.id,
          ),
        )
        .map((p) => p.name);
    // Ukrainian: Г Ґ Д Е Є Ж З И І Ї; by code point Ґ, Є, І and Ї would come first or last.
    expect(order('uk')).toEqual(['Ганна', 'Ґалина', 'Дмитро', 'Євген', 'Жанна', 'Иван', 'Іван', 'Їжак']);
    const names = ['Zoë', 'Ärzte', 'anna', 'Bob'].map((name, i) => ({ id: `${i}`, name }));
    expect(
      [...names]
        .sort(
          byName(
            'de',
            (p) => p.name,
            (p) => p.id,
          ),
        )
        .map((p) => p.name),
    ).toEqual(['anna', 'Ärzte', 'Bob', 'Zoë']);
    // The same name twice: the id decides, whatever order they came in.
    const twins = [
      { id: 'smith-2', name: 'Jo Smith' },
      { id: 'smith-1', name: 'Jo Smith' },
    ];
    for (const input of [twins, [...twins].reverse()])
      expect(
        [...input]
          .sort(
            byName(
              'en-GB',
              (p) => p.name,
              (p) => p.id,
            ),
          )
          .map((p) => p.id),
      ).toEqual(['smith-1', 'smith-2']);
  });

  test('lists are joined as the locale joins them', () => {
    expect(formatList(['Ann', 'Bob', 'Cy'], 'en-GB')).toBe('Ann, Bob and Cy');
    expect(formatList(['Ann', 'Bob', 'Cy'], 'en-US')).toBe('Ann, Bob, and Cy');
    expect(formatList(['Анна', 'Богдан', 'Віра'], 'uk')).toBe('Анна, Богдан і Віра');
    expect(formatList(['Ann'], 'uk')).toBe('Ann');
    expect(formatList([], 'uk')).toBe('');
  });

  test('a list of markup items: the items in order, the words between them as text', () => {
    expect(listParts(['a', 'b', 'c'], 'en-GB')).toEqual([
      { item: 'a' },
      { text: ', ' },
      { item: 'b' },
      { text: ' and ' },
      { item: 'c' },
    ]);
    expect(listParts([1, 2], 'uk')).toEqual([{ item: 1 }, { text: ' і ' }, { item: 2 }]);
    expect(listParts(['a'], 'uk')).toEqual([{ item: 'a' }]);
    expect(listParts([], 'uk')).toEqual([]);
    // Put together, the parts read as formatList writes the list.
    const items = ['A', 'B', 'C', 'D'];
    for (const locale of ['en-GB', 'uk', 'ko', 'ar'])
      expect(
        listParts(items, locale)
          .map((part) => ('item' in part ? part.item : part.text))
          .join(''),
      ).toBe(formatList(items, locale));
  });

  test('languageName', () => {
    expect(languageName('uk', 'en-GB')).toBe('Ukrainian');
    expect(languageName('ru', 'uk')).toBe('російська');
    expect(languageName('not a tag', 'en-GB')).toBe('not a tag');
  });
});

describe('lastModified (sitemap lastmod and JSON-LD dateModified)', () => {
  test('updated wins; else the newest entry of the update log, in any order; else published', () => {
    const updates = [{ date: '2024-11-05' }, { date: '2024-11-09' }, { date: '2024-11-07' }];
    expect(lastModified({ published: '2024-11-04', updated: '2024-11-10', updates })).toBe('2024-11-10');
    expect(lastModified({ published: '2024-11-04', updates })).toBe('2024-11-09');
    expect(lastModified({ published: '2024-11-04' })).toBe('2024-11-04');
  });
});
