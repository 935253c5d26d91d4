import { describe, expect, test } from 'vitest';
import { LABEL_CHAR_WIDTH, layoutChart, valueAxis } from '../../../src/site/chart.ts';
import { formatEstimate, formatNumber } from '../../../src/site/format.ts';
import { parseFrontmatterEntity } from '../../../src/check/parse-files.ts';
import { cardLayout, SHARE_IMAGE, valueColumn, type ShareCard } from '../../../src/share/share-image.ts';
import { validateEntries } from '../../../src/check/validate.ts';
import type { Estimate } from '../../../src/model/figure.ts';

type Numbers = Pick<Estimate, 'value' | 'low' | 'high'>;

/** Validates one figure whose first estimate holds `numbers` (written as YAML). */
function checkFigure(numbers: string) {
  const text = `---\ntitle: T\nunit: u\ndescription: d\nestimates:\n  - ${numbers}\n    by: a\n    date: 2024-11-04\n    source: s\n---\n`;
  const parsed = parseFrontmatterEntity('content/figures/f.md', text);
  const validated = validateEntries('figures', parsed.entries);
  return { problems: [...parsed.problems, ...validated.problems] };
}

describe('the schema refuses numbers no page could show exactly', () => {
  test.each([
    ['value: 1e308', /too large to be stored exactly/],
    ['value: -9007199254740992', /too large/],
    ['value: .inf', /must be a number.*\(got Infinity\)/],
    ['value: -.inf', /got -Infinity/],
    ['value: .nan', /got NaN/],
    ['value: 0.0000000001', /more than 9 decimal places/],
    ['value: 1.5e-9', /more than 9 decimal places/],
    ['low: 1e-10\n    high: 1', /more than 9 decimal places/],
  ])('%s', (numbers, message) => {
    const { problems } = checkFigure(numbers);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(6);
    expect(problems[0]?.message).toMatch(message);
  });

  test.each([
    'value: 9007199254740991',
    'value: -9007199254740991',
    'value: 1e-7',
    'value: 0.000000001',
    'value: -5',
    'value: -0',
    'low: -12000\n    high: -5',
  ])('%s is accepted', (numbers) => {
    expect(checkFigure(numbers).problems).toEqual([]);
  });
});

