import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cacheKey, parseSettings, type Settings } from '../../../src/settings.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'explainer-cache-key-'));
mkdirSync(join(ROOT, 'content'));
mkdirSync(join(ROOT, 'other'));
symlinkSync(join(ROOT, 'content'), join(ROOT, 'linked'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** The settings an environment gives (they must be valid). */
function settingsFor(env: Record<string, string>): Settings {
  const result = parseSettings(env, ROOT);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

const keyFor = (env: Record<string, string>, today = '2025-01-01') => cacheKey(settingsFor(env), ROOT, today);

describe('cache key: one cache folder per story and output-changing settings', () => {
  const base = { CONTENT_DIR: 'content', BUILD_DATE: '2025-01-01' };

  test.each([
    ['another content folder', { CONTENT_DIR: 'other' }],
    ['another site address', { SITE_URL: 'https://news.example.com' }],
    ['another base path', { BASE_PATH: '/explainer/' }],
    ['another title', { SITE_TITLE: 'Another title' }],
    ['another build date', { BUILD_DATE: '2025-01-02' }],
  ])('%s gets another folder', (_, change) => {
    expect(keyFor({ ...base, ...change })).not.toBe(keyFor(base));
  });

  test.each([
    ['another output folder', { OUT_DIR: 'elsewhere' }],
    ['another cache folder', { CACHE_DIR: 'cache-two' }],
    ['the incremental build off', { INCREMENTAL_BUILD: '0' }],
    ['the content folder as an absolute path', { CONTENT_DIR: join(ROOT, 'content') }],
    ['the content folder through a symbolic link', { CONTENT_DIR: 'linked' }],
    ['the same base path written differently', { BASE_PATH: '' }],
  ])('%s keeps the folder', (_, change) => {
    expect(keyFor({ ...base, ...change })).toBe(keyFor(base));
  });

  test('an unset BUILD_DATE counts as the day of the build', () => {
    expect(keyFor({ CONTENT_DIR: 'content' }, '2025-01-01')).toBe(keyFor(base));
    expect(keyFor({ CONTENT_DIR: 'content' }, '2025-01-02')).not.toBe(keyFor(base));
  });

  test('another site.yaml gets another folder; no site.yaml is one more state', () => {
    const settings = settingsFor(base);
    const keys = [undefined, 'title: One\n', 'title: Two\n'].map((site) =>
      cacheKey(settings, ROOT, '2025-01-01', site),
    );
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]).toBe(keyFor(base));
    writeFileSync(join(ROOT, 'content', 'site.yaml'), 'title: One\n');
    try {
      expect(keyFor(base)).toBe(keys[1]);
    } finally {
      rmSync(join(ROOT, 'content', 'site.yaml'));
    }
  });

  test('the key is a plain folder name', () => {
    expect(keyFor({ ...base, SITE_TITLE: '../../x' })).toMatch(/^[0-9a-f]{16}$/);
  });
});
