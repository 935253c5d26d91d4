import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext } from '../loaders/build-context.ts';
import { IMAGES_FOLDER } from '../model/pictures.ts';
import { type Picture, readPicture } from '../check/read-pictures.ts';
import { contentPath } from '../settings.ts';

/**
 * Writes the pictures actors show into the built site, at the same path under
 * the output folder (`images/…`). Each file is written from the bytes
 * `readPicture` has just checked, so only pictures reach the output. Returns
 * how many were written.
 */
export function writePictures(pictures: Iterable<Picture>, contentDir: string, outDir: string): number {
  let written = 0;
  for (const picture of pictures) {
    const read = readPicture(picture.path, contentDir);
    // The content check passed a moment ago; a file changed since is not published.
    if ('fault' in read) throw new Error(`${picture.src} ${read.fault.message} (${read.fault.fix})`);
    const target = join(outDir, picture.src);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, read.bytes);
    written++;
  }
  return written;
}

/** A URL path decoded, or as written when it is not valid percent-encoding (then it names no picture). */
function decodeOrKeep(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The dev server's handler for `<base>images/…`: it serves a picture an actor
 * shows, checked as it is read, and nothing else (other requests go on to
 * Astro, which answers 404). Names match exactly, case included, as on a host.
 */
export function servePictures(base: string, contentDir: string, pictures: () => ReadonlyMap<string, Picture>) {
  const prefix = `${base}${IMAGES_FOLDER}/`;
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const url = request.url?.split('?')[0] ?? '';
    const picture = url.startsWith(prefix)
      ? pictures().get(`${IMAGES_FOLDER}/${decodeOrKeep(url.slice(prefix.length))}`)
      : undefined;
    const read = picture && readPicture(picture.path, contentDir);
    if (read === undefined || 'fault' in read) {
      next();
      return;
    }
    response.setHeader('Content-Type', read.format.mime);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(read.bytes);
  };
}

/**
 * Actor pictures live with the story, in the content folder's `images/`. The
 * build writes the pictures actors show to `images/` in the output; `astro
 * dev` serves them from where they are. Only files the content check accepted
 * as pictures are published (see `src/check/read-pictures.ts`); pictures are
 * never loaded from another site.
 */
export default function contentImages(options: { base: string }): AstroIntegration {
  let root = process.cwd();
  const dir = () => contentPath(root);
  return {
    name: 'explainer:content-images',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(
          servePictures(options.base, dir(), () => buildContext({ contentDir: dir(), root }).content.pictures),
        );
      },
      'astro:build:done': ({ dir: out, logger }) => {
        let written: number;
        try {
          written = writePictures(
            buildContext({ contentDir: dir(), root }).content.pictures.values(),
            dir(),
            fileURLToPath(out),
          );
        } catch (error) {
          process.stderr.write(`\n${(error as Error).message}\nThe build is incomplete. Build again.\n`);
          process.exit(1);
        }
        if (written > 0) logger.info(`${written} picture${written === 1 ? '' : 's'} written to ${IMAGES_FOLDER}/`);
      },
    },
  };
}
