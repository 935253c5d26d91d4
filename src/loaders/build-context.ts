import { resolve } from 'node:path';
import type { ContentCheck } from '../check/check-content.ts';
import type { BodyRefs } from '../model/content-set.ts';
import type { ShareCard } from '../share/share-image.ts';

/** What the build context needs of a share drawer (`src/share/share-drawer.ts`). */
export interface Drawer {
  prefetch(cards: Iterable<[key: string, card: ShareCard]>): void;
  draw(key: string, card: ShareCard): Promise<Uint8Array<ArrayBuffer>>;
  readonly drawn: { byWorkers: number; here: number; fromCache: number };
  /** Forgets cached images of cards this build did not ask for (at the end of a build). */
  pruneCache(): void;
  close(): void;
}

/**
 * Everything one `astro build` or `astro dev` run shares: the checked content
 * (checked again after a content change in dev), what is derived from it, the
 * references of every checked body, and the share drawer. The content-check
 * integration opens it when Astro sets up its config and closes it when the
 * build or the dev server ends; nothing else in `src/` keeps state between
 * calls.
 */
export class BuildContext {
  readonly contentDir: string;
  readonly root: string;
  readonly drawer: Drawer;
  readonly #check: () => ContentCheck;
  #content: ContentCheck | undefined;
  #stale = true;
  /** Values derived from `#content`, by the function that made them; emptied by each check. */
  readonly #derived = new Map<(content: ContentCheck) => unknown, unknown>();
  /** Values made once per run, by the function that made them. */
  readonly #once = new Map<() => unknown, unknown>();

  /** `check` reads and checks the content folder; the context calls it again after each change. */
  constructor(options: { contentDir: string; root: string; check: () => ContentCheck; drawer: Drawer }) {
    this.contentDir = options.contentDir;
    this.root = options.root;
    this.drawer = options.drawer;
    this.#check = options.check;
  }

  /** Checks the content now and keeps the result as the current state of the content. */
  check(): ContentCheck {
    const content = this.#check();
    this.#content = content;
    this.#stale = false;
    this.#derived.clear();
    return content;
  }

  /** Records that a content file changed (live preview): the next read checks again. */
  markChanged(): void {
    this.#stale = true;
  }

  /** The latest check; checked now if there is none yet or a file changed since. */
  get content(): ContentCheck {
    return this.#content === undefined || this.#stale ? this.check() : this.#content;
  }

  /** A value computed from the current check, once per check (never per document). */
  derive<T>(make: (content: ContentCheck) => T): T {
    const content = this.content;
    if (!this.#derived.has(make)) this.#derived.set(make, make(content));
    return this.#derived.get(make) as T;
  }

  /** A value made once per run (the site index of a build), whatever the content checks. */
  once<T>(make: () => T): T {
    if (!this.#once.has(make)) this.#once.set(make, make());
    return this.#once.get(make) as T;
  }

  /** The references the check found in a body, when it read this same text. */
  checkedRefs(file: string, body: string): BodyRefs | undefined {
    const checked = this.content.bodies.get(file);
    return checked !== undefined && checked.body === body ? checked.refs : undefined;
  }

  /** Stops the share drawer's workers and forgets the content. */
  dispose(): void {
    this.drawer.close();
    this.#content = undefined;
    this.#derived.clear();
    this.#once.clear();
  }
}

/**
 * The one handle on the open context. Astro loads the config (integrations)
 * and the page bundle as two module graphs in one process, so
 * each has its own copy of this module: they meet through this single
 * `globalThis` key, which only `openBuildContext` sets and `closeBuildContext`
 * clears.
 */
const HANDLE = Symbol.for('explainer.build-context');
type Handle = { [HANDLE]?: BuildContext };

/** Opens the run's context (the content-check integration), closing any earlier one. */
export function openBuildContext(context: BuildContext): BuildContext {
  closeBuildContext();
  (globalThis as Handle)[HANDLE] = context;
  return context;
}

/** Closes the run's context, if one is open: its workers stop and a later run starts afresh. */
export function closeBuildContext(): void {
  const handle = globalThis as Handle;
  handle[HANDLE]?.dispose();
  delete handle[HANDLE];
}

/** The open context, if any (none in unit tests, which render without a build). */
export function findBuildContext(): BuildContext | undefined {
  return (globalThis as Handle)[HANDLE];
}

/**
 * The open context (of this content folder and project, when given); throws
 * when the content-check integration has opened none for them.
 */
export function buildContext(of?: { contentDir: string; root: string }): BuildContext {
  const context = findBuildContext();
  if (context === undefined)
    throw new Error(
      'Internal error: no build context is open (the content-check integration opens one in astro build and astro dev)',
    );
  if (
    of !== undefined &&
    (resolve(of.contentDir) !== resolve(context.contentDir) || resolve(of.root) !== resolve(context.root))
  ) {
    throw new Error(
      `Internal error: the build context is for ${context.contentDir} in ${context.root}, not ${of.contentDir} in ${of.root}`,
    );
  }
  return context;
}
