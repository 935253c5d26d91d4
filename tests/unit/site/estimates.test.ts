import { describe, expect, test } from 'vitest';
import { figureSchema, type Estimate } from '../../../src/model/figure.ts';
import { estimateHistory } from '../../../src/site/estimates.ts';

const e = (by: string, date: string, extra: Partial<Estimate> = {}) => ({ by, date, value: 1, source: 's', ...extra });

describe('estimateHistory', () => {
  test('orders by date, links revisions both ways, and keeps each claimant’s latest standing estimate as current', () => {
    const history = estimateHistory([
      e('city', '2024-03-13', { id: 'city-first' }),
      e('company', '2024-03-12', { id: 'company-first' }),
      e('company', '2024-04-02', { revises: 'company-first' }),
      e('regulator', '2024-05-20', { id: 'reg' }),
      e('city', '2024-05-21', { revises: 'reg' }),
    ]);
    expect(history.byDate).toEqual([1, 0, 2, 3, 4]);
    expect(history.status.map((s) => [s.revises, s.revisedBy, s.standing])).toEqual([
      [undefined, [], true],
      [undefined, [2], false],
      [1, [], true],
      [undefined, [4], false],
      [3, [], true],
    ]);
    // The regulator's only estimate was revised by the city: it has no current estimate.
    expect(history.current).toEqual([2, 4]);
  });

  test('a withdrawn estimate is nobody’s current estimate', () => {
    const history = estimateHistory([
      e('a', '2024-01-01'),
      e('a', '2024-02-01', { withdrawn: { date: '2024-03-01', source: 's' } }),
    ]);
    expect(history.current).toEqual([0]);
    expect(history.status[1]).toMatchObject({ withdrawn: true, standing: false });
  });
});

describe('the figure schema checks revisions', () => {
  const figure = (estimates: unknown[]) =>
    figureSchema.safeParse({ title: 't', unit: 'u', description: 'd', estimates });
  test.each([
    [
      'an unknown id',
      [e('a', '2024-01-01', { id: 'x' }), e('a', '2024-02-01', { revises: 'y' })],
      ['estimates', 1, 'revises'],
      /"y" is not the id of another estimate of this figure \(the ids here: x\)/,
    ],
    ['itself', [e('a', '2024-01-01', { id: 'x', revises: 'x' })], ['estimates', 0, 'revises'], /cannot revise itself/],
    [
      'a later estimate',
      [e('a', '2024-03-01', { revises: 'x' }), e('a', '2024-04-01', { id: 'x' })],
      ['estimates', 0, 'revises'],
      /dated later \(2024-04-01\)/,
    ],
    [
      'a duplicate id',
      [e('a', '2024-01-01', { id: 'x' }), e('a', '2024-02-01', { id: 'x' })],
      ['estimates', 1, 'id'],
      /also the id of the 1st estimate/,
    ],
    [
      'a withdrawal before the estimate',
      [e('a', '2024-02-01', { withdrawn: { date: '2024-01-01', source: 's' } })],
      ['estimates', 0, 'withdrawn', 'date'],
      /before the estimate itself/,
    ],
  ])('refuses revising %s', (_name, estimates, path, message) => {
    const result = figure(estimates);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});
