import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** The two weights a card uses: regular text and bold (label, title, values). */
export type Weight = 400 | 700;

/**
 * The bundled font families, each an `@fontsource` package of Noto Sans for
 * some scripts. Every package is split into subsets by Unicode range
 * (`unicode.json`); a card loads only the subset files its characters fall in,
 * so a Latin card never reads a Chinese font, and a Korean name reads a few of
 * the Korean font's 120 subsets.
 */
const FAMILIES = {
  latin: 'noto-sans',
  arabic: 'noto-sans-arabic',
  hebrew: 'noto-sans-hebrew',
  korean: 'noto-sans-kr',
  japanese: 'noto-sans-jp',
  simplified: 'noto-sans-sc',
  traditional: 'noto-sans-tc',
} as const;
type Family = keyof typeof FAMILIES;

/** The npm packages the fonts come from (their versions are part of the share image cache key). */
export const FONT_PACKAGES: readonly string[] = Object.values(FAMILIES).map((name) => `@fontsource/${name}`);

/** Families that draw Han characters, each in its own regional style. */
const HAN: readonly Family[] = ['simplified', 'traditional', 'japanese', 'korean'];

/**
 * The families to try for a text, in order. Latin, Cyrillic and Greek come
 * from Noto Sans; Arabic and Hebrew have one family each. Han characters look
 * different in China, Taiwan, Japan and Korea: a text with kana takes the
 * Japanese font first, one with Hangul the Korean font, any other the
 * simplified Chinese font, then the traditional one.
 */
export function familiesFor(text: string): Family[] {
  const first: Family[] = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)
    ? ['japanese']
    : /\p{Script=Hangul}/u.test(text)
      ? ['korean']
      : [];
  return ['latin', 'arabic', 'hebrew', ...first, ...HAN.filter((family) => !first.includes(family))];
}

interface Subset {
  file: string;
  ranges: [from: number, to: number][];
}

// Resolved from the project, not from this module: the build bundles it into another folder.
const require = createRequire(join(process.cwd(), 'package.json'));
const subsetCache = new Map<Family, Subset[]>();
const fontCache = new Map<string, fontkit.Font>();

/** A family's subsets, read from its package's `unicode.json`, with the file of each at `weight`. */
function subsets(family: Family): Subset[] {
  const known = subsetCache.get(family);
  if (known) return known;
  const name = FAMILIES[family];
  const dir = dirname(require.resolve(`@fontsource/${name}/package.json`));
  const table = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const list = Object.entries(table).map(([key, ranges]) => ({
    file: join(dir, 'files', `${name}-${key.replace(/^\[(\d+)\]$/, '$1')}-WEIGHT-normal.woff`),
    ranges: ranges.split(',').map((range) => {
      const [from = '0', to = from] = range.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as [number, number];
    }),
  }));
  subsetCache.set(family, list);
  return list;
}

function load(file: string): fontkit.Font {
  let font = fontCache.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(file)) as fontkit.Font;
    fontCache.set(file, font);
  }
  return font;
}

/**
 * The font that draws a character at a weight, trying `families` in order:
 * the first subset file whose range holds the character and whose glyph table
 * really has it. `undefined`: no bundled font has it (it would be a box).
 */
export function fontFor(codePoint: number, weight: Weight, families: readonly Family[]): fontkit.Font | undefined {
  for (const family of families) {
    for (const subset of subsets(family)) {
      if (!subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) continue;
      const font = load(subset.file.replace('WEIGHT', String(weight)));
      if (font.hasGlyphForCodePoint(codePoint)) return font;
    }
  }
  return undefined;
}

/** The font that draws what no font has: Noto Sans, whose missing glyph is a box. */
export function fallbackFont(weight: Weight): fontkit.Font {
  return load(
    subsets('latin')
      .find((subset) => subset.file.includes('-latin-WEIGHT'))
      ?.file.replace('WEIGHT', String(weight)) ?? '',
  );
}

/** Font files read so far in this thread, for measuring what a card costs. */
export function loadedFontFiles(): string[] {
  return [...fontCache.keys()];
}
