import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ContentCheck } from '../../../src/check/check-content.ts';
import {
  BuildContext,
  buildContext,
  closeBuildContext,
  type Drawer,
  findBuildContext,
  openBuildContext,
} from '../../../src/loaders/build-context.ts';
import type { BodyRefs } from '../../../src/model/content-set.ts';

const NO_REFS: BodyRefs = { citations: [], mentions: [], statements: [], figures: [], timelines: [], problems: [] };

/** A content check that counts its runs; its one body is `articles/a.mdx`. */
function counted(): { check: () => ContentCheck; runs: () => number } {
  let runs = 0;
  const check = (): ContentCheck => {
    runs++;
    const refs = { ...NO_REFS, mentions: [{ id: `run-${runs}`, line: 3, column: 1 }] };
    return {
      set: { articles: [], actors: [], figures: [], statements: [], sources: [], events: [] },
      problems: [],
      pictures: new Map(),
      bodies: new Map([['articles/a.mdx', { body: '\nText <Actor id="x" />\n', refs }]]),
      site: {},
    };
  };
  return { check, runs: () => runs };
}

function drawer(): Drawer & { closed: number } {
  return {
    closed: 0,
    drawn: { byWorkers: 0, here: 0, fromCache: 0 },
    prefetch: () => undefined,
    pruneCache: () => undefined,
    draw: () => Promise.resolve(new Uint8Array(0)),
    close() {
      this.closed++;
    },
  };
}

function context(check: () => ContentCheck, draw: Drawer = drawer()): BuildContext {
  return new BuildContext({ contentDir: '/story/content', root: '/story', check, drawer: draw });
}

describe('build context', () => {
  test('checks once, and again only after a change', () => {
    const { check, runs } = counted();
    const ctx = context(check);
    expect(runs()).toBe(0);
    const first = ctx.content;
    expect(ctx.content).toBe(first);
    expect(runs()).toBe(1);
    ctx.markChanged();
    expect(ctx.content).not.toBe(first);
    expect(runs()).toBe(2);
  });

  test('a derived value is made once per check', () => {
    const { check } = counted();
    const ctx = context(check);
    let made = 0;
    const make = (content: ContentCheck) => {
      made++;
      return content.bodies.size;
    };
    expect([ctx.derive(make), ctx.derive(make)]).toEqual([1, 1]);
    expect(made).toBe(1);
    ctx.markChanged();
    ctx.derive(make);
    expect(made).toBe(2);
  });

  test('body references come from the check only for the same text', () => {
    const { check } = counted();
    const ctx = context(check);
    expect(ctx.checkedRefs('articles/a.mdx', '\nText <Actor id="x" />\n')?.mentions[0]?.id).toBe('run-1');
    expect(ctx.checkedRefs('articles/a.mdx', 'Other text')).toBeUndefined();
    // The loader stores the body exactly as the check read it: any other text is parsed again.
    expect(ctx.checkedRefs('articles/a.mdx', 'Text <Actor id="x" />')).toBeUndefined();
    expect(ctx.checkedRefs('articles/b.mdx', 'Text <Actor id="x" />')).toBeUndefined();
  });

  test('one handle: opening a context closes the previous one, closing stops its drawer', () => {
    const firstDrawer = drawer();
    const first = openBuildContext(context(counted().check, firstDrawer));
    expect(buildContext({ contentDir: '/story/content', root: '/story/' })).toBe(first);
    expect(() => buildContext({ contentDir: '/other/content', root: '/story' })).toThrow('/story/content');
    const secondDrawer = drawer();
    const second = openBuildContext(context(counted().check, secondDrawer));
    expect(firstDrawer.closed).toBe(1);
    expect(findBuildContext()).toBe(second);
    closeBuildContext();
    expect(secondDrawer.closed).toBe(1);
    expect(findBuildContext()).toBeUndefined();
    expect(() => buildContext()).toThrow('no build context is open');
  });
});

const SRC = resolve(import.meta.dirname, '../../../src');
/** Module state outside the build context, with why it may stay. */
const ALLOWED = new Map([
  // The one handle on the build context.
  ['loaders/build-context.ts', /globalThis|Symbol\.for\('explainer\.build-context'\)/],
  // Read-only: the bundled font files, the same in every run.
  ['share/share-image.ts', /^let fonts:/],
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'scripts' ? [] : sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

test('no module-level mutable state in src/ outside the build context', () => {
  const found: string[] = [];
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path);
    const text = readFileSync(path, 'utf8');
    // In an .astro file the frontmatter runs per render: only a <script> could hold state.
    const code = file.endsWith('.astro') ? '' : text;
    for (const line of code.split('\n')) {
      const match = /^(?:export )?(let |var )|Symbol\.for\(|globalThis/.exec(line);
      if (match === null) continue;
      const allowed = ALLOWED.get(file);
      if (allowed?.test(line.trim())) continue;
      found.push(`${file}: ${line.trim()}`);
    }
  }
  expect(found).toEqual([]);
});
