import { setImmediate as nextTurn } from 'node:timers/promises';
import { Resvg } from '@resvg/resvg-js';
import { REFERENCE_LOCALE } from '../messages/index.ts';
import type { Weight } from './share-fonts.ts';
import { layoutText, missingGlyphs, textSvg, type TextBlock, type TextStyle } from './text-layout.ts';

/** Size of every share image: the Open Graph and Twitter large-card size. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** What a share image shows: a label, a title, a line under it, and optional rows (a figure's estimates). */
export interface ShareCard {
  /** The language of the card's words, whose rules capitalise the label; English when absent. */
  lang?: string | undefined;
  /** Kind of page: "Article", "Person", "Figure". */
  label: string;
  title: string;
  subtitle?: string | undefined;
  /** Label, short note (a date) and value; `bar` (from and to, each 0–1 along the figure's value axis) draws a bar. */
  rows?:
    | {
        label: string;
        note?: string | undefined;
        value: string;
        bar?: readonly [from: number, to: number] | undefined;
      }[]
    | undefined;
  /** The line under the rows when more exist than are shown, in the card's language: "and 3 more". */
  more?: string | undefined;
  /** The site's name and host, in the footer. */
  site: string;
}

/** Shortens text to at most `max` characters, on a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Width of a row of figure estimates: the card's width inside its padding. */
const ROW_WIDTH = SHARE_IMAGE.width - 2 * 72;
/** Widest glyph of the bold value text (digits, separators, dashes), as a share of the font size; Noto Sans Bold digits are 0.572. */
const VALUE_CHAR_EM = 0.6;

/**
 * Width and font size of the value column: 200 px at 26 px for values up to 12
 * characters; wider for longer values (up to 440 px, leaving the bar 140 px),
 * then a smaller font, so every value is shown whole (the longest a figure can
 * hold, `-9,007,199,254,740,991–9,007,199,254,740,991`, at 16 px).
 */
export function valueColumn(values: readonly string[]): { width: number; fontSize: number } {
  const longest = Math.max(1, ...values.map((value) => value.length));
  const width = Math.min(440, Math.max(200, Math.ceil(longest * VALUE_CHAR_EM * 26)));
  return { width, fontSize: Math.min(26, Math.floor(width / (longest * VALUE_CHAR_EM))) };
}

const INK = '#1b1f24';
const MUTED = '#57606a';
const ACCENT = '#0b5cad';
const PAD = { top: 16 + 56, side: 72, bottom: 48 };
/** Line height of one-line text: Noto Sans's ascent plus descent, as browsers and satori set `line-height: normal`. */
const NORMAL = 1.362;

/** The kinds of text on a card, and the weight each is drawn in. */
const WEIGHTS = {
  label: 700,
  title: 700,
  subtitle: 400,
  rowLabel: 400,
  note: 400,
  value: 700,
  more: 400,
  site: 400,
} as const satisfies Record<string, Weight>;
type TextKind = keyof typeof WEIGHTS;

/** A text a card shows: which card field it comes from (`rows[1].label`), its kind, and the words as drawn. */
interface CardText {
  field: string;
  kind: TextKind;
  text: string;
}

/** Every text of a card, exactly as it is drawn (clipped, the label in capitals). */
function cardTexts(card: ShareCard): CardText[] {
  const rows = card.rows ?? [];
  const texts: CardText[] = [
    { field: 'label', kind: 'label', text: card.label.toLocaleUpperCase(card.lang ?? REFERENCE_LOCALE) },
    { field: 'title', kind: 'title', text: clip(card.title, rows.length ? 90 : 120) },
  ];
  if (card.subtitle)
    texts.push({ field: 'subtitle', kind: 'subtitle', text: clip(card.subtitle, rows.length ? 90 : 180) });
  rows.forEach((row, i) => {
    texts.push({ field: `rows[${i}].label`, kind: 'rowLabel', text: clip(row.label, 24) });
    if (row.note) texts.push({ field: `rows[${i}].note`, kind: 'note', text: row.note });
    texts.push({ field: `rows[${i}].value`, kind: 'value', text: row.value });
  });
  if (rows.length && card.more) texts.push({ field: 'more', kind: 'more', text: card.more });
  texts.push({ field: 'site', kind: 'site', text: clip(card.site, 80) });
  return texts;
}

