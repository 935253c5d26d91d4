// The styles are direction-neutral, so a page with dir="rtl" mirrors by itself: no
// property or value names a physical left or right side (write margin-inline-start,
// padding-inline-end, border-inline-start, inset-inline-start, text-align: start …). A
// rare justified exception carries a comment `/* physical: why */` just before it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import postcss, { type Declaration } from 'postcss';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/** Properties with a side in their name: `left`, `margin-right`, `border-top-left-radius`, `scroll-padding-left` … */
const PHYSICAL_PROPERTY = /(^|-)(left|right)(-|$)/;
/** Properties whose value may be a side. */
const SIDE_VALUES = new Set([
  'text-align',
  'text-align-last',
  'float',
  'clear',
  'caption-side',
  'justify-self',
  'justify-items',
]);
/** Shorthands of four sides (top right bottom left): physical when right and left differ. */
const FOUR_SIDES = /^(margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)$/;
/** The comment that allows the declaration after it. */
const ALLOW = /^physical:\s*\S/;

/** Every physical declaration of a stylesheet, as `line: property: value`, except those allowed by a comment. */
function physicalDeclarations(css: string): string[] {
  const found: string[] = [];
  postcss.parse(css).walkDecls((decl: Declaration) => {
    const previous = decl.prev();
    if (previous?.type === 'comment' && ALLOW.test(previous.text)) return;
    const property = decl.prop.toLowerCase();
    const value = decl.value.toLowerCase();
    const words = postcss.list.space(value);
    const physical =
      (!property.startsWith('--') && PHYSICAL_PROPERTY.test(property)) ||
      (SIDE_VALUES.has(property) && words.some((word) => word === 'left' || word === 'right')) ||
      (FOUR_SIDES.test(property) && words.length === 4 && words[1] !== words[3]) ||
      (property === 'border-radius' && new Set(value.split('/').flatMap((part) => postcss.list.space(part))).size > 1);
    if (physical) found.push(`${decl.source?.start?.line ?? 0}: ${decl.prop}: ${decl.value}`);
  });
  return found;
}

/** The stylesheets of the site and the `<style>` blocks of its components, layouts and pages. */
function styleSources(): { name: string; css: string }[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return files(SRC).flatMap((path) => {
    const name = relative(SRC, path);
    if (path.endsWith('.css')) return [{ name, css: readFileSync(path, 'utf8') }];
    if (!path.endsWith('.astro')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => ({
      name,
      css: match[1] ?? '',
    }));
  });
}

describe('styles are written with logical properties', () => {
  test('no stylesheet or <style> block names a left or right side', () => {
    const sources = styleSources();
    expect(sources.some((source) => source.name === 'styles/site.css')).toBe(true);
    const found = sources.flatMap(({ name, css }) => physicalDeclarations(css).map((line) => `${name}:${line}`));
    expect(found).toEqual([]);
  });

  test('catches each kind of physical declaration, and lets a commented exception through', () => {
    const css = `
      a { margin-left: 1rem; padding-right: 0; left: 0; border-top-right-radius: 2px; }
      b { text-align: right; float: left; padding: 0 1rem 0 2rem; border-radius: 4px 0 0 4px; }
      c { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; padding: 0 1rem; margin: 1px 2px 3px 2px; border-radius: 4px; --left: 1px; }
      d { /* physical: the logo is drawn facing right in every language */ margin-right: 1rem; }
      e { /* any other comment */ margin-right: 1rem; }
    `;
    expect(physicalDeclarations(css).map((line) => line.replace(/^\d+: /, ''))).toEqual([
      'margin-left: 1rem',
      'padding-right: 0',
      'left: 0',
      'border-top-right-radius: 2px',
      'text-align: right',
      'float: left',
      'padding: 0 1rem 0 2rem',
      'border-radius: 4px 0 0 4px',
      'margin-right: 1rem',
    ]);
  });
});