describe('formatNumber shows every digit as written', () => {
  test.each([
    [12000, '12,000'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [0.000000001, '0.000000001'],
    [-0, '0'],
    [-5, '-5'],
    [0.1, '0.1'],
    [123456789.12345679, '123,456,789.12345679'],
    [9007199254740991, '9,007,199,254,740,991'],
    [-9007199254740991, '-9,007,199,254,740,991'],
  ])('%d', (value, shown) => expect(formatNumber(value, 'en-GB')).toBe(shown));
});

/** Estimate sets at the edges of what the schema accepts. */
const EXTREMES: [name: string, estimates: Numbers[]][] = [
  ['the largest value next to a small one', [{ value: 9007199254740991 }, { value: 5 }]],
  ['the most negative value next to a small one', [{ value: -9007199254740991 }, { value: 5 }]],
  ['the widest range', [{ low: -9007199254740991, high: 9007199254740991 }]],
  ['a negative value next to a positive one', [{ value: -5 }, { value: 12000 }]],
  ['only negative values', [{ value: -12000 }, { low: -9000, high: -5 }]],
  ['one tiny value', [{ value: 1e-7 }]],
  ['the smallest decimals', [{ value: 1e-9 }, { value: 3e-9 }]],
  ['tiny next to huge', [{ value: 1e-9 }, { value: 9007199254740991 }]],
  ['only zero', [{ value: 0 }]],
  ['negative zero', [{ value: -0 }]],
  ['a range of width zero', [{ low: 7, high: 7 }]],
  ['decimals that binary cannot hold', [{ value: 0.1 }, { value: 0.3 }, { low: 0.7, high: 0.9 }]],
];

describe('chart layout keeps every number on the canvas, whatever its size', () => {
  test.each(EXTREMES)('%s', (_name, estimates) => {
    const chart = layoutChart(estimates, 'en-GB');
    const { plotLeft, plotWidth, width } = chart;
    const plotRight = plotLeft + plotWidth;
    expect(plotWidth).toBeGreaterThan(0);
    for (const row of chart.rows) {
      const estimate = estimates[row.index]!;
      // The label is the number in full, as the table shows it.
      expect(row.valueLabel).toBe(formatEstimate(estimate, {}, 'en-GB'));
      if ((estimate.value ?? estimate.high ?? 0) !== 0) expect(row.valueLabel).not.toMatch(/^-?0$/);
      for (const x of [row.x, row.x1, row.x2]) {
        if (x === undefined) continue;
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(plotLeft);
        expect(x).toBeLessThanOrEqual(plotRight);
      }
      // Points (r = 6) and the value label, 12 px right of the plot, stay inside.
      if (row.x !== undefined) expect(row.x - 6).toBeGreaterThanOrEqual(0);
      expect(plotRight + 12 + row.valueLabel.length * LABEL_CHAR_WIDTH).toBeLessThanOrEqual(width);
    }
    // Tick labels are centred on their ticks: inside the canvas, and apart from each other.
    const spans = chart.ticks.map(
      (tick) =>
        [
          tick.x - (tick.label.length * LABEL_CHAR_WIDTH) / 2,
          tick.x + (tick.label.length * LABEL_CHAR_WIDTH) / 2,
        ] as const,
    );
    expect(spans[0]![0]).toBeGreaterThanOrEqual(0);
    expect(spans.at(-1)![1]).toBeLessThanOrEqual(width);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]);
    // Larger values sit further right.
    const xs = chart.rows.flatMap((row) =>
      row.x !== undefined ? [[estimates[row.index]!.value!, row.x] as const] : [],
    );
    for (const [a, xa] of xs) for (const [b, xb] of xs) if (a < b) expect(xa).toBeLessThan(xb);
  });

  test('an ordinary chart keeps its 640 px canvas and plain tick labels', () => {
    const chart = layoutChart([{ value: 11000 }, { low: 11000, high: 12000 }, { value: 10000 }], 'en-GB');
    expect(chart.width).toBe(640);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['0', '5,000', '10,000', '15,000']);
  });

  test.each(EXTREMES)('the axis covers zero and every value: %s', (_name, estimates) => {
    const axis = valueAxis(estimates);
    expect(axis.fraction(0)).toBeGreaterThanOrEqual(0);
    for (const e of estimates)
      for (const v of [e.value, e.low, e.high]) if (v !== undefined) expect(v).toBeGreaterThanOrEqual(axis.bottom);
    for (const e of estimates)
      for (const v of [e.value, e.low, e.high]) if (v !== undefined) expect(v).toBeLessThanOrEqual(axis.top);
    expect(axis.top).toBeGreaterThan(axis.bottom);
  });
});

describe('share card shows every value whole, and every bar inside its track', () => {
  test.each(EXTREMES)('%s', (_name, estimates) => {
    const axis = valueAxis(estimates);
    const card: ShareCard = {
      label: 'Figure',
      title: 'T',
      site: 'example.org',
      rows: estimates.map((e, i) => ({
        label: `Claimant ${i}`,
        note: 'Nov 2024',
        value: formatEstimate(e, {}, 'en-GB'),
        bar:
          e.value !== undefined
            ? [axis.fraction(Math.min(0, e.value)), axis.fraction(Math.max(0, e.value))]
            : [axis.fraction(e.low ?? 0), axis.fraction(e.high ?? 0)],
      })),
    };
    // The layout the drawing uses: every glyph measured with the real font.
    const layout = cardLayout(card);
    const right = SHARE_IMAGE.width - 72;
    const column = valueColumn(card.rows!.map((r) => r.value));
    card.rows!.forEach((row, i) => {
      const value = layout.texts.find((t) => t.field === `rows[${i}].value`);
      // The value is set whole on one line, inside the value column.
      expect(value?.text).toBe(row.value);
      expect(value?.block.clipped).toBe(false);
      expect(value?.block.lines).toHaveLength(1);
      const width = value?.block.lines[0]?.width ?? Number.POSITIVE_INFINITY;
      expect(width).toBeLessThanOrEqual(column.width + 0.5);
      expect((value?.x ?? 0) + column.width).toBeLessThanOrEqual(right + 0.5);
    });
    const tracks = layout.rects.filter((r) => r.part === 'track');
    const bars = layout.rects.filter((r) => r.part === 'bar');
    expect(bars).toHaveLength(card.rows!.length);
    bars.forEach((bar, i) => {
      const track = tracks[i]!;
      expect(bar.x).toBeGreaterThanOrEqual(track.x);
      expect(bar.x + bar.width).toBeLessThanOrEqual(track.x + track.width);
    });
  });
});
