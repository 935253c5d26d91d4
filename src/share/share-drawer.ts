import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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
 * Draws share images ahead of time on worker threads, so that the build's
 * other core draws PNGs while the main thread renders HTML pages.
 *
 * `prefetch` queues every card at the start of the build; the workers take
 * jobs from the end of the queue while Astro asks for images from the start
 * (`draw`). A job no worker has started yet is drawn on the main thread at
 * once, so a page never waits behind the queue, and `draw` of a card that was
 * never queued (live preview, an incremental rebuild) just draws it. A worker
 * that fails costs nothing but time: its job is drawn on the main thread.
 * The images are the same bytes whichever thread draws them.
 */
export class ShareDrawer {
  readonly #jobs = new Map<string, Job>();
  readonly #queue: string[] = [];
  readonly #workers: Worker[] = [];
  readonly #workerFile: string;
  readonly #size: number;
  readonly #timeoutMs: number;
  #nextId = 0;
  /** Images handed out, by who drew them. */
  readonly drawn = { byWorkers: 0, here: 0 };

  /** `timeoutMs`: how long a page waits for a worker's image before drawing it itself. */
  constructor(workerFile: string, size: number, timeoutMs = 60_000) {
    this.#workerFile = workerFile;
    this.#size = size;
    this.#timeoutMs = timeoutMs;
  }

  /** Stops the workers and forgets every job (the end of a build). */
  close(): void {
    for (const worker of this.#workers) void worker.terminate();
    this.#workers.length = 0;
    this.#queue.length = 0;
    this.#jobs.clear();
  }

  /** Queues cards to be drawn by the workers, keyed for `draw`. */
  prefetch(cards: Iterable<[key: string, card: ShareCard]>): void {
    if (this.#size < 1 || !existsSync(this.#workerFile)) return;
    for (const [key, card] of cards) {
      if (this.#jobs.has(key)) continue;
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
    while (this.#workers.length < this.#size && this.#queue.length > 0) this.#start();
  }

  /**
   * The PNG of a card: the worker's if it has drawn or is drawing this very
   * card, otherwise drawn here and now.
   */
  draw(key: string, card: ShareCard): Promise<Png> {
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

  #start(): void {
    const worker = new Worker(this.#workerFile);
    worker.unref();
    this.#workers.push(worker);
    const inFlight = new Map<number, Job>();
    const next = () => {
      for (let key = this.#queue.pop(); key !== undefined; key = this.#queue.pop()) {
        const job = this.#jobs.get(key);
        if (job?.state !== 'queued') continue;
        job.state = 'drawing';
        const id = this.#nextId++;
        inFlight.set(id, job);
        worker.postMessage({ id, card: job.card });
        return;
      }
      // Nothing left to draw: let the thread go.
      void worker.terminate();
    };
    worker.on('message', ({ id, png, error }: { id: number; png?: Png; error?: string }) => {
      const job = inFlight.get(id);
      inFlight.delete(id);
      if (png) job?.resolve(png);
      else job?.reject(new Error(error ?? 'share image worker failed'));
      next();
    });
    // A worker that dies takes nothing with it: its jobs are drawn on the main thread, the queue stays.
    const fail = (error: Error) => {
      for (const job of inFlight.values()) job.reject(error);
      inFlight.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => {
      fail(new Error('share image worker stopped'));
      const at = this.#workers.indexOf(worker);
      if (at >= 0) this.#workers.splice(at, 1);
    });
    next();
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

const GLOBAL = Symbol.for('explainer.share-drawer');

/**
 * The build's drawer. The integration that queues the cards and the route that
 * serves the images are bundled apart but run in one process: they meet here.
 */
export function buildDrawer(root: string): ShareDrawer {
  const store = globalThis as { [GLOBAL]?: ShareDrawer };
  store[GLOBAL] ??= new ShareDrawer(join(root, 'src/share/share-worker.ts'), drawerSize());
  return store[GLOBAL];
}

/** Stops the build's drawer and forgets it: a later build in the same process starts afresh. */
export function closeBuildDrawer(): void {
  const store = globalThis as { [GLOBAL]?: ShareDrawer };
  store[GLOBAL]?.close();
  delete store[GLOBAL];
}

/** Worker threads to use: every core but the one rendering pages (at least one). */
export function drawerSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
