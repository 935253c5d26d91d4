import type { Estimate } from '../schemas/figure.ts';
import { formatEstimate as formatEstimateText, formatNumber } from './format.ts';

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

/**
 * Lays out estimates as horizontal rows on a shared value axis that starts at
 * zero: points for single values, bars for ranges. Each row is labelled
 * outside the SVG (in the table and row labels), so labels never collide.
 */
export function layoutChart(estimates: readonly Pick<Estimate, 'value' | 'low' | 'high'>[], width = 640): ChartLayout {
  const rowHeight = 36;
  const plotLeft = 16;
  // Leave room on the right for the longest value label (about 7.5 px a character at 12 px).
  const longestLabel = Math.max(...estimates.map((e) => formatEstimateText(e).length), 1);
  const plotWidth = width - plotLeft - Math.ceil(longestLabel * 7.5) - 24;
  const highs = estimates.map((e) => e.value ?? e.high ?? 0);
  const lows = estimates.map((e) => e.value ?? e.low ?? 0);
  const minimum = Math.min(0, ...lows);
  const maximum = Math.max(...highs, minimum + 1);
  const step = niceStep(maximum - minimum, 4);
  const top = Math.ceil(maximum / step) * step;
  const bottom = Math.floor(minimum / step) * step;
  const scale = (value: number) => plotLeft + ((value - bottom) / (top - bottom)) * plotWidth;
  const rows = estimates.map((estimate, index) => {
    const y = rowHeight * index + rowHeight / 2 + 8;
    if (estimate.value !== undefined) {
      return { index, y, x: scale(estimate.value), x1: undefined, x2: undefined, valueLabel: formatNumber(estimate.value) };
    }
    const low = estimate.low ?? 0;
    const high = estimate.high ?? 0;
    return { index, y, x: undefined, x1: scale(low), x2: scale(high), valueLabel: `${formatNumber(low)}–${formatNumber(high)}` };
  });
  const ticks: ChartTick[] = [];
  for (let value = bottom; value <= top + step / 2; value += step) ticks.push({ x: scale(value), label: formatNumber(value) });
  const axisY = rowHeight * estimates.length + 16;
  return { width, height: axisY + 24, plotLeft, plotWidth, rowHeight, axisY, rows, ticks };
}
