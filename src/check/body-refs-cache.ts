import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyRefs } from '../model/content-set.ts';
import { hashFolder } from './code-version.ts';

/** The code that decides what a body holds: every file of these folders, recursively. */
const CHECKER_FOLDERS = ['src/check', 'src/model'] as const;

/**
 * The lock files that pin the parsers (remark, micromark, acorn and the rest):
 * the one the project declares and the one npm writes for what is installed.
 */
const LOCK_FILES = ['package-lock.json', 'node_modules/.package-lock.json'] as const;

/**
 * What else decides the references and problems read from a body besides its
 * text: the checker and model code (`src/check/`, `src/model/`: the content
 * policy and the parse limits live there) and the versions of every installed
 * package (the lock files). Any change there starts a new cache, so a stricter
 * policy is never served an old "OK".
 */
export function checkerVersion(root: string): string {
  const hash = createHash('sha256');
  for (const folder of CHECKER_FOLDERS) hashFolder(hash, root, folder);
  for (const lock of LOCK_FILES) {
    try {
      hash.update(`${lock}\0`).update(readFileSync(join(root, lock)));
    } catch {
      hash.update(`no ${lock}\0`);
    }
  }
  return hash.digest('hex');
}

/**
 * The references and problems of every body the content check parsed, kept in
 * one JSON file across builds (in the build's keyed cache folder), by a hash
 * of the body's text, file, first line and format: a check parses only the
 * bodies whose bytes changed. The file holds exactly the bodies of the last
 * check (`save`), so it does not grow. A missing, unreadable or foreign file
 * only costs parsing.
 */
export class BodyRefsCache {
  readonly #file: string;
  readonly #version: string;
  #stored: Map<string, BodyRefs> | undefined;
  readonly #used = new Map<string, BodyRefs>();
  /** Bodies read from the cache and bodies parsed, since the last `save`. */
  readonly counts = { hits: 0, parsed: 0 };
  /** The counts of the last saved check. */
  lastCounts = { hits: 0, parsed: 0 };

  /** `file`: the JSON file; `version`: `checkerVersion()` of the code that parses bodies. */
  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
  }

  /** The key of a body: everything besides the code that its references depend on. */
  static key(file: string, body: string, bodyLine: number, format: string): string {
    return createHash('sha256').update(`${format}\0${file}\0${bodyLine}\0`).update(body).digest('base64url');
  }

  /**
   * The cached references of a body, or parsed now by `parse` and kept. Both
   * come as JSON gives them back (no `undefined` fields), so a check with a
   * warm cache returns exactly what a cold one does.
   */
  refs(key: string, parse: () => BodyRefs): BodyRefs {
    const stored = this.#load().get(key);
    if (stored !== undefined) this.counts.hits++;
    else this.counts.parsed++;
    const refs = stored ?? (JSON.parse(JSON.stringify(parse())) as BodyRefs);
    this.#used.set(key, refs);
    return refs;
  }

  /** Ends a check: writes its bodies (and only those), whole or not at all. */
  save(): void {
    this.lastCounts = { ...this.counts };
    if (this.counts.parsed > 0 || this.#used.size !== this.#load().size) this.#write();
    this.#stored = new Map(this.#used);
    this.#used.clear();
    this.counts.hits = 0;
    this.counts.parsed = 0;
  }

  #write(): void {
    const temporary = `${this.#file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.#file, '..'), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ version: this.#version, bodies: Object.fromEntries(this.#used) }));
      renameSync(temporary, this.#file);
    } catch {
      // A full or read-only disk: the bodies are parsed again next time.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written
      }
    }
  }

  #load(): Map<string, BodyRefs> {
    if (this.#stored !== undefined) return this.#stored;
    this.#stored = new Map();
    try {
      const data = JSON.parse(readFileSync(this.#file, 'utf8')) as { version?: unknown; bodies?: unknown };
      if (data.version === this.#version && typeof data.bodies === 'object' && data.bodies !== null)
        this.#stored = new Map(Object.entries(data.bodies as Record<string, BodyRefs>));
    } catch {
      // no cache yet, or not ours
    }
    return this.#stored;
  }
}
