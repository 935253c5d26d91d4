import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { missingGlyphWarnings } from '../../../src/share/missing-glyphs.ts';
import { cardLayout, missingOnCard, renderShareImage, type ShareCard } from '../../../src/share/share-image.ts';
import type { Weight } from '../../../src/share/share-fonts.ts';
import { layoutText, textSvg, type TextStyle } from '../../../src/share/text-layout.ts';

/** A name and a line under it in every script a card must draw (test-only strings). */
const SCRIPTS: [script: string, title: string, subtitle: string][] = [
  ['Latin', 'Łukasz Müller-Øster', 'Ça coûte €12,000 — naïve façade'],
  ['Cyrillic', 'Москва', 'Міністерство оборони України'],
  ['Greek', 'Κυριάκος Μητσοτάκης', 'Πρωθυπουργός της Ελλάδας'],
  ['Hangul', '최선희', '조선민주주의인민공화국 외무상'],
  ['Chinese (simplified)', '中华人民共和国外交部', '发言人说'],
  ['Chinese (traditional)', '長榮海運', '臺灣的貨櫃航運公司'],
  ['Japanese', '防衛省', 'ひらがなとカタカナの説明'],
  ['Arabic', 'محكمة الإسماعيلية الاقتصادية', 'بيان وزارة الخارجية'],
  ['Hebrew', 'בית המשפט העליון', 'משרד החוץ'],
];

/** A private-use character: no font has it, so it is drawn as the missing-glyph box. */
const NO_GLYPH = '\u{E000}';

function style(weight: Weight): TextStyle {
  return { size: 48, weight, width: 400, maxLines: 1, lineHeight: 1.4 };
}

/** A text drawn alone, as the card draws it, as RGBA pixels. */
function pixels(text: string, weight: Weight): Buffer {
  const set = style(weight);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="80"><rect width="420" height="80" fill="#fff"/>${textSvg(layoutText(text, set), set, 10, 6, '#000')}</svg>`;
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels);
}

/** Dark pixels. */
function ink(rgba: Buffer): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) if ((rgba[i] ?? 255) < 128) count++;
  return count;
}

function card(title: string, subtitle: string): ShareCard {
  return { label: 'Person', title, subtitle, site: 'Explainer · example.org' };
}

// `SHARE_CARDS_OUT=folder` keeps the cards, to look at.
const out = process.env['SHARE_CARDS_OUT'];

describe('share cards draw every script', () => {
  const box = { 400: pixels(NO_GLYPH, 400), 700: pixels(NO_GLYPH, 700) };

  test('the missing-glyph box this test compares with is drawn (it has ink)', () => {
    expect(ink(box[400])).toBeGreaterThan(50);
    expect(ink(box[700])).toBeGreaterThan(50);
  });

  test.each(SCRIPTS)(
    '%s: every character of the title (bold) and the line under it (regular) is a real glyph, not a box',
    async (script, title, subtitle) => {
      for (const [text, weight] of [
        [title, 700],
        [subtitle, 400],
      ] as const) {
        for (const char of new Set(text.replace(/\s/g, ''))) {
          const drawn = pixels(char, weight);
          expect(ink(drawn), `${script} ${char} at ${weight}`).toBeGreaterThan(0);
          expect(drawn.equals(box[weight]), `${script} ${char} at ${weight} is a box`).toBe(false);
        }
      }
      const shown = card(title, subtitle);
      expect(missingOnCard(shown)).toEqual([]);
      const png = await renderShareImage(shown);
      // The card's title lines hold ink.
      const image = PNG.sync.read(Buffer.from(png));
      const titleBox = cardLayout(shown).texts.find((t) => t.field === 'title');
      const top = Math.round(titleBox?.y ?? 0);
      const rows = image.data.subarray(
        top * image.width * 4,
        Math.round(top + (titleBox?.block.height ?? 0)) * image.width * 4,
      );
      expect(ink(Buffer.from(rows))).toBeGreaterThan(500);
      if (out) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${script.replace(/\W+/g, '-').toLowerCase()}.png`), png);
      }
    },
  );

  test('Arabic letters are joined: a word is drawn unlike its letters kept apart', () => {
    const word = 'محكمة';
    const apart = [...word].join('\u200C'); // zero-width non-joiner: the same letters, unjoined
    expect(pixels(word, 700).equals(pixels(apart, 700))).toBe(false);
    const joined = layoutText(word, style(700));
    const isolated = layoutText(apart, style(700));
    expect(joined.lines[0]?.width).toBeLessThan(isolated.lines[0]?.width ?? 0);
  });

  test.each([
    ['Hebrew', 'א ב', 'א', 'ב'],
    ['Arabic', 'مصر ثم', 'مصر', 'ثم'],
  ])(
    '%s reads right to left: the first word is drawn right of the second, and the line is set flush right',
    (_script, text, first, second) => {
      const set = { ...style(700), width: 1000 };
      const block = layoutText(text, set);
      expect(block.direction).toBe('rtl');
      const line = block.lines[0]!;
      // Find each word's glyphs in the line by their outlines.
      const outlines = (word: string) => new Set(layoutText(word, set).lines[0]?.glyphs.map((glyph) => glyph.path));
      const xs = (word: string) =>
        line.glyphs.filter((glyph) => outlines(word).has(glyph.path)).map((glyph) => glyph.x);
      expect(Math.min(...xs(first))).toBeGreaterThan(Math.max(...xs(second)));
      expect(textSvg(block, set, 0, 0, '#000')).toContain(
        `${Math.round((1000 - line.width + (line.glyphs[0]?.x ?? 0)) * 100) / 100} `,
      );
    },
  );

  test('a left-to-right line keeps an Arabic name in its place, itself right to left', () => {
    const set = { ...style(400), width: 1000 };
    const block = layoutText('Court مصر ثم Kyiv', set);
    expect(block.direction).toBe('ltr');
    const outlines = (word: string) => new Set(layoutText(word, set).lines[0]?.glyphs.map((glyph) => glyph.path));
    const xs = (word: string) =>
      block.lines[0]!.glyphs.filter((glyph) => outlines(word).has(glyph.path)).map((glyph) => glyph.x);
    // Court, then ثم, then مصر, then Kyiv.
    expect(Math.max(...xs('Court'))).toBeLessThan(Math.min(...xs('ثم')));
    expect(Math.max(...xs('ثم'))).toBeLessThan(Math.min(...xs('مصر')));
    expect(Math.max(...xs('مصر'))).toBeLessThan(Math.min(...xs('Kyiv')));
  });

  test('Han characters take the regional style of the card’s other text: Japanese beside kana, Korean beside Hangul, else Chinese', () => {
    const set = style(700);
    const outlines = (context?: string) =>
      layoutText('直', { ...set, context })
        .lines[0]?.glyphs.map((glyph) => glyph.path)
        .join('');
    const chinese = outlines();
    const japanese = outlines('ひらがな');
    expect(japanese).not.toBe(chinese);
    expect(outlines('한국어')).not.toBe(chinese);
    const title = (subtitle: string) =>
      cardLayout({ ...card('直', subtitle), label: 'Person' })
        .texts.find((t) => t.field === 'title')
        ?.block.lines[0]?.glyphs.map((glyph) => glyph.path)
        .join('');
    expect(title('ひらがなの説明')).toBe(japanese);
    expect(title('中文说明')).toBe(chinese);
  });

  test('long titles in scripts without spaces break between characters and end with an ellipsis when too long', () => {
    const block = layoutText('长榮海運'.repeat(40), {
      size: 48,
      weight: 700,
      width: 1056,
      maxLines: 3,
      lineHeight: 1.15,
    });
    expect(block.lines).toHaveLength(3);
    expect(block.clipped).toBe(true);
    for (const line of block.lines) expect(line.width).toBeLessThanOrEqual(1056);
  });
});

