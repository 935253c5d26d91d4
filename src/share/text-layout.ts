import bidiFactory from 'bidi-js';
import type { Font } from 'fontkit';
import LineBreaker from 'linebreak';
import { fallbackFont, familiesFor, fontFor, type Weight } from './share-fonts.ts';

/**
 * Text on share cards, in any script: each character takes the first bundled
 * font that has it (`share-fonts.ts`), fontkit shapes each run (Arabic joined,
 * marks placed), lines break where Unicode allows (UAX #14: between words, and
 * between CJK characters), and the Unicode bidi algorithm (UAX #9) orders the
 * runs of each line, so Arabic and Hebrew read right to left and a paragraph
 * that starts in Arabic or Hebrew is set flush right. The result is glyph
 * outlines, so the renderer reads no font.
 */

const bidi = bidiFactory();

/** How to set a paragraph. */
export interface TextStyle {
  size: number;
  weight: Weight;
  /** Width the lines must fit in. */
  width: number;
  /** Lines at most; the last one ends with `…` when the text is longer. */
  maxLines: number;
  /** Line height as a share of `size`. */
  lineHeight: number;
  /** Extra space after each glyph of left-to-right text, in pixels. */
  letterSpacing?: number | undefined;
  /** `end`: flush with the end of the box whatever the direction (a column of numbers). */
  align?: 'start' | 'end' | undefined;
  /** The text around this one (the whole card): kana or Hangul there pick the Japanese or Korean style of Han characters here. */
  context?: string | undefined;
}

/** A glyph outline (font units, y up) placed on a line: `x`, `y` (up) in pixels from the line's start and baseline. */
interface Glyph {
  path: string;
  x: number;
  y: number;
  scale: number;
}

interface Line {
  width: number;
  glyphs: Glyph[];
}

/** A paragraph set in lines. */
export interface TextBlock {
  lines: Line[];
  /** Height of the lines together. */
  height: number;
  /** Characters no bundled font has: drawn as the missing-glyph box. */
  missing: string[];
  direction: 'ltr' | 'rtl';
  /** The text did not fit in `maxLines`: the last line ends with `…`. */
  clipped: boolean;
}

/** Characters that need no glyph of their own: spaces, marks and joiners go with their neighbours' font. */
const FOLLOWS = /[\p{Z}\p{M}\p{Cf}\p{Cc}]/u;

/** The font of every UTF-16 unit of a text, and the characters no font has. */
function assignFonts(text: string, weight: Weight, context: string): { fonts: Font[]; missing: string[] } {
  const families = familiesFor(`${text} ${context}`);
  const fonts: (Font | undefined)[] = [];
  const missing: string[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let font: Font | undefined;
    if (!FOLLOWS.test(char)) {
      font = fontFor(codePoint, weight, families);
      if (!font) {
        missing.push(char);
        font = fallbackFont(weight);
      }
    }
    for (let unit = 0; unit < char.length; unit++) fonts.push(font);
  }
  // Spaces and marks take the font before them (or after them, at the start).
  let previous = fonts.find((font) => font !== undefined) ?? fallbackFont(weight);
  const filled = fonts.map((font) => {
    previous = font ?? previous;
    return previous;
  });
  return { fonts: filled, missing: [...new Set(missing)] };
}

/** The characters of a text that no bundled font has at `weight` (the font choice the drawing makes). */
export function missingGlyphs(text: string, weight: Weight, context = ''): string[] {
  return assignFonts(text, weight, context).missing;
}

/** A stretch of one font and one direction, in logical order. */
interface Run {
  start: number;
  end: number;
  font: Font;
  rtl: boolean;
}

/** Shapes runs (already in visual order) into glyphs placed from x = 0; returns them and the width. */
function shapeRuns(text: string, runs: readonly Run[], style: TextStyle): Line {
  const glyphs: Glyph[] = [];
  let pen = 0;
  for (const run of runs) {
    const scale = style.size / run.font.unitsPerEm;
    const shaped = run.font.layout(
      text.slice(run.start, run.end),
      undefined,
      undefined,
      undefined,
      run.rtl ? 'rtl' : 'ltr',
    );
    shaped.glyphs.forEach((glyph, i) => {
      const position = shaped.positions[i];
      if (!position) return;
      const path = glyph.path.toSVG();
      if (path) glyphs.push({ path, x: pen + position.xOffset * scale, y: position.yOffset * scale, scale });
      pen += position.xAdvance * scale + (run.rtl ? 0 : (style.letterSpacing ?? 0));
    });
  }
  return { width: pen, glyphs };
}

/** Runs of a line `[start, end)` in visual order: bidi reordering, then cut where the font or direction changes. */
function visualRuns(
  text: string,
  start: number,
  end: number,
  fonts: readonly Font[],
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
): Run[] {
  const order = Array.from({ length: end - start }, (_, i) => start + i);
  for (const [from = 0, to = 0] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    order.splice(from - start, to - from + 1, ...order.slice(from - start, to - start + 1).reverse());
  }
  const runs: Run[] = [];
  for (const index of order) {
    const font = fonts[index] ?? fallbackFont(400);
    const rtl = ((levels.levels[index] ?? 0) & 1) === 1;
    const last = runs.at(-1);
    if (last && last.font === font && last.rtl === rtl && (rtl ? index === last.start - 1 : index === last.end)) {
      if (rtl) last.start = index;
      else last.end = index + 1;
    } else runs.push({ start: index, end: index + 1, font, rtl });
  }
  return runs;
}

