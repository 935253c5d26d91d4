import { NUMBER_LIMITS, type Estimate } from '../model/figure.ts';
import { formatEstimate as formatEstimateText, formatValue, type ValueStyle } from './format.ts';

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
/** The plotting area is never narrower than this, however long the labels. */
const MIN_PLOT_WIDTH = 400;
/** Space between neighbouring tick labels. */
const TICK_GAP = 8;

const compactFormat = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3, signDisplay: 'negative' });

/** Tick labels: in full when they fit between the ticks, else short (`5k`, `1.5m`, `1000tn`). */
function tickLabels(ticks: readonly number[], spacing: (longest: number) => number, style: ValueStyle): string[] {
  if (style.currency !== undefined) return ticks.map((value) => formatValue(value, style, true));
  const full = ticks.map((value) => formatValue(value, style));
  const longest = Math.max(...full.map((label) => label.length));
  if (longest * LABEL_CHAR_WIDTH + TICK_GAP <= spacing(longest)) return full;
  // Ticks are small multiples of 1, 2 or 5 times a power of ten: three significant digits are exact.
  return ticks.map((value) => compactFormat.format(value));
}

/**
 * Lays out estimates as horizontal rows on a shared value axis that starts at
 * zero: points for single values, bars for ranges. Each row is labelled
 * outside the SVG (in the table and row labels), so labels never collide.
 * Every point, bar and label lies inside the canvas: the canvas grows wider
 * than `minWidth` when the value labels are long.
 */
export function layoutChart(estimates: readonly Pick<Estimate, 'value' | 'low' | 'high'>[], minWidth = 640, style: ValueStyle = {}): ChartLayout {
  const rowHeight = 36;
  const axis = valueAxis(estimates);
  const valueLabels = estimates.map((e) => formatEstimateText(e, style, true));
  // Room on the right for the longest value label, 12 px after the plot.
  const labelRoom = Math.ceil(Math.max(1, ...valueLabels.map((label) => label.length)) * LABEL_CHAR_WIDTH) + 24;
  const geometry = (longestTick: number) => {
    // Tick labels are centred on their tick: the first and the last must stay on the canvas.
    const half = Math.ceil((longestTick * LABEL_CHAR_WIDTH) / 2) + 4;
    const plotLeft = Math.max(16, half);
    const right = Math.max(labelRoom, half);
    const width = Math.max(minWidth, plotLeft + MIN_PLOT_WIDTH + right);
    return { plotLeft, width, plotWidth: width - plotLeft - right };
  };
  const labels = tickLabels(axis.ticks, (longest) => geometry(longest).plotWidth / Math.max(1, axis.ticks.length - 1), style);
  const { plotLeft, width, plotWidth } = geometry(Math.max(...labels.map((label) => label.length)));
  const scale = (value: number) => plotLeft + axis.fraction(value) * plotWidth;
  const rows = estimates.map((estimate, index) => {
    const y = rowHeight * index + rowHeight / 2 + 8;
    const valueLabel = valueLabels[index] ?? '';
    if (estimate.value !== undefined) return { index, y, x: scale(estimate.value), x1: undefined, x2: undefined, valueLabel };
    return { index, y, x: undefined, x1: scale(estimate.low ?? 0), x2: scale(estimate.high ?? 0), valueLabel };
  });
  const ticks = axis.ticks.map((value, i) => ({ x: scale(value), label: labels[i] ?? '' }));
  const axisY = rowHeight * estimates.length + 16;
  return { width, height: axisY + 24, plotLeft, plotWidth, rowHeight, axisY, rows, ticks };
}
