import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContentDir, readSiteFile } from '../../../src/check/check-content.ts';
import { accentRule, contrastOnPage, resolveSite } from '../../../src/model/site.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'explainer-site-file-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let folders = 0;

/** A content folder holding `files` (path → text), relative to ROOT. */
function story(files: Record<string, string | Uint8Array>): string {
  const dir = join(ROOT, `story-${folders++}`);
  mkdirSync(join(dir, 'articles'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const FULL = [
  'title: Flood Desk',
  'tagline: The flood, claim by claim',
  'description: Who said what about the flood.',
  'publisher:',
  '  name: Fixture Press',
  '  url: https://press.example.net',
  '  logo: images/logo.png',
  'locale: uk',
  'timezone: Europe/Kyiv',
  'accent: "#8a1c2b"',
  'footer: © 2024 Fixture Press',
  '',
].join('\n');

describe('site.yaml', () => {
  test('a full file is read with every field', () => {
    const { site, problems } = readSiteFile(story({ 'site.yaml': FULL }), ROOT);
    expect(problems).toEqual([]);
    expect(site).toEqual({
      title: 'Flood Desk',
      tagline: 'The flood, claim by claim',
      description: 'Who said what about the flood.',
      publisher: { name: 'Fixture Press', url: 'https://press.example.net', logo: 'images/logo.png' },
      locale: 'uk',
      timezone: 'Europe/Kyiv',
      accent: '#8a1c2b',
      footer: '© 2024 Fixture Press',
    });
  });

  test('no file is a site with the defaults', () => {
    const { site, problems } = readSiteFile(story({}), ROOT);
    expect(problems).toEqual([]);
    expect(resolveSite(site, {})).toMatchObject({ title: 'Explainer', locale: 'en-GB', timeZone: 'UTC' });
  });

  test.each([
    ['a colour name', 'accent: red\n', 'accent', 1, /#rrggbb/],
    ['a colour too light for link text', 'title: T\naccent: "#ffd166"\n', 'accent', 2, /too light/],
    ['a time zone that does not exist', 'timezone: Mars/Olympus\n', 'timezone', 1, /not a time zone name/],
    ['a language tag that is not one', 'locale: english!\n', 'locale', 1, /language tag/],
    [
      'a logo on another site',
      'publisher:\n  name: P\n  logo: https://cdn.example/logo.png\n',
      'publisher.logo',
      3,
      /image file/,
    ],
    ['a publisher without a name', 'publisher:\n  url: https://p.example\n', 'publisher.name', 1, /required/],
    [
      'a javascript: address',
      'publisher:\n  name: P\n  url: "javascript:alert(1)"\n',
      'publisher.url',
      3,
      /https:\/\//,
    ],
    ['a field that does not exist', 'title: T\ntagine: x\n', 'tagine', 2, /unknown field/],
    ['an empty title', 'title: ""\n', 'title', 1, /empty/],
  ])('%s is an error with its line and field', (_, text, field, line, message) => {
    const { problems } = readSiteFile(story({ 'site.yaml': text }), ROOT);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: expect.stringMatching(/site\.yaml$/), field, line, severity: 'error' });
    expect(problems[0]?.message).toMatch(message);
  });

  test.each([
    ['uk', 0],
    ['uk-UA', 0],
    ['en-US', 0],
    ['ko', 0],
    ['ar-XB', 0],
    ['fr-FR', 1],
    ['pt', 1],
  ])('locale %s without a message table of its own or of its language: %d warning', (locale, warnings) => {
    const { problems } = readSiteFile(story({ 'site.yaml': `title: T\nlocale: ${locale}\n` }), ROOT);
    expect(problems).toHaveLength(warnings);
    if (warnings === 0) return;
    expect(problems[0]).toMatchObject({
      file: expect.stringMatching(/site\.yaml$/),
      field: 'locale',
      line: 2,
      severity: 'warning',
    });
    expect(problems[0]?.message).toContain(locale);
    expect(problems[0]?.fix).toMatch(/en, uk, ko/);
  });

  test('a misspelt field gets a did-you-mean', () => {
    const { problems } = readSiteFile(story({ 'site.yaml': 'tagine: x\n' }), ROOT);
    expect(problems[0]?.fix).toBe('did you mean `tagline`?');
  });

  test('YAML that does not parse is an error with its line', () => {
    const { problems } = readSiteFile(story({ 'site.yaml': 'title: T\nfooter: [unclosed\n' }), ROOT);
    expect(problems[0]).toMatchObject({ severity: 'error', line: expect.any(Number) });
  });

  test('site.yml is refused rather than silently ignored', () => {
    const { problems } = readSiteFile(story({ 'site.yml': 'title: T\n' }), ROOT);
    expect(problems[0]).toMatchObject({ file: expect.stringMatching(/site\.yml$/), fix: 'rename it to site.yaml' });
  });

  test('a link leaving the content folder is refused', () => {
    const outside = join(ROOT, 'outside.yaml');
    writeFileSync(outside, 'title: Secret\n');
    const dir = story({});
    symlinkSync(outside, join(dir, 'site.yaml'));
    const { site, problems } = readSiteFile(dir, ROOT);
    expect(site).toEqual({});
    expect(problems[0]?.severity).toBe('error');
  });

  test('the logo must be a picture in images/, checked like actor pictures', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const missing = checkContentDir(story({ 'site.yaml': FULL }), ROOT);
    expect(missing.problems).toContainEqual(
      expect.objectContaining({ field: 'publisher.logo', line: 7, message: expect.stringMatching(/no image file/) }),
    );
    const present = checkContentDir(story({ 'site.yaml': FULL, 'images/logo.png': png }), ROOT);
    expect(present.problems.filter((p) => p.field === 'publisher.logo')).toEqual([]);
    // Only pictures the site shows are published: the logo is one.
    expect([...present.pictures.keys()]).toContain('images/logo.png');
    expect(present.site.publisher?.name).toBe('Fixture Press');
  });
});

describe('resolveSite', () => {
  test.each([
    ['the file, without environment values', {}, { title: 'Flood Desk', timeZone: 'Europe/Kyiv' }],
    ['SITE_TITLE over the title', { title: 'Preview' }, { title: 'Preview', timeZone: 'Europe/Kyiv' }],
    ['SITE_TIMEZONE over the time zone', { timeZone: 'UTC' }, { title: 'Flood Desk', timeZone: 'UTC' }],
  ])('takes %s', (_, env, expected) => {
    const { site } = readSiteFile(story({ 'site.yaml': FULL }), ROOT);
    expect(resolveSite(site, env)).toMatchObject(expected);
  });
});

describe('accentRule', () => {
  test('sets the accent and a shade at 70% of each channel, in hex', () => {
    expect(accentRule('#8A1C2B')).toBe(':root{--site-accent:#8a1c2b;--site-accent-strong:#61141e}');
    expect(accentRule('#000000')).toBe(':root{--site-accent:#000000;--site-accent-strong:#000000}');
  });
});

describe('contrastOnPage', () => {
  test.each([
    ['#000000', 20.5, 21],
    ['#0a55a0', 7, 8],
    ['#ffffff', 1, 1.02],
  ])('%s has a contrast between %d and %d on the light page', (colour, low, high) => {
    expect(contrastOnPage(colour)).toBeGreaterThanOrEqual(low);
    expect(contrastOnPage(colour)).toBeLessThanOrEqual(high);
  });
});