/** Width of `[start, end)` in logical order (direction does not change an advance width). */
function measure(text: string, start: number, end: number, fonts: readonly Font[], style: TextStyle): number {
  const runs: Run[] = [];
  for (let index = start; index < end; index++) {
    const font = fonts[index] ?? fallbackFont(400);
    const last = runs.at(-1);
    if (last && last.font === font) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, font, rtl: false });
  }
  return shapeRuns(text, runs, style).width;
}

/** Where lines may break, as `[start, end)` pieces that each end after their break opportunity. */
function pieces(text: string): [number, number][] {
  const breaker = new LineBreaker(text);
  const found: [number, number][] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position > last) found.push([last, next.position]);
    last = next.position;
  }
  return found;
}

/** End of `[start, end)` without trailing spaces (they hang past the line's end). */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}

/** Sets a paragraph in at most `style.maxLines` lines of `style.width`. */
export function layoutText(source: string, style: TextStyle): TextBlock {
  const text = source.replace(/\s+/g, ' ').trim();
  const { fonts, missing } = assignFonts(`${text}…`, style.weight, style.context ?? '');
  const levels = bidi.getEmbeddingLevels(`${text}…`, 'auto');
  const direction = ((levels.paragraphs[0]?.level ?? 0) & 1) === 1 ? 'rtl' : 'ltr';
  const broken: [number, number][] = [];
  let line: [number, number] | undefined;
  for (const [start, end] of splitLong(text, pieces(text), fonts, style)) {
    if (line && measure(text, line[0], trimEnd(text, line[0], end), fonts, style) <= style.width) line[1] = end;
    else {
      if (line) broken.push(line);
      line = [start, end];
      // A line more than fits: the rest is cut short with `…`, no need to break it.
      if (broken.length >= style.maxLines) {
        broken.push([start, text.length]);
        line = undefined;
        break;
      }
    }
  }
  if (line) broken.push(line);
  let lines = broken;
  let clipped: [number, number] | undefined;
  if (broken.length > style.maxLines) {
    lines = broken.slice(0, style.maxLines - 1);
    const [start] = broken[style.maxLines - 1] ?? [0];
    clipped = [start, text.length];
  }
  const set = lines.map(([start, end]) => setLine(text, start, trimEnd(text, start, end), fonts, levels, style));
  if (clipped) set.push(ellipsize(text, clipped[0], fonts, levels, style));
  const lineBox = style.size * style.lineHeight;
  return {
    lines: set,
    height: set.length * lineBox,
    missing: missing.filter((char) => char !== '…' || text.includes('…')),
    direction,
    clipped: clipped !== undefined,
  };
}

/** Pieces wider than a line (a long word, a URL) cut between characters. */
function splitLong(
  text: string,
  found: [number, number][],
  fonts: readonly Font[],
  style: TextStyle,
): [number, number][] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return found.flatMap(([start, end]) => {
    if (measure(text, start, trimEnd(text, start, end), fonts, style) <= style.width)
      return [[start, end] as [number, number]];
    return [...segmenter.segment(text.slice(start, end))].map(
      ({ index, segment }) => [start + index, start + index + segment.length] as [number, number],
    );
  });
}

/** The last line of a paragraph that does not fit: as much as fits before `…`. */
function ellipsize(
  text: string,
  start: number,
  fonts: readonly Font[],
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  style: TextStyle,
): Line {
  const withEllipsis = `${text}…`;
  const ellipsis = text.length;
  const width = measure(withEllipsis, ellipsis, ellipsis + 1, fonts, style);
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const ends = [...segmenter.segment(text.slice(start))].map(({ index }) => start + index);
  // The longest run of whole characters that fits beside `…` (binary search: width grows with the text).
  let [low, high] = [0, ends.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(text, start, ends[middle] ?? start, fonts, style) + width <= style.width) low = middle;
    else high = middle - 1;
  }
  const end = trimEnd(text, start, ends[low] ?? start);
  // The ellipsis goes right after the kept text, in its direction: set the line as kept text + `…`.
  const kept = `${text.slice(0, end)}…`;
  const keptFonts = [...fonts.slice(0, end), fonts[ellipsis] ?? fallbackFont(style.weight)];
  const keptLevels = bidi.getEmbeddingLevels(kept, ((levels.paragraphs[0]?.level ?? 0) & 1) === 1 ? 'rtl' : 'ltr');
  return setLine(kept, start, end + 1, keptFonts, keptLevels, style);
}

function setLine(
  text: string,
  start: number,
  end: number,
  fonts: readonly Font[],
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  style: TextStyle,
): Line {
  return shapeRuns(text, visualRuns(text, start, end, fonts, levels), style);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The paragraph as SVG: glyph outlines in `fill`, the first line's box at
 * (`x`, `y`), lines flush left, or flush right for a right-to-left paragraph
 * or `align: 'end'`.
 */
export function textSvg(block: TextBlock, style: TextStyle, x: number, y: number, fill: string): string {
  const lineBox = style.size * style.lineHeight;
  // Baseline inside the line box: Noto Sans's ascent and descent (1.069 and 0.293 em) centred in it.
  const baseline = (lineBox - 1.362 * style.size) / 2 + 1.069 * style.size;
  const right = block.direction === 'rtl' || style.align === 'end';
  const parts = block.lines.map((line, n) => {
    const left = x + (right ? style.width - line.width : 0);
    const top = y + n * lineBox + baseline;
    return line.glyphs
      .map(
        (glyph) =>
          `<path transform="matrix(${glyph.scale} 0 0 ${-glyph.scale} ${round(left + glyph.x)} ${round(top - glyph.y)})" d="${glyph.path}"/>`,
      )
      .join('');
  });
  return `<g fill="${fill}">${parts.join('')}</g>`;
}
