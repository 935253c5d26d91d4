import { describe, expect, test } from 'vitest';
import { LABEL_CHAR_WIDTH, layoutChart, niceStep } from '../../../src/site/chart.ts';

describe('niceStep', () => {
  test.each([
    [12000, 4, 5000],
    [100, 4, 50],
    [7, 4, 2],
    [1, 4, 0.5],
    [0, 4, 1],
  ])('span %d in %d ticks', (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });
});

describe('layoutChart', () => {
  const chart = layoutChart([{ value: 11000 }, { low: 11000, high: 12000 }, { value: 10000 }]);

  test('one row per estimate, points for values and bars for ranges', () => {
    expect(chart.rows).toHaveLength(3);
    expect(chart.rows[0]?.x).toBeDefined();
    expect(chart.rows[1]?.x1).toBeLessThan(chart.rows[1]?.x2 ?? 0);
    expect(chart.rows[1]?.valueLabel).toBe('11,000–12,000');
  });

  test('the axis starts at zero and covers the largest value', () => {
    expect(chart.ticks[0]?.label).toBe('0');
    const last = chart.ticks.at(-1);
    expect(last?.x).toBeGreaterThanOrEqual(chart.rows[1]?.x2 ?? Infinity);
  });

  test('positions are proportional to values', () => {
    const zero = chart.ticks[0]?.x ?? 0;
    const a = (chart.rows[2]?.x ?? 0) - zero; // 10,000
    const b = (chart.rows[0]?.x ?? 0) - zero; // 11,000
    expect(b / a).toBeCloseTo(1.1, 5);
  });

  test('rows do not overlap', () => {
    const ys = chart.rows.map((r) => r.y);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(chart.rowHeight);
  });

  test('negative values extend the axis below zero', () => {
    expect(layoutChart([{ value: -5 }, { value: 10 }]).ticks[0]?.label).toBe('-5');
  });
});

describe('money on the chart', () => {
  test('values and ticks read as money, compact, and every label stays on the canvas', () => {
    const chart = layoutChart([{ value: 41500000 }, { low: 35000000, high: 52750000 }, { value: 9612500000.5 }], 640, { currency: 'EUR' });
    expect(chart.rows.map((row) => row.valueLabel)).toEqual(['€41.5m', '€35m–€52.8m', '€9.61bn']);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['€0', '€5bn', '€10bn']);
    for (const row of chart.rows) expect(chart.plotLeft + chart.plotWidth + 12 + row.valueLabel.length * LABEL_CHAR_WIDTH).toBeLessThanOrEqual(chart.width);
  });
});
