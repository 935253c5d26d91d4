/**
 * Page budgets on the built fixture story (the build site.test.ts shares, so an
 * editor's paragraph in content/ cannot fail them): every article, actor,
 * statement and figure page stays light. Sizes are raw bytes on disk (before
 * compression), counting everything the page loads: the HTML, its stylesheets
 * and inline styles, its scripts and every module they import.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, FIXTURE_SETTINGS, fixtureBuild } from '../helpers/build.ts';

const KB = 1024;
const BUDGET = { articleHtml: 60 * KB, css: 20 * KB, js: 10 * KB };
const SECTIONS = ['articles', 'actors', 'statements', 'figures'] as const;
const SITE = FIXTURE_SETTINGS.SITE_URL;

let build: BuildResult;
const rows: { path: string; html: number; css: number; js: number; gzip: number }[] = [];

/** A URL or path the page refers to, as a file in the build; undefined for other origins. */
function localFile(outDir: string, from: string, ref: string): string | undefined {
  const url = new URL(ref, `${SITE}${from}`);
  if (url.origin !== SITE) return undefined;
  const path = decodeURIComponent(url.pathname);
  return join(outDir, path.endsWith('/') ? `${path}index.html` : path);
}

/** Bytes of a script file and every module it imports, each counted once. */
function scriptBytes(file: string, seen: Set<string>): number {
  if (seen.has(file) || !existsSync(file)) return 0;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  let total = Buffer.byteLength(text);
  for (const match of text.matchAll(
    /(?:import|export)\s*(?:[^'"`;]*?\bfrom\s*)?["']([^"']+\.m?js)["']|import\(\s*["']([^"']+\.m?js)["']\s*\)/g,
  )) {
    const spec = match[1] ?? match[2];
    if (spec && (spec.startsWith('.') || spec.startsWith('/')))
      total += scriptBytes(resolve(dirname(file), spec), seen);
  }
  return total;
}

/** Every page of a section: `/actors/x/`. */
function pagesOf(outDir: string, section: string): string[] {
  const dir = join(outDir, section);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'index.html')))
    .sort()
    .map((name) => `/${section}/${name}/`);
}

const attr = (element: Element, name: string) => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
};

function measure(outDir: string, path: string) {
  const file = join(outDir, path, 'index.html');
  const html = readFileSync(file, 'utf8');
  const tree: Root = fromHtml(html);
  let css = selectAll('style', tree).reduce((n, s) => n + Buffer.byteLength(textOf(s)), 0);
  const cssFiles = new Set<string>();
  for (const link of selectAll('link[rel~=stylesheet][href]', tree)) {
    const target = localFile(outDir, path, attr(link, 'href')!);
    if (target && !cssFiles.has(target) && existsSync(target)) {
      cssFiles.add(target);
      css += readFileSync(target).length;
    }
  }
  const seen = new Set<string>();
  let js = 0;
  for (const script of selectAll('script', tree)) {
    const type = attr(script, 'type');
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON-LD and other data blocks
    const src = attr(script, 'src');
    if (src) {
      const target = localFile(outDir, path, src);
      if (target) js += scriptBytes(target, seen);
    } else {
      js += Buffer.byteLength(textOf(script));
    }
  }
  return { tree, html: Buffer.byteLength(html), css, js, gzip: gzipSync(html).length };
}

beforeAll(() => {
  build = fixtureBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
});

afterAll(() => {
  if (rows.length > 0) {
    const k = (n: number) => `${(n / KB).toFixed(1)} KB`;
    console.log(
      `Page budgets (raw bytes):\n${rows.map((r) => `  ${r.path}: HTML ${k(r.html)} (gzip ${k(r.gzip)}), CSS ${k(r.css)}, JS ${k(r.js)}`).join('\n')}`,
    );
  }
});

describe('page budgets on the fixture story', () => {
  for (const section of SECTIONS) {
    test(`${section} pages: HTML, CSS and JavaScript within budget, nothing from another origin, images sized and lazy`, () => {
      const paths = pagesOf(build.outDir, section);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const { tree, html, css, js, gzip } = measure(build.outDir, path);
        rows.push({ path, html, css, js, gzip });
        if (section === 'articles') expect(html, `${path} HTML`).toBeLessThan(BUDGET.articleHtml);
        expect(css, `${path} CSS`).toBeLessThan(BUDGET.css);
        expect(js, `${path} JS`).toBeLessThan(BUDGET.js);

        // Resources the page loads by itself: all from the site.
        const loaded = [
          ...selectAll('script[src]', tree).map((e) => attr(e, 'src')),
          ...selectAll('link[href]', tree)
            .filter((e) =>
              /\b(stylesheet|preload|modulepreload|icon|prefetch|preconnect|dns-prefetch|manifest)\b/.test(
                attr(e, 'rel') ?? '',
              ),
            )
            .map((e) => attr(e, 'href')),
          ...selectAll('img[src], iframe[src], video[src], audio[src], source[src], embed[src]', tree).map((e) =>
            attr(e, 'src'),
          ),
          ...selectAll('img[srcset], source[srcset]', tree).flatMap((e) =>
            (attr(e, 'srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]),
          ),
        ].filter((ref): ref is string => Boolean(ref));
        for (const ref of loaded) {
          expect(
            ref.startsWith('data:') || localFile(build.outDir, path, ref) !== undefined,
            `${path} loads ${ref} from another origin`,
          ).toBe(true);
        }
        for (const style of selectAll('style', tree))
          expect(textOf(style), `${path} inline style imports`).not.toMatch(/@import\s+url\(\s*["']?https?:/);

        for (const img of selectAll('img', tree)) {
          const what = `${path} <img src="${attr(img, 'src')}">`;
          expect(attr(img, 'width'), `${what} width`).toMatch(/^\d+$/);
          expect(attr(img, 'height'), `${what} height`).toMatch(/^\d+$/);
          expect(attr(img, 'loading'), `${what} loading`).toBe('lazy');
        }
      }
    });
  }
});
