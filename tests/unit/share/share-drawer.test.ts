import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ShareDrawer, shareWorkerFile } from '../../../src/share/share-drawer.ts';
import { renderShareImage, type ShareCard } from '../../../src/share/share-image.ts';

const WORKER = shareWorkerFile();

function card(n: number): ShareCard {
  return {
    label: 'Person',
    title: `Actor number ${n}`,
    subtitle: 'A role held at the time',
    site: 'Explainer · example.org',
  };
}

describe('share drawer', () => {
  test('images drawn by the worker are byte-identical to images drawn on the main thread', async () => {
    const drawer = new ShareDrawer(WORKER, 1);
    const cards = [1, 2, 3, 4, 5, 6].map((n) => [`actors/a${n}`, card(n)] as [string, ShareCard]);
    drawer.prefetch(cards);
    // The worker takes jobs from the end of the queue: wait until it has finished one (slow machines included).
    const deadline = Date.now() + 20_000;
    while (drawer.pending > cards.length - 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    for (const [key, value] of cards) {
      const png = await drawer.draw(key, value);
      expect(Buffer.from(png).equals(Buffer.from(await renderShareImage(value)))).toBe(true);
    }
    expect(drawer.drawn.byWorkers).toBeGreaterThan(0);
    expect(drawer.drawn.byWorkers + drawer.drawn.here).toBe(cards.length);
    expect(drawer.pending).toBe(0);
    drawer.close();
  }, 30_000);

  test('a card asked for before any worker took it is drawn at once on the main thread', async () => {
    const drawer = new ShareDrawer(WORKER, 1);
    const cards = Array.from({ length: 20 }, (_, n) => [`actors/b${n}`, card(n)] as [string, ShareCard]);
    drawer.prefetch(cards);
    const [key, value] = cards[0]!;
    await drawer.draw(key, value);
    expect(drawer.drawn.here).toBe(1);
    drawer.close();
  }, 30_000);

  test('a card that changed since it was queued is drawn again, never taken from the queue', async () => {
    const drawer = new ShareDrawer(WORKER, 1);
    drawer.prefetch([['actors/e', card(1)]]);
    const changed = { ...card(1), title: 'A different name' };
    const png = await drawer.draw('actors/e', changed);
    expect(Buffer.from(png).equals(Buffer.from(await renderShareImage(changed)))).toBe(true);
    expect(drawer.drawn).toEqual({ byWorkers: 0, here: 1, fromCache: 0 });
    drawer.close();
  }, 30_000);

  test('a worker that never answers costs only the timeout: the card is drawn on the main thread', async () => {
    const drawer = new ShareDrawer(join(import.meta.dirname, '../../fixtures/workers/silent.mjs'), 1, 300);
    drawer.prefetch([['actors/f', card(1)]]);
    const png = await drawer.draw('actors/f', card(1));
    expect(Buffer.from(png).equals(Buffer.from(await renderShareImage(card(1))))).toBe(true);
    expect(drawer.drawn).toEqual({ byWorkers: 0, here: 1, fromCache: 0 });
    drawer.close();
  }, 30_000);

  test('the worker module is found next to the drawer, and a missing one fails at once', () => {
    expect(existsSync(WORKER)).toBe(true);
    expect(() => new ShareDrawer('/nonexistent/share-worker.ts', 1)).toThrow(
      '/nonexistent/share-worker.ts does not exist',
    );
  });

  test('a worker that cannot start costs only time: its cards are drawn on the main thread', async () => {
    const drawer = new ShareDrawer(join(import.meta.dirname, '../../fixtures/workers/broken.mjs'), 1);
    const cards = [1, 2, 3].map((n) => [`actors/d${n}`, card(n)] as [string, ShareCard]);
    drawer.prefetch(cards);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const [key, value] of cards) expect((await drawer.draw(key, value)).byteLength).toBeGreaterThan(1000);
    expect(drawer.drawn.byWorkers).toBe(0);
    drawer.close();
  }, 30_000);
});
