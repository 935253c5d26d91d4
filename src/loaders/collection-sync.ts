import type { LoaderContext } from 'astro/loaders';
import { isInside } from '../check/contained-path.ts';

/**
 * Runs a collection's `sync` once, then (in `astro dev`) again after every
 * change in its folder: a file added, saved, renamed or removed, or a link
 * changed. Every run lists the folder afresh, so a file added while the dev
 * server runs follows the same rules as at start. One run at a time: two
 * overlapping runs could finish in the wrong order and leave the store with
 * what a file held before the last save.
 */
export async function syncCollection(
  folder: string,
  context: Pick<LoaderContext, 'watcher' | 'logger'>,
  sync: () => Promise<void>,
): Promise<void> {
  await sync();
  const { watcher, logger } = context;
  if (!watcher) return;
  let running: Promise<void> | undefined;
  let again = false;
  const resync = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await sync();
        } catch (error) {
          // The content check reports the cause with file and line; keep the server running.
          logger.warn(`${folder}: not reloaded: ${(error as Error).message.split('\n')[0]}`);
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
  };
  watcher.add(folder);
  watcher.on('all', (_event, path) => {
    if (isInside(path, folder)) resync();
  });
}
