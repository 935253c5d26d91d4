import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, checkContent, cleanBuild, ROOT } from '../helpers/build.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** Every file of the story that must stop the build, with what the report says about it. */
const REFUSED: [string, RegExp][] = [
  ['articles/_x.mdx', /name starts with "_"/],
  ['figures/_y.md', /name starts with "_"/],
  ['actors/outside.md', /outside the content folder/],
  ['actors/dangling.md', /which does not exist/],
  ['actors/loop.md', /leads back to itself/],
  ['sources/pipe.yaml', /pipe, socket or device/],
  ['images/evil.html', /not a picture/],
  ['images/evil.js', /not a picture/],
  ['images/evil.svg', /SVG/],
  ['images/secret.png', /outside the content folder/],
];

let work: string;
let content: string;
let build: BuildResult;
let checked: { status: number | null; output: string };

/**
 * One story holding every attack from the review: files the check used to skip
 * but Astro built, links out of the content folder, links that go nowhere, a
 * pipe (which would hang a reader), and pages and scripts among the pictures.
 */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-security-files-'));
  content = join(work, 'content');
  cpSync(join(ROOT, 'tests/fixtures/minimal/content'), content, { recursive: true });
  const payload =
    '<script>alert("MARKER-SCRIPT")</script>\n\n<img src="x" onerror="alert(\'MARKER-IMG\')" />\n\n<meta http-equiv="refresh" content="0;url=https://example.org/MARKER" />\n';
  writeFileSync(
    join(content, 'articles/_x.mdx'),
    `---\ntitle: Hidden\ndescription: d\npublished: 2024-03-01\n---\n\n${payload}`,
  );
  mkdirSync(join(content, 'figures'));
  writeFileSync(join(content, 'figures/_y.md'), `---\ntitle: Y\n---\n\n${payload}`);
  writeFileSync(join(work, 'secret.md'), '---\nname: MARKER-SECRET\n---\n');
  symlinkSync(join(work, 'secret.md'), join(content, 'actors/outside.md'));
  symlinkSync(join(work, 'nowhere.md'), join(content, 'actors/dangling.md'));
  symlinkSync('loop.md', join(content, 'actors/loop.md'));
  execFileSync('mkfifo', [join(content, 'sources/pipe.yaml')]);
  mkdirSync(join(content, 'images'));
  writeFileSync(join(content, 'images/evil.html'), '<script>alert("MARKER-HTML")</script>');
  writeFileSync(join(content, 'images/evil.js'), 'alert("MARKER-JS")');
  writeFileSync(
    join(content, 'images/evil.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("MARKER-SVG")</script></svg>',
  );
  writeFileSync(join(work, 'secret.png'), PNG);
  symlinkSync(join(work, 'secret.png'), join(content, 'images/secret.png'));
  checked = checkContent(content);
  build = buildSite(content);
}, 120_000);

afterAll(() => {
  if (build) cleanBuild(build);
  rmSync(work, { recursive: true, force: true });
});

describe('a story with files that must not be published', () => {
  test('astro build stops before writing anything, with no stack trace', () => {
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('Nothing was built');
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/^\s+at /m);
    expect(existsSync(build.outDir)).toBe(false);
  });

  test.each(REFUSED)('%s is named in the build report and in npm run check, with a fix', (file, message) => {
    for (const output of [build.stderr, checked.output]) {
      const line = output.split('\n').findIndex((text) => text.includes(`content/${file}  error:`));
      expect(line, output).toBeGreaterThanOrEqual(0);
      const lines = output.split('\n');
      expect(lines[line]).toMatch(message);
      expect(lines[line + 1]).toMatch(/^ {4}fix: /);
    }
  });

  test('the check and the build report the same errors, and nothing read from outside', () => {
    const errors = (output: string) => output.split('\n').filter((line) => line.includes('  error:'));
    expect(checked.status).toBe(1);
    expect(errors(build.stderr).sort()).toEqual(errors(checked.output).sort());
    expect(errors(checked.output)).toHaveLength(REFUSED.length);
    expect(`${build.stdout}${build.stderr}${checked.output}`).not.toContain('MARKER-SECRET');
  });
});
