import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFolder } from '../check/code-version.ts';
import { FONT_PACKAGES } from './share-fonts.ts';
import type { ShareCard } from './share-image.ts';

type Png = Uint8Array<ArrayBuffer>;

/** The first bytes of every PNG: a cached file that lacks them is drawn again. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The folder of the drawing code: every file in it is part of the renderer version. */
const DRAWING_CODE = 'src/share';

/** The packages that draw a card: shaping, line breaks, bidi, rasterising, and the fonts. */
export const DRAWING_PACKAGES: readonly string[] = [
  'fontkit',
  'linebreak',
  'bidi-js',
  '@resvg/resvg-js',
  ...FONT_PACKAGES,
];

/** The folder of an installed package as Node finds it from `from` (the nearest `node_modules`), if any. */
function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * `name@version` of each package and of every package it depends on (optional
 * ones too, such as resvg's native binary, when installed), sorted: the
 * versions that decide a card's pixels, without reading the font files
 * themselves (the CJK packages are hundreds of MB).
 */
export function drawingPackageVersions(root: string, packages: readonly string[] = DRAWING_PACKAGES): string[] {
  const seen = new Map<string, string>();
  const visit = (name: string, from: string) => {
    const dir = packageDir(name, from);
    if (dir === undefined || seen.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version?: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    seen.set(dir, `${name}@${manifest.version ?? '?'}`);
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      visit(dependency, dir);
  };
  for (const name of packages) {
    if (packageDir(name, root) === undefined)
      throw new Error(`the package ${name} that draws share images is not installed`);
    visit(name, root);
  }
  return [...new Set(seen.values())].sort();
}

/**
 * What else decides a card's pixels besides the card: the drawing code (every
 * file of `src/share/`: layout, text shaping, font choice) and the versions of
 * the packages that draw (`drawingPackageVersions`). Read once per build.
 */
export function rendererVersion(root: string): string {
  const hash = createHash('sha256');
  hashFolder(hash, root, DRAWING_CODE);
  for (const version of drawingPackageVersions(root)) hash.update(`${version}\n`);
  return hash.digest('hex');
}

/**
 * Share images kept across builds, one PNG per card content: the file name is
 * a hash of the card and of the renderer (`rendererVersion`), so an unchanged
 * card is never drawn again (after a one-file edit, and on an empty `dist/`
 * with a warm cache) and a changed card, font or layout is never served an
 * old image. Lives in the build's keyed cache folder (`cachePath` in
 * `src/settings.ts`). A missing or unwritable folder only costs drawing.
 */
export class ShareImageCache {
  readonly #dir: string;
  readonly #renderer: string;
  /** File names asked for in this run: what `prune` keeps. */
  readonly #used = new Set<string>();

  /** `dir`: the folder of the PNGs; `renderer`: `rendererVersion()` of the drawing code. */
  constructor(dir: string, renderer: string) {
    this.#dir = dir;
    this.#renderer = renderer;
  }

  /** The file name of a card's image (and a note that this run uses it). */
  key(card: ShareCard): string {
    const name = `${createHash('sha256').update(this.#renderer).update('\0').update(JSON.stringify(card)).digest('hex').slice(0, 40)}.png`;
    this.#used.add(name);
    return name;
  }

  /** True when a card's image is cached (without reading it). */
  has(card: ShareCard): boolean {
    return existsSync(join(this.#dir, this.key(card)));
  }

  /** The cached image of a card, if there is a valid one. */
  get(card: ShareCard): Png | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.#dir, this.key(card)));
    } catch {
      return undefined;
    }
    if (!bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return undefined;
    const png = new Uint8Array(bytes.byteLength);
    png.set(bytes);
    return png;
  }

  /** Keeps a card's image, whole or not at all (a temporary file renamed): a stopped build leaves no half image. */
  put(card: ShareCard, png: Png): void {
    const file = join(this.#dir, this.key(card));
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(temporary, png);
      renameSync(temporary, file);
    } catch {
      // A full or read-only disk: the image is drawn again next time.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written
      }
    }
  }

  /** Deletes the images no card of this run asked for (edited or deleted cards), so the folder does not grow. */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const name of names) if (!this.#used.has(name)) rmSync(join(this.#dir, name), { force: true });
  }
}
