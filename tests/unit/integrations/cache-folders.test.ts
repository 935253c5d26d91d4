import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { claimCacheFolder, pruneCacheFolders } from '../../../src/integrations/cache-folders.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 31);
const key = (n: number) => n.toString(16).padStart(16, '0');

let base: string;
let cache: string;

/** A keyed folder with a file in it, last used `daysAgo` days before NOW. */
function folder(name: string, daysAgo: number): string {
  const path = join(cache, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'data-store.json'), '{}');
  writeFileSync(join(path, '.last-used'), 'x');
  const at = (NOW - daysAgo * DAY) / 1000;
  utimesSync(join(path, '.last-used'), at, at);
  return path;
}

const names = () => readdirSync(cache).sort();

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'explainer-cache-'));
  cache = join(base, 'cache');
  mkdirSync(cache);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('pruneCacheFolders', () => {
  test('removes folders not used for the days kept; keeps the current one however old', async () => {
    folder(key(1), 1);
    folder(key(2), 20);
    folder(key(3), 40);
    const removed = await pruneCacheFolders(cache, key(3), { now: NOW, keepDays: 14, keepNewest: 8 });
    expect(removed).toEqual([key(2)]);
    expect(names()).toEqual([key(1), key(3)]);
  });

  test('keeps the newest folders only, the current one counted', async () => {
    for (let n = 1; n <= 5; n++) folder(key(n), n);
    const removed = await pruneCacheFolders(cache, key(5), { now: NOW, keepDays: 14, keepNewest: 3 });
    // key(5) is current (counts as used now), then key(1) and key(2) are the newest.
    expect(removed.sort()).toEqual([key(3), key(4)]);
    expect(names()).toEqual([key(1), key(2), key(5)]);
  });

  test("never removes a folder a running process holds a lease on; a dead process's lease does not count", async () => {
    const held = folder(key(1), 60);
    mkdirSync(join(held, '.in-use'));
    writeFileSync(join(held, '.in-use', `${process.pid}@${hostname()}`), '');
    const dead = folder(key(2), 60);
    mkdirSync(join(dead, '.in-use'));
    writeFileSync(join(dead, '.in-use', `99999999@${hostname()}`), '');
    expect(await pruneCacheFolders(cache, key(9), { now: NOW })).toEqual([key(2)]);
    expect(names()).toEqual([key(1)]);
  });

  test('touches nothing but keyed folders, and follows no symbolic link', async () => {
    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'keep.txt'), 'keep');
    // A link named like a key, to a folder outside CACHE_DIR.
    symlinkSync(outside, join(cache, key(1)));
    // A file named like a key, and an old folder that is not a key.
    writeFileSync(join(cache, key(2)), 'not a folder');
    mkdirSync(join(cache, 'notes'));
    utimesSync(join(cache, 'notes'), 0, 0);
    // An old keyed folder with a link out of CACHE_DIR inside it.
    const old = folder(key(3), 60);
    symlinkSync(outside, join(old, 'link'));
    symlinkSync(join(outside, 'keep.txt'), join(old, 'file-link'));
    expect(await pruneCacheFolders(cache, key(9), { now: NOW })).toEqual([key(3)]);
    expect(names()).toEqual([key(1), key(2), 'notes']);
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(outside)).toEqual(['keep.txt']);
  });

  test('a folder made before stamps (an Astro data store alone) counts as used when it was last modified', async () => {
    for (const [n, daysAgo] of [
      [1, 30],
      [2, 1],
    ] as const) {
      mkdirSync(join(cache, key(n)));
      writeFileSync(join(cache, key(n), 'data-store.json'), '{}');
      const at = (NOW - daysAgo * DAY) / 1000;
      utimesSync(join(cache, key(n)), at, at);
      utimesSync(join(cache, key(n), 'data-store.json'), at, at);
    }
    expect(await pruneCacheFolders(cache, key(9), { now: NOW })).toEqual([key(1)]);
  });

  test('a folder named like a key that no build made stays, however old and however many', async () => {
    // CACHE_DIR may be a folder other tools write to too (a shared cache volume, /tmp): sixteen hex
    // digits are not proof enough that a folder is a build's cache.
    for (let n = 1; n <= 3; n++) {
      mkdirSync(join(cache, key(n)));
      writeFileSync(join(cache, key(n), 'work.txt'), 'someone else’s');
      utimesSync(join(cache, key(n)), 0, 0);
    }
    expect(await pruneCacheFolders(cache, key(9), { now: NOW, keepNewest: 1 })).toEqual([]);
    expect(names()).toEqual([key(1), key(2), key(3)]);
  });

  test('clears what a stopped removal left behind', async () => {
    const left = join(cache, `.removing-${key(4)}-99999999`);
    mkdirSync(join(left, 'deep'), { recursive: true });
    await pruneCacheFolders(cache, key(9), { now: NOW });
    expect(existsSync(left)).toBe(false);
  });
});

describe('claimCacheFolder', () => {
  test('a claimed folder is kept while claimed, stamped as used, and can go once given back', async () => {
    const release = await claimCacheFolder(cache, key(1));
    expect(existsSync(join(cache, key(1), '.last-used'))).toBe(true);
    const later = Date.now() + 100 * DAY;
    expect(await pruneCacheFolders(cache, key(2), { now: later })).toEqual([]);
    release();
    expect(readdirSync(join(cache, key(1), '.in-use'))).toEqual([]);
    expect(await pruneCacheFolders(cache, key(2), { now: later })).toEqual([key(1)]);
  });

  test('claims wait for a prune in progress instead of failing', async () => {
    folder(key(1), 60);
    const [removed, release] = await Promise.all([
      pruneCacheFolders(cache, key(9), { now: NOW }),
      claimCacheFolder(cache, key(2)),
    ]);
    release();
    expect(removed).toEqual([key(1)]);
    expect(existsSync(join(cache, key(2)))).toBe(true);
  });
});
