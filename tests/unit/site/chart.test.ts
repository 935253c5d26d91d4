import { describe, expect, test } from 'vitest';
import {
  claimantStyles,
  LABEL_CHAR_WIDTH,
  layoutChart,
  layoutTimeChart,
  MARKER_SHAPES,
  markerPath,
  niceStep,
  VALUE_CHAR_WIDTH,
} from '../../../src/site/chart.ts';

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
  const chart = layoutChart([{ value: 11000 }, { low: 11000, high: 12000 }, { value: 10000 }], 'en-GB');

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
    expect(layoutChart([{ value: -5 }, { value: 10 }], 'en-GB').ticks[0]?.label).toBe('-5');
  });
});

describe('money on the chart', () => {
  test('values and ticks read as money, compact, and every label stays on the canvas', () => {
    const chart = layoutChart(
      [{ value: 41500000 }, { low: 35000000, high: 52750000 }, { value: 9612500000.5 }],
      'en-GB',
      640,
      {
        currency: 'EUR',
      },
    );
    expect(chart.rows.map((row) => row.valueLabel)).toEqual(['€41.5m', '€35m–€52.8m', '€9.61bn']);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['€0', '€5bn', '€10bn']);
    for (const row of chart.rows)
      expect(chart.plotLeft + chart.plotWidth + 12 + row.valueLabel.length * VALUE_CHAR_WIDTH).toBeLessThanOrEqual(
        chart.width,
      );
  });
});

describe('layoutTimeChart', () => {
  const day = (iso: string) => iso;
  const estimates = [
    { value: 6000, date: '2024-03-12' },
    { value: 18400, date: '2024-03-13' },
    { low: 9000, high: 11500, date: '2024-04-02', revises: 0 },
    { value: 17900, date: '2024-05-20' },
  ];

  test('dates run left to right, values bottom to top from zero, ranges as bands, revisions linked', () => {
    const chart = layoutTimeChart(estimates, day, 'en-GB');
    const [a, b, c, d] = chart.points;
    expect(a!.x < b!.x && b!.x < c!.x && c!.x < d!.x).toBe(true);
    expect(b!.y).toBeLessThan(a!.y);
    expect(c!.yHigh).toBeLessThan(c!.yLow!);
    expect(chart.valueTicks[0]).toMatchObject({ y: chart.plotBottom, label: '0' });
    expect(chart.links).toEqual([{ from: 0, to: 2 }]);
  });

  test('no label leaves the canvas: value labels fit the left margin, date labels are anchored inside', () => {
    const chart = layoutTimeChart(
      [
        { value: 9612500000.5, date: '2024-05-21' },
        { low: 35000000, high: 52750000, date: '2024-05-20' },
      ],
      (iso) => `the day ${iso}`,
      'en-GB',
      { currency: 'EUR' },
    );
    for (const tick of chart.valueTicks)
      expect(chart.plotLeft - 6 - tick.label.length * LABEL_CHAR_WIDTH).toBeGreaterThanOrEqual(0);
    for (const tick of chart.dateTicks) {
      const w = tick.label.length * LABEL_CHAR_WIDTH;
      const [left, right] =
        tick.anchor === 'start'
          ? [tick.x, tick.x + w]
          : tick.anchor === 'end'
            ? [tick.x - w, tick.x]
            : [tick.x - w / 2, tick.x + w / 2];
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(chart.width);
    }
    // The first label runs right from its date, the last ends at its date: they do not meet.
    expect(chart.dateTicks.map((tick) => [tick.label, tick.anchor])).toEqual([
      ['the day 2024-05-20', 'start'],
      ['the day 2024-05-21', 'end'],
    ]);
    expect(chart.dateTicks[0]!.x + 'the day 2024-05-20'.length * LABEL_CHAR_WIDTH).toBeLessThan(
      chart.dateTicks[1]!.x - 'the day 2024-05-21'.length * LABEL_CHAR_WIDTH,
    );

    // Three dates close together: the middle label would touch the others, so it is left out.
    const close = layoutTimeChart(
      [
        { value: 1, date: '2024-01-01' },
        { value: 2, date: '2024-01-02' },
        { value: 3, date: '2024-12-31' },
      ],
      (iso) => `the day ${iso}`,
      'en-GB',
    );
    expect(close.dateTicks.map((tick) => tick.label)).toEqual(['the day 2024-01-01', 'the day 2024-12-31']);
  });
});

describe('claimants on the chart over time', () => {
  test('each claimant gets its own colour and shape, in the order given, once', () => {
    const styles = claimantStyles(['hwc', 'council', 'hwc', 'ministry']);
    expect([...styles]).toEqual([
      ['hwc', { colour: 1, shape: 'circle' }],
      ['council', { colour: 2, shape: 'square' }],
      ['ministry', { colour: 3, shape: 'triangle' }],
    ]);
  });

  test('past the palette, no two claimants share both colour and shape', () => {
    const many = Array.from({ length: MARKER_SHAPES.length ** 2 }, (_, i) => `c${i}`);
    const pairs = [...claimantStyles(many).values()].map((style) => `${style.colour}/${style.shape}`);
    expect(new Set(pairs).size).toBe(many.length);
  });

  test('every shape is a closed path centred on its point, within about its radius', () => {
    const paths = MARKER_SHAPES.map((shape) => markerPath(shape, 100, 50, 6));
    expect(new Set(paths).size).toBe(MARKER_SHAPES.length);
    for (const path of paths) {
      expect(path).toMatch(/^M[\d. ]+.*Z$/);
      // Absolute coordinates of the polygons stay within 1.25 radii of the centre.
      for (const [, x, y] of path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) {
        expect(Math.abs(Number(x) - 100)).toBeLessThanOrEqual(7.5);
        expect(Math.abs(Number(y) - 50)).toBeLessThanOrEqual(7.5);
      }
    }
  });
});