/**
 * The characters of a card that no bundled font has, by card field: they
 * would be drawn as boxes. The same font choice as the drawing
 * (`share-fonts.ts`), without shaping or drawing anything.
 */
export function missingOnCard(card: ShareCard): { field: string; chars: string[] }[] {
  const texts = cardTexts(card);
  const context = texts.map(({ text }) => text).join(' ');
  return texts.flatMap(({ field, kind, text }) => {
    const chars = missingGlyphs(text, WEIGHTS[kind], context);
    return chars.length ? [{ field, chars }] : [];
  });
}

/** A card laid out: each text set in its box, and the rectangles (top rule, bars, footer rule). */
export interface CardLayout {
  texts: { field: string; text: string; style: TextStyle; x: number; y: number; fill: string; block: TextBlock }[];
  rects: {
    x: number;
    y: number;
    width: number;
    height: number;
    fill: string;
    radius?: number;
    part: 'rule' | 'track' | 'bar';
  }[];
}

/** Sets the first of `sizes` at which the text fits in its lines whole, or the last size, clipped. */
function setText(
  text: string,
  sizes: readonly number[],
  style: Omit<TextStyle, 'size'>,
): { block: TextBlock; style: TextStyle } {
  let last: { block: TextBlock; style: TextStyle } | undefined;
  for (const size of sizes) {
    const sized = { ...style, size };
    last = { block: layoutText(text, sized), style: sized };
    if (!last.block.clipped) return last;
  }
  if (!last) throw new Error('setText() needs at least one size');
  return last;
}

