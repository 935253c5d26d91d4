import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, cleanBuild } from '../helpers/build.ts';

const CONTENT = 'tests/fixtures/security/content';

// Every payload in the fixture writes a file into SECURITY_MARKER_DIR if it ever runs.
const markers = mkdtempSync(join(tmpdir(), 'explainer-security-markers-'));
afterAll(() => rmSync(markers, { recursive: true, force: true }));

describe('a story full of attacks, built once', () => {
  let result: BuildResult;
  let output = '';
  let elapsed = 0;
  beforeAll(() => {
    const started = performance.now();
    result = buildSite(CONTENT, { SECURITY_MARKER_DIR: markers });
    elapsed = performance.now() - started;
    output = `${result.stdout}${result.stderr}`;
  });
  afterAll(() => cleanBuild(result));

  test('stops with exit code 1, builds nothing and runs no payload', () => {
    expect(result.status, output).toBe(1);
    expect(output).toContain('Nothing was built');
    expect(existsSync(result.outDir)).toBe(false);
    expect(readdirSync(markers)).toEqual([]);
    expect(output).not.toMatch(/^ {4}at /m);
    // 4,000 nested lists took 16 s to check before the limits; all of this takes seconds.
    expect(elapsed).toBeLessThan(60_000);
  });

  test.each([
    ['articles/comment-trick.mdx:9:1', 'curly-brace expressions are not allowed (found {/* note */ globalThis'],
    ['articles/twice.mdx:7:5', '`title` <abbr> has the attribute title twice'],
    ['articles/twice.mdx:7:5', '`title` <abbr> has an attribute that is code, not a value'],
    ['articles/timeline-spread.mdx:9:1', '`actors` <Timeline> has an attribute that is code, not a value'],
    ['articles/timeline-spread.mdx:11:1', 'imports and exports are not allowed in articles'],
    ['actors/nested-lists.md:7:1', 'the line is inside 4,000 nested blockquotes, list items or indents (at most 32)'],
    ['actors/many-quotes.md:2007:1', 'the text opens more than 1,000 blockquotes and list items'],
    ['actors/image-onerror.md:9:1', 'raw HTML is not allowed here (found <img src="x" onerror='],
  ])('%s  %s', (where, message) => {
    expect(output).toContain(`${CONTENT}/${where}  error: ${message}`);
  });

  test('reports exactly these problems', () => {
    expect(output).toMatch(/\n9 errors, 0 warnings\n/);
  });
});
