import type { AstroIntegration } from 'astro';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPath } from '../settings.ts';

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

/**
 * Actor pictures live with the story, in the content folder's `images/`. The
 * build copies that folder to `images/` in the output; `astro dev` serves it
 * from where it is. Pictures are never loaded from another site.
 */
export default function contentImages(options: { base: string }): AstroIntegration {
  let images = '';
  return {
    name: 'explainer:content-images',
    hooks: {
      'astro:config:setup': ({ config }) => {
        images = join(contentPath(fileURLToPath(config.root)), 'images');
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${options.base}images/`;
        server.middlewares.use((request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          if (!url.startsWith(prefix)) return next();
          const file = normalize(join(images, decodeURIComponent(url.slice(prefix.length))));
          const type = TYPES[extname(file).toLowerCase()];
          if (!file.startsWith(images + sep) || !type || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('content-type', type);
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!existsSync(images)) return;
        cpSync(images, join(fileURLToPath(dir), 'images'), { recursive: true });
        logger.info('content images copied to images/');
      },
    },
  };
}
