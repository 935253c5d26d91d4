import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ShareImageCache } from './share-cache.ts';
import { renderShareImage, type ShareCard } from './share-image.ts';

type Png = Uint8Array<ArrayBuffer>;

interface Job {
  card: ShareCard;
  /** The card as JSON: `draw` uses the worker's image only for the very same card. */
  json: string;
  state: 'queued' | 'drawing' | 'taken';
  promise: Promise<Png>;
  resolve: (png: Png) => void;
  reject: (error: Error) => void;
}

/**
 * Draws share images ahead of time on a pool of worker threads (`tinypool`),
 * so that the other cores draw PNGs while the main thread renders HTML pages.
 *
 * `prefetch` queues every card at the start of the build; the pool takes jobs
 * from the end of the queue, one per thread at a time, while Astro asks for
 * images from the start (`draw`). A job no thread has started yet is drawn on
 * the main thread at once, so a page never waits behind the queue, and `draw`
 * of a card that was never queued (live preview, an incremental rebuild) just
 * draws it. A worker that fails costs nothing but time: its job is drawn on
 * the main thread. The images are the same bytes whichever thread draws them.
 *
 * With a cache (`ShareImageCache`), a card whose image is cached is neither
 * queued nor drawn: `draw` reads the file. Every image drawn is kept there.
 */
export class ShareDrawer {
  readonly #jobs = new Map<string, Job>();
  readonly #queue: string[] = [];
  readonly #workerFile: string;
  readonly #threads: number;
  readonly #timeoutMs: number;
  readonly #cache: ShareImageCache | undefined;
  #pool: Tinypool | undefined;
  /** Set once a worker has crashed: the jobs it held and the rest of the queue are drawn here. */
  #broken = false;
  /** Jobs handed to the pool and not finished: at most one per thread, so each has started. */
  #running = 0;
  /** Images handed out, by who drew them (`fromCache`: read from the cache, not drawn). */
  readonly drawn = { byWorkers: 0, here: 0, fromCache: 0 };

  /**
   * `workerFile`: the worker module (it must exist: a drawer never silently
   * draws without workers); `threads`: the pool's size; `timeoutMs`: how long a
   * page waits for a worker's image before drawing it itself; `cache`: images
   * kept across builds.
   */
  constructor(workerFile: string, threads: number, timeoutMs = 60_000, cache?: ShareImageCache) {
    if (!existsSync(workerFile)) throw new Error(`the share image worker ${workerFile} does not exist`);
    this.#workerFile = workerFile;
    this.#threads = threads;
    this.#timeoutMs = timeoutMs;
    this.#cache = cache;
  }

  /** Stops the workers and forgets every job (the end of a build). */
  close(): void {
    void this.#pool?.destroy();
    this.#pool = undefined;
    this.#queue.length = 0;
    this.#jobs.clear();
  }

  /** Queues cards to be drawn by the workers, keyed for `draw`; cards already in the cache are skipped. */
  prefetch(cards: Iterable<[key: string, card: ShareCard]>): void {
    // Every card is looked up, so that the cache knows which images this build uses (`pruneCache`).
    const missing = [...cards].filter(([key, card]) => !this.#jobs.has(key) && this.#cache?.has(card) !== true);
    if (this.#threads < 1) return;
    for (const [key, card] of missing) {
      let resolve!: (png: Png) => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<Png>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Nobody may ever ask for it (an unchanged page in an incremental build): no unhandled rejection.
      promise.catch(() => undefined);
      this.#jobs.set(key, { card, json: JSON.stringify(card), state: 'queued', promise, resolve, reject });
      this.#queue.push(key);
    }
    this.#feed();
  }

  /**
   * The PNG of a card: the worker's if it has drawn or is drawing this very
   * card, otherwise drawn here and now; read from the cache when it is there.
   */
  async draw(key: string, card: ShareCard): Promise<Png> {
    const cached = this.#cache?.get(card);
    if (cached !== undefined) {
      this.#jobs.delete(key);
      this.drawn.fromCache++;
      return cached;
    }
    const png = await this.#drawOrTake(key, card);
    this.#cache?.put(card, png);
    return png;
  }

  /** Deletes cached images no card of this build asked for (see `ShareImageCache.prune`). */
  pruneCache(): void {
    this.#cache?.prune();
  }

  #drawOrTake(key: string, card: ShareCard): Promise<Png> {
    const job = this.#jobs.get(key);
    this.#jobs.delete(key);
    if (job === undefined || job.state === 'queued' || job.json !== JSON.stringify(card)) {
      if (job) job.state = 'taken';
      this.drawn.here++;
      return renderShareImage(card);
    }
    return withTimeout(job.promise, this.#timeoutMs).then(
      (png) => {
        this.drawn.byWorkers++;
        return png;
      },
      () => {
        this.drawn.here++;
        return renderShareImage(card);
      },
    );
  }

  /** Number of cards queued and not yet taken by a worker or by `draw`. */
  get pending(): number {
    let count = 0;
    for (const job of this.#jobs.values()) if (job.state === 'queued') count++;
    return count;
  }

  #startPool(): Tinypool {
    const pool = new Tinypool({
      filename: this.#workerFile,
      minThreads: 0,
      maxThreads: this.#threads,
      idleTimeout: 1000,
    });
    // A worker that crashes outside a task (it cannot even load) leaves its task unanswered:
    // give up on the pool; `draw` draws what it held and everything still queued.
    pool.on('error', (error: unknown) => {
      this.#broken = true;
      for (const job of this.#jobs.values())
        if (job.state === 'drawing') job.reject(error instanceof Error ? error : new Error(String(error)));
      void pool.destroy();
    });
    return pool;
  }

  /** Hands queued jobs to the pool, from the end of the queue, while a thread is free. */
  #feed(): void {
    while (this.#running < this.#threads && !this.#broken) {
      const key = this.#queue.pop();
      if (key === undefined) return;
      const job = this.#jobs.get(key);
      if (job?.state !== 'queued') continue;
      job.state = 'drawing';
      this.#running++;
      this.#pool ??= this.#startPool();
      this.#pool
        .run(job.card)
        .then(
          (png: Png) => job.resolve(png),
          (error: unknown) => job.reject(error instanceof Error ? error : new Error(String(error))),
        )
        .finally(() => {
          this.#running--;
          this.#feed();
        });
    }
  }
}

/** The promise's value, or a rejection once `ms` have passed (a worker that never answers). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no image from the worker within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The worker module next to this file: moving one without the other fails the build at once. */
export function shareWorkerFile(): string {
  return fileURLToPath(new URL('./share-worker.ts', import.meta.url));
}

/**
 * Worker threads to use for a cold build: every core but the one rendering
 * pages, which draws too (any card no worker has started), so every core
 * draws; no upper limit. One thread per core was slower (a third thread on
 * two cores competes with the page render).
 */
export function drawerSize(): number {
  return Math.max(1, availableParallelism() - 1);
}