describe('a character no bundled font has is a warning, never a silent box', () => {
  test('the card says which field holds it', () => {
    expect(
      missingOnCard({ label: 'Person', title: `Ancient ${NO_GLYPH} 𓀀 name`, subtitle: 'Fine', site: 'x' }),
    ).toEqual([{ field: 'title', chars: [NO_GLYPH, '𓀀'] }]);
    expect(missingOnCard(card('최선희', 'Москва'))).toEqual([]);
  });

  test('the build warning names the file, the line and the field of the entry', () => {
    const entity = {
      id: 'scribe',
      file: 'content/actors/scribe.md',
      data: { name: 'Scribe 𓀀', kind: 'person', description: 'Wrote things down' },
      locate: (path: readonly PropertyKey[]) => ({ line: path[0] === 'name' ? 2 : 9, column: 7 }),
    };
    const figure = { id: 'f', file: 'content/figures/f.md', data: { title: 'Count', estimates: [{ by: 'scribe' }] } };
    const warnings = missingGlyphWarnings([
      { entity, card: card('Scribe 𓀀', 'Wrote things down') },
      {
        entity: figure,
        card: { label: 'Figure', title: 'Count', site: 'x', rows: [{ label: 'Scribe 𓀀', value: '1' }] },
      },
      { entity, card: card('Scribe', 'Fine') },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'content/actors/scribe.md',
        line: 2,
        field: 'name',
        severity: 'warning',
        message: expect.stringContaining('U+13000 "𓀀"'),
      }),
      expect.objectContaining({
        file: 'content/figures/f.md',
        field: 'share image rows[0].label',
        severity: 'warning',
      }),
    ]);
    expect(warnings[0]?.fix).toMatch(/replace the character/);
  });
});