/** Where everything on a card goes. */
export function cardLayout(card: ShareCard): CardLayout {
  const width = SHARE_IMAGE.width - 2 * PAD.side;
  const layout: CardLayout = {
    texts: [],
    rects: [{ x: 0, y: 0, width: SHARE_IMAGE.width, height: 16, fill: ACCENT, part: 'rule' }],
  };
  const texts = new Map(cardTexts(card).map((text) => [text.field, text]));
  // Every text is set knowing the card's other texts: a Japanese subtitle makes the title's Han characters Japanese.
  const context = [...texts.values()].map(({ text }) => text).join(' ');
  const put = (field: string, fill: string, x: number, y: number, placed: { block: TextBlock; style: TextStyle }) => {
    layout.texts.push({ field, text: texts.get(field)?.text ?? '', fill, x, y, ...placed });
    return placed.block.height;
  };
  /** Sets a field's text in its kind's weight, at the first of `sizes` it fits. */
  const set = (field: string, sizes: readonly number[], style: Omit<TextStyle, 'size' | 'weight' | 'context'>) =>
    setText(texts.get(field)?.text ?? '', sizes, {
      ...style,
      weight: WEIGHTS[texts.get(field)?.kind ?? 'site'],
      context,
    });
  const rows = card.rows ?? [];

  // Footer: a rule, then the site's name, flush with the bottom padding.
  const footerSize = 24;
  const footerTop = SHARE_IMAGE.height - PAD.bottom - footerSize * NORMAL;
  put('site', MUTED, PAD.side, footerTop, set('site', [footerSize], { width, maxLines: 1, lineHeight: NORMAL }));
  const bodyEnd = footerTop - 20 - 2;
  layout.rects.push({ x: PAD.side, y: bodyEnd, width, height: 2, fill: '#d0d7de', part: 'rule' });

  let y = PAD.top;
  y += put(
    'label',
    ACCENT,
    PAD.side,
    y,
    set('label', [26], { width, maxLines: 1, lineHeight: NORMAL, letterSpacing: 2 }),
  );
  y += 16;
  const titleSizes = rows.length ? [52, 44, 38] : [68, 58, 48, 40];
  y += put(
    'title',
    INK,
    PAD.side,
    y,
    set('title', titleSizes, { width, maxLines: rows.length ? 2 : 3, lineHeight: 1.15 }),
  );
  if (texts.has('subtitle')) {
    y += 20;
    const lineBox = 30 * 1.35;
    const room = rows.length ? 1 : Math.max(1, Math.min(4, Math.floor((bodyEnd - 16 - y) / lineBox)));
    y += put('subtitle', MUTED, PAD.side, y, set('subtitle', [30], { width, maxLines: room, lineHeight: 1.35 }));
  }
  if (rows.length) {
    y += 24;
    const values = valueColumn(rows.map((row) => row.value));
    const columns = { label: 330, note: 130, gap: 16 };
    const barWidth = ROW_WIDTH - columns.label - columns.note - columns.gap - values.width;
    const rowHeight = 26 * NORMAL;
    rows.forEach((row, i) => {
      y += 14;
      let x = PAD.side;
      put(
        `rows[${i}].label`,
        INK,
        x,
        y,
        set(`rows[${i}].label`, [26], { width: columns.label - 12, maxLines: 1, lineHeight: NORMAL }),
      );
      x += columns.label;
      if (row.note)
        put(
          `rows[${i}].note`,
          MUTED,
          x,
          y + (rowHeight - 22 * NORMAL) / 2,
          set(`rows[${i}].note`, [22], { width: columns.note, maxLines: 1, lineHeight: NORMAL }),
        );
      x += columns.note;
      const [from, to] = (row.bar ?? [0, 0]).map((end) => Math.min(1, Math.max(0, end)));
      const start = Math.round(barWidth * Math.min(from ?? 0, to ?? 0));
      const length = Math.max(4, Math.round(barWidth * Math.abs((to ?? 0) - (from ?? 0))));
      const barTop = y + (rowHeight - 26) / 2;
      layout.rects.push({ x, y: barTop, width: barWidth, height: 26, fill: '#e6edf5', radius: 4, part: 'track' });
      layout.rects.push({
        x: x + Math.min(start, barWidth - length),
        y: barTop,
        width: length,
        height: 26,
        fill: ACCENT,
        radius: 4,
        part: 'bar',
      });
      x += barWidth + columns.gap;
      const valueStyle = { width: values.width, maxLines: 1, lineHeight: NORMAL, align: 'end' as const };
      put(
        `rows[${i}].value`,
        INK,
        x,
        y + (rowHeight - values.fontSize * NORMAL) / 2,
        set(`rows[${i}].value`, [values.fontSize], valueStyle),
      );
      y += rowHeight;
    });
    if (texts.has('more')) {
      y += 12;
      put('more', MUTED, PAD.side, y, set('more', [24], { width, maxLines: 1, lineHeight: NORMAL }));
    }
  }
  return layout;
}

/** A card as SVG: rectangles and glyph outlines, nothing for the renderer to look up. */
export function cardSvg(card: ShareCard): string {
  const layout = cardLayout(card);
  const { width, height } = SHARE_IMAGE;
  const rects = layout.rects.map(
    (r) =>
      `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.fill}"${r.radius ? ` rx="${r.radius}"` : ''}/>`,
  );
  const texts = layout.texts.map((t) => textSvg(t.block, t.style, t.x, t.y, t.fill));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${rects.join('')}${texts.join('')}</svg>`;
}

/**
 * Renders a card to a 1200×630 PNG. Text becomes outlines, so no system font is read.
 *
 * Resolves only after a turn of the event loop (`setImmediate`): resvg's
 * rendered image holds its pixels (3 MB) in native memory, which Node frees
 * in a finalizer it runs from the event loop's immediate queue after the
 * object is collected. A thread that draws card after card without reaching
 * that queue keeps every image it drew: tinypool's workers wait for their next
 * task in `Atomics.wait`, not in the event loop, and grew by 3 MB a card
 * (2.4 GB peak for the 540 cards of the scale-1 corpus).
 */
export async function renderShareImage(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const png = new Resvg(cardSvg(card), {
    fitTo: { mode: 'width', value: SHARE_IMAGE.width },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  const bytes = new Uint8Array(png);
  await nextTurn();
  return bytes;
}
