import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** Size of every share image: the Open Graph and Twitter large-card size. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** What a share image shows: a label, a title, a line under it, and optional rows (a figure's estimates). */
export interface ShareCard {
  /** Kind of page: "Article", "Person", "Figure". */
  label: string;
  title: string;
  subtitle?: string | undefined;
  /** Label, short note (a date) and value; `bar` (from and to, each 0–1 along the figure's value axis) draws a bar. */
  rows?: { label: string; note?: string | undefined; value: string; bar?: readonly [from: number, to: number] | undefined }[] | undefined;
  /** More rows exist than are shown. */
  more?: number | undefined;
  /** The site's name and host, in the footer. */
  site: string;
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

function el(type: string, style: Record<string, string | number>, children?: (Node | string)[] | Node | string): Node {
  return { type, props: children === undefined ? { style } : { style, children } };
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

/** The element tree of a card, for satori. */
export function cardTree(card: ShareCard): Node {
  const ink = '#1b1f24';
  const muted = '#57606a';
  const accent = '#0b5cad';
  const title = clip(card.title, card.rows?.length ? 90 : 120);
  const titleSize = card.rows?.length ? (title.length > 50 ? 44 : 52) : title.length > 70 ? 48 : title.length > 40 ? 58 : 68;
  const body: Node[] = [
    el('div', { fontSize: 26, fontWeight: 700, color: accent, textTransform: 'uppercase', letterSpacing: 2 }, card.label),
    el('div', { fontSize: titleSize, fontWeight: 700, color: ink, lineHeight: 1.15, marginTop: 16 }, title),
  ];
  if (card.subtitle) body.push(el('div', { fontSize: 30, color: muted, lineHeight: 1.35, marginTop: 20 }, clip(card.subtitle, card.rows?.length ? 90 : 180)));
  if (card.rows?.length) {
    const row = (cells: [number, Record<string, string | number>, Node | string][]) =>
      el('div', { display: 'flex', alignItems: 'center', marginTop: 14, fontSize: 26 }, cells.map(([width, style, child]) => el('div', { display: 'flex', width, flexShrink: 0, ...style }, child)));
    const values = valueColumn(card.rows.map((r) => r.value));
    const barWidth = ROW_WIDTH - 330 - 130 - 16 - values.width;
    const rows = card.rows.map((r) => {
      const [from, to] = (r.bar ?? [0, 0]).map((end) => Math.min(1, Math.max(0, end)));
      const start = Math.round(barWidth * Math.min(from ?? 0, to ?? 0));
      const length = Math.max(4, Math.round(barWidth * Math.abs((to ?? 0) - (from ?? 0))));
      return row([
        [330, { color: ink, whiteSpace: 'nowrap', overflow: 'hidden' }, clip(r.label, 24)],
        [130, { color: muted, fontSize: 22 }, r.note ?? ''],
        [barWidth, { height: 26, backgroundColor: '#e6edf5', borderRadius: 4, marginRight: 16 }, el('div', { marginLeft: Math.min(start, barWidth - length), width: length, height: 26, backgroundColor: accent, borderRadius: 4 })],
        [values.width, { color: ink, fontWeight: 700, fontSize: values.fontSize, justifyContent: 'flex-end', whiteSpace: 'nowrap' }, r.value],
      ]);
    });
    if (card.more) rows.push(el('div', { marginTop: 12, fontSize: 24, color: muted }, `and ${card.more} more`));
    body.push(el('div', { display: 'flex', flexDirection: 'column', marginTop: 24 }, rows));
  }
  return el(
    'div',
    {
      width: SHARE_IMAGE.width,
      height: SHARE_IMAGE.height,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      backgroundColor: '#ffffff',
      borderTop: `16px solid ${accent}`,
      padding: '56px 72px 48px',
      fontFamily: 'Noto Sans',
    },
    [
      el('div', { display: 'flex', flexDirection: 'column' }, body),
      el('div', { display: 'flex', fontSize: 24, color: muted, borderTop: '2px solid #d0d7de', paddingTop: 20 }, clip(card.site, 80)),
    ],
  );
}

type FontSpec = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: FontSpec[] | undefined;

/**
 * The bundled fonts: Noto Sans from `@fontsource/noto-sans` (WOFF, which satori
 * reads), in the subsets that cover Latin, Cyrillic, Greek and Vietnamese text.
 */
function loadFonts(): FontSpec[] {
  if (fonts) return fonts;
  const require = createRequire(join(process.cwd(), 'package.json'));
  const dir = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
  const subsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'];
  fonts = subsets.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({ name: 'Noto Sans', data: readFileSync(join(dir, `noto-sans-${subset}-${weight}-normal.woff`)), weight, style: 'normal' as const })),
  );
  return fonts;
}

/** Renders a card to a 1200×630 PNG. Text becomes outlines, so no system font is read. */
export async function renderShareImage(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(cardTree(card) as unknown as Parameters<typeof satori>[0], { ...SHARE_IMAGE, fonts: loadFonts() });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_IMAGE.width }, font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png);
}
