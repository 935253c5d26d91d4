import { onePerKey } from '../model/per-key.ts';
import { NUMBER_LIMITS, type Estimate } from '../model/figure.ts';
import { formatEstimate as formatEstimateText, formatValue, type ValueStyle } from './format.ts';

/** Tick labels in short form (`12K`, `1.5M`), per locale. */
const compactFormat = onePerKey(
  (locale) =>
    new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3, signDisplay: 'negative' }),
);

/** One estimate placed on the chart. */
export interface ChartRow {
  /** Position of the estimate in the figure's list. */
  index: number;
  /** Vertical centre of the row. */
  y: number;
  /** A point at x (single value), or a bar from x1 to x2 (range). */
  x: number | undefined;
  x1: number | undefined;
  x2: number | undefined;
  /** The value or range, as text. */
  valueLabel: string;
}

/** A tick on the value axis. */
export interface ChartTick {
  x: number;
  label: string;
}

/** Geometry of a figure chart, computed at build time. */
export interface ChartLayout {
  width: number;
  height: number;
  /** Left edge and width of the plotting area. */
  plotLeft: number;
  plotWidth: number;
  rowHeight: number;
  axisY: number;
  rows: ChartRow[];
  ticks: ChartTick[];
}

/** A "nice" step for about `count` ticks across `span` (1, 2 or 5 times a power of ten). */
export function niceStep(span: number, count: number): number {
  if (span <= 0) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/** The value axis of a figure's estimates, shared by the chart and the share card. */
export interface ValueAxis {
  /** Ends of the axis: multiples of `step` at or beyond zero and every value. */
  bottom: number;
  top: number;
  /** Distance between ticks. */
  step: number;
  /** Tick values, from bottom to top. */
  ticks: number[];
  /** Where a value sits on the axis, from 0 (bottom) to 1 (top); never outside. */
  fraction: (value: number) => number;
}

/**
 * The axis for a set of estimates: it starts at zero (or below, for negative
 * values) and covers the largest value. The schema bounds every number (see
 * NUMBER_LIMITS), so the span is finite and never finer than the smallest
 * decimal place a number may have.
 */
export function valueAxis(estimates: readonly Pick<Estimate, 'value' | 'low' | 'high'>[], count = 4): ValueAxis {
  const low = Math.min(0, ...estimates.map((e) => e.value ?? e.low ?? 0));
  const high = Math.max(0, ...estimates.map((e) => e.value ?? e.high ?? 0));
  // No tick finer than the smallest decimal place, so every tick label is exact.
  const step = Math.max(niceStep(high - low, count), 10 ** -NUMBER_LIMITS.decimals);
  const bottom = Math.floor(low / step) * step;
  const top = Math.max(Math.ceil(high / step) * step, bottom + step);
  const intervals = Math.round((top - bottom) / step);
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => bottom + i * step);
  // Clamped: a value a rounding error beyond an end still sits on the axis.
  const fraction = (value: number) => Math.min(1, Math.max(0, (value - bottom) / (top - bottom)));
  return { bottom, top, step, ticks, fraction };
}

/** Width of one character of the chart's 12 px labels, on the generous side (digits, separators, dashes). */
export const LABEL_CHAR_WIDTH = 7.5;
/**
 * Width of one character of the bold value labels (13 px): wider letters such
 * as `m`, `€` and `–` in compact money made 7.5 too narrow, and a range label
 * such as `€35m–€52.8m` was clipped at the right edge.
 */
export const VALUE_CHAR_WIDTH = 9.5;
/** The plotting area is never narrower than this, however long the labels. */
const MIN_PLOT_WIDTH = 400;
/** Space between neighbouring tick labels. */
const TICK_GAP = 8;

/** Tick labels: in full when they fit between the ticks, else short (`5k`, `1.5m`, `1000tn` in `en-GB`). */
function tickLabels(
  ticks: readonly number[],
  spacing: (longest: number) => number,
  style: ValueStyle,
  locale: string,
): string[] {
  if (style.currency !== undefined) return ticks.map((value) => formatValue(value, style, locale, true));
  const full = ticks.map((value) => formatValue(value, style, locale));
  const longest = Math.max(...full.map((label) => label.length));
  if (longest * LABEL_CHAR_WIDTH + TICK_GAP <= spacing(longest)) return full;
  // Ticks are small multiples of 1, 2 or 5 times a power of ten: three significant digits are exact.
  const compact = compactFormat(locale);
  return ticks.map((value) => compact.format(value));
}

/**
 * Lays out estimates as horizontal rows on a shared value axis that starts at
 * zero: points for single values, bars for ranges. Each row is labelled
 * outside the SVG (in the table and row labels), so labels never collide.
 * Every point, bar and label lies inside the canvas: the canvas grows wider
 * than `minWidth` when the value labels are long.
 */
