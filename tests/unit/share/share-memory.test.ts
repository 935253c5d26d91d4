import { describe, expect, test } from 'vitest';
import { ShareDrawer, shareWorkerFile } from '../../../src/share/share-drawer.ts';
import { renderShareImage, type ShareCard } from '../../../src/share/share-image.ts';

/** Every card different, as in a build: a name and a role. */
function card(n: number): ShareCard {
  return {
    label: 'Person',
    title: `Actor number ${n} of the council`,
    subtitle: `Member of committee ${n % 7} since ${2000 + (n % 25)}`,
    site: 'Explainer · example.org',
  };
}

/** Bytes of a 1200×630 RGBA image: what resvg holds in native memory for each card until Node frees it. */
const IMAGE_BYTES = 1200 * 630 * 4;

describe('drawing share images keeps no memory of the cards drawn before', () => {
  test('drawing a card ends after a turn of the event loop, where Node frees the native memory of earlier images', async () => {
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    await renderShareImage(card(0));
    expect(turned).toBe(true);
  });

  test('a worker drawing card after card grows by much less than one image a card', async () => {
    const drawer = new ShareDrawer(shareWorkerFile(), 1);
    /** Queues cards `[from, to)`, lets the worker draw them all, and takes every image. */
    const drawAll = async (from: number, to: number) => {
      const cards = Array.from({ length: to - from }, (_, i): [string, ShareCard] => [
        `actors/m${from + i}`,
        card(from + i),
      ]);
      drawer.prefetch(cards);
      // Wait until the worker has started every card (slow machines included), then take the images.
      const deadline = Date.now() + 60_000;
      while (drawer.pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      for (const [key, value] of cards) await drawer.draw(key, value);
    };
    // The first cards load the worker's fonts: measure after them.
    await drawAll(0, 10);
    const before = process.memoryUsage().rss;
    const count = 60;
    await drawAll(10, 10 + count);
    // Measured before the idle worker stops (which would free whatever it kept).
    const growth = process.memoryUsage().rss - before;
    drawer.close();
    expect(drawer.drawn.byWorkers).toBe(10 + count);
    // Keeping every image would grow by at least IMAGE_BYTES a card; drawing grows the JavaScript heap a little.
    expect(growth / count).toBeLessThan(IMAGE_BYTES / 3);
  }, 120_000);
});
