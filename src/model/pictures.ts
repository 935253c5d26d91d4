import { z } from 'astro/zod';

/**
 * The pictures the site publishes from the content folder's `images/`: JPEG,
 * PNG, WebP, AVIF and GIF, recognised by their first bytes. Nothing else is
 * copied or served (no SVG, which can carry scripts; no HTML or JavaScript,
 * which would run under the site's own Content-Security-Policy).
 *
 * The formats are told apart by a table of signatures rather than a detection
 * library: five fixed byte patterns from the formats' specifications, checked
 * synchronously (the content check is synchronous) and without dependencies.
 */

/** The folder of the content folder that holds pictures; `image.src` starts with it, and the site serves them under it. */
export const IMAGES_FOLDER = 'images';

/** The largest picture published, in bytes: a portrait needs far less. */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** A picture format the site publishes. */
export interface PictureFormat {
  /** Name shown to editors. */
  name: string;
  /** Content-Type it is served with. */
  mime: string;
  /** File name endings for it, lowercase; the first is the usual one. */
  extensions: readonly string[];
  /** True when a file's first bytes are this format's signature. */
  matches: (head: Uint8Array) => boolean;
}

/** True when `bytes` at `offset` are the ASCII (or byte) values of `signature`. */
function startsWith(bytes: Uint8Array, signature: string | readonly number[], offset = 0): boolean {
  const values = typeof signature === 'string' ? [...signature].map((c) => c.charCodeAt(0)) : signature;
  return bytes.length >= offset + values.length && values.every((value, i) => bytes[offset + i] === value);
}

/** The brands of an ISO media file's leading `ftyp` box (major brand, then compatible brands). */
function ftypBrands(bytes: Uint8Array): string[] {
  if (!startsWith(bytes, 'ftyp', 4)) return [];
  const size = Math.min(
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0),
    bytes.length,
  );
  const brand = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const brands = size >= 12 ? [brand(8)] : [];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(brand(at));
  return brands;
}

/** The formats, with their signatures. */
export const PICTURE_FORMATS: readonly PictureFormat[] = [
  {
    name: 'JPEG',
    mime: 'image/jpeg',
    extensions: ['.jpg', '.jpeg'],
    matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  {
    name: 'PNG',
    mime: 'image/png',
    extensions: ['.png'],
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    name: 'WebP',
    mime: 'image/webp',
    extensions: ['.webp'],
    matches: (b) => startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8),
  },
  {
    name: 'AVIF',
    mime: 'image/avif',
    extensions: ['.avif'],
    matches: (b) => ftypBrands(b).some((brand) => brand === 'avif' || brand === 'avis'),
  },
  {
    name: 'GIF',
    mime: 'image/gif',
    extensions: ['.gif'],
    matches: (b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a'),
  },
];

/** How many leading bytes tell the formats apart (an AVIF's `ftyp` box lists its brands in the first few dozen). */
export const SIGNATURE_BYTES = 64;

/** The format a file's first bytes show, if it is one the site publishes. */
export function pictureFormat(head: Uint8Array): PictureFormat | undefined {
  return PICTURE_FORMATS.find((format) => format.matches(head));
}

/** The extension of a file name, lowercase, with its dot; empty when there is none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

const ALLOWED = PICTURE_FORMATS.map((format) => format.name).join(', ');

/** What is wrong with a file as a published picture, and its fix. */
export interface PictureFault {
  message: string;
  fix: string;
}

/**
 * Checks a file in `images/` by its name, size and first bytes: a picture in
 * one of the published formats, named with that format's extension, no larger
 * than `MAX_PICTURE_BYTES`. Returns the format, or what is wrong.
 */
export function checkPicture(
  name: string,
  size: number,
  head: Uint8Array,
): { format: PictureFormat } | { fault: PictureFault } {
  const ext = extensionOf(name);
  if (ext === '.svg' || ext === '.svgz') {
    return {
      fault: {
        message: 'the file is an SVG drawing; SVG can carry scripts, so the site publishes none',
        fix: `save the picture as PNG or WebP (${ALLOWED} are published)`,
      },
    };
  }
  const format = pictureFormat(head);
  if (format === undefined) {
    const named = PICTURE_FORMATS.find((f) => f.extensions.includes(ext));
    return {
      fault: named
        ? {
            message: `the file is named like a ${named.name} picture, but its content is not one`,
            fix: `save it again as a real ${named.name} picture, or remove it`,
          }
        : {
            message: `the file is not a picture (${ALLOWED} are published from ${IMAGES_FOLDER}/, nothing else)`,
            fix: `remove it from ${IMAGES_FOLDER}/: keep other files outside the content folder`,
          },
    };
  }
  if (!format.extensions.includes(ext)) {
    return {
      fault: {
        message: `the file is a ${format.name} picture, but named ${ext ? `with ${ext}` : 'without an extension'}; hosts would send it with the wrong type`,
        fix: `rename it to end with ${format.extensions[0]}`,
      },
    };
  }
  if (size > MAX_PICTURE_BYTES) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    return {
      fault: {
        message: `the picture is ${mb(size)} MB, more than the ${mb(MAX_PICTURE_BYTES)} MB allowed`,
        fix: 'make it smaller (a portrait needs well under 1 MB: resize it, or save it as WebP)',
      },
    };
  }
  return { format };
}

/** The extensions a picture may have, for `image.src` patterns: `jpe?g|png|…`, lowercase. */
export const PICTURE_EXTENSIONS: readonly string[] = PICTURE_FORMATS.flatMap((format) =>
  format.extensions.map((ext) => ext.slice(1)),
);

/**
 * The shape of a picture's path (`image.src`, a publisher's `logo`): a path
 * under `images/` whose parts start with a letter, digit, `_` or `-`, ending
 * with a picture's extension. That the file exists under exactly this name
 * and is a picture is the content check's to say.
 */
const IMAGE_SRC = new RegExp(
  `^${IMAGES_FOLDER}\\/[A-Za-z0-9_-][A-Za-z0-9._-]*(\\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\\.(${PICTURE_EXTENSIONS.join('|')})$`,
  'i',
);

/** A picture file in the content folder's `images/`: `images/jane-doe.jpg`. Served from the site itself, never from another site. */
export const pictureSrc = z
  .string({ error: 'must be the path of an image file, such as images/jane-doe.jpg' })
  .regex(IMAGE_SRC, {
    error:
      'must be the path of an image file in the content folder, such as images/jane-doe.jpg (pictures from other sites are not loaded, so readers make no request to a third party)',
  });