export function layoutChart(
  estimates: readonly Pick<Estimate, 'value' | 'low' | 'high'>[],
  locale: string,
  minWidth = 640,
  style: ValueStyle = {},
): ChartLayout {
  const rowHeight = 36;
  const axis = valueAxis(estimates);
  const valueLabels = estimates.map((e) => formatEstimateText(e, style, locale, true));
  // Room on the right for the longest value label, 12 px after the plot.
  const labelRoom = Math.ceil(Math.max(1, ...valueLabels.map((label) => label.length)) * VALUE_CHAR_WIDTH) + 24;
  const geometry = (longestTick: number) => {
    // Tick labels are centred on their tick: the first and the last must stay on the canvas.
    const half = Math.ceil((longestTick * LABEL_CHAR_WIDTH) / 2) + 4;
    const plotLeft = Math.max(16, half);
    const right = Math.max(labelRoom, half);
    const width = Math.max(minWidth, plotLeft + MIN_PLOT_WIDTH + right);
    return { plotLeft, width, plotWidth: width - plotLeft - right };
  };
  const labels = tickLabels(
    axis.ticks,
    (longest) => geometry(longest).plotWidth / Math.max(1, axis.ticks.length - 1),
    style,
    locale,
  );
  const { plotLeft, width, plotWidth } = geometry(Math.max(...labels.map((label) => label.length)));
  const scale = (value: number) => plotLeft + axis.fraction(value) * plotWidth;
  const rows = estimates.map((estimate, index) => {
    const y = rowHeight * index + rowHeight / 2 + 8;
    const valueLabel = valueLabels[index] ?? '';
    if (estimate.value !== undefined)
      return { index, y, x: scale(estimate.value), x1: undefined, x2: undefined, valueLabel };
    return { index, y, x: undefined, x1: scale(estimate.low ?? 0), x2: scale(estimate.high ?? 0), valueLabel };
  });
  const ticks = axis.ticks.map((value, i) => ({ x: scale(value), label: labels[i] ?? '' }));
  const axisY = rowHeight * estimates.length + 16;
  return { width, height: axisY + 24, plotLeft, plotWidth, rowHeight, axisY, rows, ticks };
}

/** One estimate on the chart over time: a point for a value, a band for a range. */
export interface TimePoint {
  /** Position of the estimate in the list given. */
  index: number;
  x: number;
  /** A value's centre, or a range's top (high) and bottom (low). */
  y: number;
  yHigh: number | undefined;
  yLow: number | undefined;
}

/** Geometry of a figure's estimates over time: dates across, values up, revisions linked. */
export interface TimeLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  points: TimePoint[];
  /** From the revised estimate to the one that revises it. */
  links: { from: number; to: number }[];
  valueTicks: { y: number; label: string }[];
  /** Dates on the time axis, anchored so that no label leaves the canvas. */
  dateTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
}

const DAY = 86_400_000;

/**
 * Lays out estimates over time: the date of each across, its value up (the
 * axis starts at zero, as on the other chart), ranges as bands, and a link
 * from each revised estimate to the one that revises it. Value labels sit
 * left of the plot in a margin as wide as the longest; the first and last
 * date labels are anchored at their ends, so nothing is clipped at any width
 * (the SVG scales as a whole).
 */
