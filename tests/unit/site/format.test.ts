import { describe, expect, test } from 'vitest';
import { formatDate, lastModified } from '../../../src/model/dates.ts';
import { formatEstimate, languageName, sitePath, unitAfter } from '../../../src/site/format.ts';

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
      '4 листопада 2024 р.',
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
