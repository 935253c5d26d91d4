// The claimant colours of the chart over time are non-text contrast (WCAG 2.2, 1.4.11): each must
// reach 3:1 on the page and on the surface colour, in the light theme and in the dark one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MARKER_SHAPES } from '../../../src/site/chart.ts';

const CSS = readFileSync(resolve(import.meta.dirname, '../../../src/styles/site.css'), 'utf8');

/** The light and dark value of a colour token written `--name: light-dark(#rrggbb, #rrggbb)`. */
function token(name: string): [string, string] {
  const match = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(CSS);
  if (!match?.[1] || !match[2]) throw new Error(`no light-dark() token --${name} in site.css`);
  return [match[1], match[2]];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light = 0, dark = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('claimant colours', () => {
  const count = [...CSS.matchAll(/--claimant-(\d+):/g)].length;

  test('there is one colour per marker shape', () => {
    expect(count).toBe(MARKER_SHAPES.length);
  });

  test.each(['bg', 'surface'])('each reaches 3:1 on --%s in both themes', (background) => {
    const [lightBg, darkBg] = token(background);
    for (let n = 1; n <= count; n++) {
      const [light, dark] = token(`claimant-${n}`);
      expect(contrast(light, lightBg), `--claimant-${n} light`).toBeGreaterThanOrEqual(3);
      expect(contrast(dark, darkBg), `--claimant-${n} dark`).toBeGreaterThanOrEqual(3);
    }
  });

  test('a colour too light fails', () => {
    expect(contrast('#8fc3ff', token('bg')[0])).toBeLessThan(3);
  });
});
