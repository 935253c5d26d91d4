import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  DRAWING_PACKAGES,
  drawingPackageVersions,
  rendererVersion,
  ShareImageCache,
} from '../../../src/share/share-cache.ts';
import { ShareDrawer, shareWorkerFile } from '../../../src/share/share-drawer.ts';
import { FONT_PACKAGES } from '../../../src/share/share-fonts.ts';
import { renderShareImage, type ShareCard } from '../../../src/share/share-image.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORKER = shareWorkerFile();
const work = mkdtempSync(join(tmpdir(), 'explainer-share-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const card = (title: string): ShareCard => ({
  label: 'Person',
  title,
  subtitle: 'A role held at the time',
  site: 'Explainer · example.org',
});
let folders = 0;
const folder = () => join(work, `cache-${++folders}`);

describe('share image cache', () => {
  test('an image drawn once is read back by the next build, byte for byte, without drawing', async () => {
    const dir = folder();
    const renderer = rendererVersion(ROOT);
    // No threads: every image the drawer hands out is drawn here or read from the cache.
    const first = new ShareDrawer(WORKER, 0, undefined, new ShareImageCache(dir, renderer));
    const drawn = await first.draw('actors/a', card('Ines Marlow'));
    expect(first.drawn).toEqual({ byWorkers: 0, here: 1, fromCache: 0 });
    const second = new ShareDrawer(WORKER, 0, undefined, new ShareImageCache(dir, renderer));
    const read = await second.draw('actors/a', card('Ines Marlow'));
    expect(second.drawn).toEqual({ byWorkers: 0, here: 0, fromCache: 1 });
    expect(Buffer.from(read).equals(Buffer.from(drawn))).toBe(true);
    expect(Buffer.from(read).equals(Buffer.from(await renderShareImage(card('Ines Marlow'))))).toBe(true);
  }, 30_000);

  test('a changed card, or another renderer, is drawn again', async () => {
    const dir = folder();
    const png = await renderShareImage(card('Dana Okafor'));
    new ShareImageCache(dir, 'renderer 1').put(card('Dana Okafor'), png);
    expect(new ShareImageCache(dir, 'renderer 1').get(card('Dana Okafor'))).toBeDefined();
    expect(new ShareImageCache(dir, 'renderer 1').get(card('Dana Okafor (edited)'))).toBeUndefined();
    expect(new ShareImageCache(dir, 'renderer 2').get(card('Dana Okafor'))).toBeUndefined();
    expect(
      new ShareImageCache(dir, 'renderer 1').get({ ...card('Dana Okafor'), site: 'Another site' }),
    ).toBeUndefined();
  }, 30_000);

  test('the renderer version names the drawing packages, their dependencies and every font package, with versions', () => {
    const versions = drawingPackageVersions(ROOT);
    for (const name of ['fontkit', 'linebreak', 'bidi-js', '@resvg/resvg-js', ...FONT_PACKAGES])
      expect(versions.some((version) => version.startsWith(`${name}@`))).toBe(true);
    expect(FONT_PACKAGES).toContain('@fontsource/noto-sans-sc');
    expect(DRAWING_PACKAGES).toEqual(expect.arrayContaining([...FONT_PACKAGES]));
    // Dependencies count too: fontkit shapes with restructure and unicode-trie.
    expect(versions.some((version) => version.startsWith('unicode-trie@'))).toBe(true);
    expect(rendererVersion(ROOT)).toBe(rendererVersion(ROOT));
    expect(rendererVersion(ROOT)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the renderer version changes with any file of src/share and with a drawing package version', () => {
    const root = join(work, 'project');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    for (const name of DRAWING_PACKAGES)
      write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.0.0' }));
    write('node_modules/unicode-trie/package.json', JSON.stringify({ version: '2.0.0' }));
    write('src/share/text-layout.ts', 'layout 1');
    write('src/share/share-fonts.ts', 'fonts 1');
    write('src/site/other.ts', 'not drawing code');
    const seen = new Set([rendererVersion(root)]);
    const changes: [string, string][] = [
      ['src/share/text-layout.ts', 'layout 2'],
      ['src/share/share-fonts.ts', 'fonts 2'],
      ['src/share/new-shaper.ts', 'a new file'],
      ['node_modules/fontkit/package.json', JSON.stringify({ version: '1.0.1' })],
      ['node_modules/@fontsource/noto-sans-kr/package.json', JSON.stringify({ version: '5.3.1' })],
      [
        'node_modules/linebreak/package.json',
        JSON.stringify({ version: '1.0.0', dependencies: { 'unicode-trie': '^2' } }),
      ],
      ['node_modules/unicode-trie/package.json', JSON.stringify({ version: '2.0.1' })],
    ];
    for (const [path, text] of changes) {
      write(path, text);
      const version = rendererVersion(root);
      expect(seen.has(version), path).toBe(false);
      seen.add(version);
    }
    write('src/site/other.ts', 'changed, but not drawing code');
    expect(seen.has(rendererVersion(root))).toBe(true);
    // A drawing package that is not installed is an error, not a version that silently stays the same.
    rmSync(join(root, 'node_modules/bidi-js'), { recursive: true });
    expect(() => rendererVersion(root)).toThrow(/bidi-js/);
  });

  test('the renderer version reads no font file (the CJK packages are hundreds of MB)', () => {
    const root = join(work, 'no-fonts');
    cpSync(join(ROOT, 'src/share'), join(root, 'src/share'), { recursive: true });
    for (const name of DRAWING_PACKAGES) {
      mkdirSync(join(root, 'node_modules', name, 'files'), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '5.0.0' }));
      writeFileSync(join(root, 'node_modules', name, 'files', 'font.woff'), 'font 1');
    }
    const before = rendererVersion(root);
    for (const name of FONT_PACKAGES) writeFileSync(join(root, 'node_modules', name, 'files', 'font.woff'), 'font 2');
    expect(rendererVersion(root)).toBe(before);
  });

  test('a file that is not a PNG is not served', () => {
    const dir = folder();
    const cache = new ShareImageCache(dir, 'r');
    cache.put(card('x'), new Uint8Array([1, 2, 3]));
    expect(cache.get(card('x'))).toBeUndefined();
    writeFileSync(join(dir, cache.key(card('y'))), '');
    expect(cache.get(card('y'))).toBeUndefined();
  });

  test('prefetch queues only uncached cards; prune keeps only the images this build asked for', async () => {
    const dir = folder();
    const png = await renderShareImage(card('kept'));
    const before = new ShareImageCache(dir, 'r');
    before.put(card('kept'), png);
    before.put(card('gone'), png);
    const cache = new ShareImageCache(dir, 'r');
    const drawer = new ShareDrawer(WORKER, 1, undefined, cache);
    drawer.prefetch([['actors/kept', card('kept')]]);
    expect(drawer.pending).toBe(0);
    drawer.pruneCache();
    drawer.close();
    expect(readdirSync(dir)).toEqual([cache.key(card('kept'))]);
  }, 30_000);

  test('an unwritable folder only costs drawing', async () => {
    // A folder that cannot exist: its parent is a file.
    writeFileSync(join(work, 'a-file'), '');
    const cache = new ShareImageCache(join(work, 'a-file', 'share-images'), 'r');
    const drawer = new ShareDrawer(WORKER, 0, undefined, cache);
    expect((await drawer.draw('actors/z', card('z'))).byteLength).toBeGreaterThan(1000);
    expect(cache.get(card('z'))).toBeUndefined();
  }, 30_000);
});
