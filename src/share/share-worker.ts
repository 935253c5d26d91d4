import { parentPort } from 'node:worker_threads';
import { renderShareImage, type ShareCard } from './share-image.ts';

/**
 * A worker thread that draws share images for `share-drawer.ts`: it receives
 * `{ id, card }` and answers `{ id, png }` (the buffer is transferred) or
 * `{ id, error }`. Loaded by Node directly (type stripping), not bundled.
 */
parentPort?.on('message', async ({ id, card }: { id: number; card: ShareCard }) => {
  try {
    const png = await renderShareImage(card);
    parentPort?.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