export function layoutTimeChart(
  estimates: readonly (Pick<Estimate, 'value' | 'low' | 'high' | 'date'> & { revises?: number | undefined })[],
  formatDay: (iso: string) => string,
  locale: string,
  style: ValueStyle = {},
  width = 640,
): TimeLayout {
  const height = 280;
  const axis = valueAxis(estimates);
  const valueTicks = axis.ticks.map((value) => formatValue(value, style, locale, true));
  const plotLeft = Math.ceil(Math.max(...valueTicks.map((label) => label.length)) * LABEL_CHAR_WIDTH) + 16;
  const plotRight = width - 16;
  const plotTop = 16;
  const plotBottom = height - 40;
  const times = estimates.map((e) => Date.parse(`${e.date}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, DAY);
  // A little room at both ends so the first and last points are not on the edge.
  const pad = span * 0.06;
  const x = (time: number) => plotLeft + ((time - first + pad) / (span + 2 * pad)) * (plotRight - plotLeft);
  const y = (value: number) => plotBottom - axis.fraction(value) * (plotBottom - plotTop);
  const points = estimates.map((estimate, index) => {
    const px = x(times[index] ?? first);
    if (estimate.value !== undefined) return { index, x: px, y: y(estimate.value), yHigh: undefined, yLow: undefined };
    const yHigh = y(estimate.high ?? 0);
    const yLow = y(estimate.low ?? 0);
    return { index, x: px, y: (yHigh + yLow) / 2, yHigh, yLow };
  });
  const links = estimates.flatMap((estimate, to) =>
    estimate.revises === undefined ? [] : [{ from: estimate.revises, to }],
  );
  const days = [...new Set(estimates.map((e) => e.date))].sort();
  const shown =
    days.length <= 2
      ? days
      : [days[0] ?? '', ...(days.length > 2 ? [days[Math.floor((days.length - 1) / 2)] ?? ''] : []), days.at(-1) ?? ''];
  const ticks = [...new Set(shown)].map((day, i, all) => ({
    x: x(Date.parse(`${day}T00:00:00Z`)),
    label: formatDay(day),
    anchor:
      all.length === 1
        ? ('middle' as const)
        : i === 0
          ? ('start' as const)
          : i === all.length - 1
            ? ('end' as const)
            : ('middle' as const),
  }));
  // Where each label reaches, left and right; a label that would touch its neighbour is left out (the table has every date).
  const reach = (tick: (typeof ticks)[number]) => {
    const w = tick.label.length * LABEL_CHAR_WIDTH;
    return tick.anchor === 'start'
      ? [tick.x, tick.x + w]
      : tick.anchor === 'end'
        ? [tick.x - w, tick.x]
        : [tick.x - w / 2, tick.x + w / 2];
  };
  const dateTicks = ticks.filter((tick, i) => {
    if (i === 0) return true;
    const [left = 0] = reach(tick);
    const [, before = 0] = reach(ticks[0] ?? tick);
    return (
      left > before + 8 && (tick.anchor === 'end' || (reach(ticks.at(-1) ?? tick)[0] ?? 0) > (reach(tick)[1] ?? 0) + 8)
    );
  });
  return {
    width,
    height,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    points,
    links,
    valueTicks: axis.ticks.map((value, i) => ({ y: y(value), label: valueTicks[i] ?? '' })),
    dateTicks,
  };
}

/**
 * The marker shapes of claimants on the chart over time, one per claimant, so
 * that colour is never the only cue. As many as the colours of the palette
 * (`--claimant-1` … in the stylesheet, one per shape).
 */
export const MARKER_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross'] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/** The colour (1-based, `claimant-<n>`) and marker shape of one claimant. */
export interface ClaimantStyle {
  colour: number;
  shape: MarkerShape;
}

/**
 * A colour and a shape for each claimant, in the order given (the order in
 * which they first estimated): the k-th gets colour k and shape k of the
 * palette, and past the end of it the shapes shift by one per round, so no
 * two claimants share both colour and shape (up to 36 of them).
 */
export function claimantStyles(claimants: readonly string[]): Map<string, ClaimantStyle> {
  const count = MARKER_SHAPES.length;
  const styles = new Map<string, ClaimantStyle>();
  for (const claimant of claimants) {
    if (styles.has(claimant)) continue;
    const k = styles.size;
    styles.set(claimant, {
      colour: (k % count) + 1,
      shape: MARKER_SHAPES[(k + Math.floor(k / count)) % count] ?? 'circle',
    });
  }
  return styles;
}

/** The SVG path of a marker of about `r` in radius centred on (x, y), of about the same area whatever its shape. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const n = (value: number) => Number(value.toFixed(2));
  const points = (pairs: [number, number][]) => `M${pairs.map(([dx, dy]) => `${n(x + dx)} ${n(y + dy)}`).join('L')}Z`;
  switch (shape) {
    case 'circle':
      return `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
    case 'square': {
      const s = r * 0.9;
      return points([
        [-s, -s],
        [s, -s],
        [s, s],
        [-s, s],
      ]);
    }
    case 'triangle': {
      const s = r * 1.25;
      return points([
        [0, -s],
        [s, s * 0.8],
        [-s, s * 0.8],
      ]);
    }
    case 'triangle-down': {
      const s = r * 1.25;
      return points([
        [0, s],
        [-s, -s * 0.8],
        [s, -s * 0.8],
      ]);
    }
    case 'diamond': {
      const s = r * 1.25;
      return points([
        [0, -s],
        [s, 0],
        [0, s],
        [-s, 0],
      ]);
    }
    case 'cross': {
      const a = r * 1.1;
      const b = r * 0.38;
      return points([
        [-b, -a],
        [b, -a],
        [b, -b],
        [a, -b],
        [a, b],
        [b, b],
        [b, a],
        [-b, a],
        [-b, b],
        [-a, b],
        [-a, -b],
        [-b, -b],
      ]);
    }
  }
}
