// End to end: `npm run check`, `npm run build` and `astro build` on the cases of
// tests/fixtures/errors. Each case's report is compared in-process by
// tests/unit/check/error-fixtures.test.ts; here one `npm run build` proves that the build
// stops with the checker's report, one build proves that the accepted inputs build, and
// one spawned check proves --strict.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkForBuild } from '../../src/publish/build-check.ts';
import { formatReport } from '../../src/model/problems.ts';
import { materializeCase, materializeCases } from '../helpers/error-fixtures.ts';
import {
  type BuildResult,
  buildSite,
  checkContent,
  cleanBuild,
  npmRunBuild,
  readPage,
  ROOT,
} from '../helpers/build.ts';

const work = mkdtempSync(join(tmpdir(), 'explainer-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Cases where Astro's own reading of the files could differ from the checker's: built together. */
const BUILT = [
  'unknown-speaker',
  'duplicate-id',
  // site.yaml: read by the checker alone, and the build must stop on it too.
  'site-settings',
  'unknown-actor-in-article',
  'unknown-citation',
  'mdx-syntax',
  'mdx-expression',
  'not-utf8',
  'cr-only',
];
/** The cases of BUILT whose patch is one Markdown or MDX file, which materializeCases writes as `<case>.md(x)`. */
const RENAMED = BUILT.slice(3);

describe('npm run build stops on bad input with the same report as the checker', () => {
  test('nine cases in one content folder', () => {
    const content = join(work, 'built');
    materializeCases(BUILT, content);
    const errors = checkForBuild(content, ROOT).problems.filter((problem) => problem.severity === 'error');
    // Every case still adds its mistake to the shared folder: one error or more each.
    expect(errors.length).toBeGreaterThanOrEqual(BUILT.length);
    for (const name of RENAMED)
      expect(
        errors.some((problem) => problem.file.includes(`/${name}.md`)),
        name,
      ).toBe(true);
    const result = npmRunBuild(content);
    try {
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status).toBe(1);
      expect(output).toContain(`The content has ${errors.length} errors:\n${formatReport(errors)}\n`);
      expect(output).not.toMatch(/^ {4}at /m);
      expect(output).toContain('Nothing was built');
      expect(existsSync(result.outDir)).toBe(false);
    } finally {
      cleanBuild(result);
    }
  });
});

describe('accepted inputs build', () => {
  // bom-crlf as it is, and the others beside it as articles/<case>.mdx and actors/<case>.md.
  let result: BuildResult;
  beforeAll(() => {
    const content = join(work, 'accepted');
    materializeCases(['bom-crlf', 'number-and-date-text', 'code-citation'], content);
    result = buildSite(content);
  });
  afterAll(() => cleanBuild(result));

  test('the build succeeds', () => {
    expect(result.status, result.stderr).toBe(0);
  });

  test('BOM and CRLF files build like any other', () => {
    const article = readPage(result.outDir, '/articles/barrier-vote/');
    expect(article).toContain('<h1>Eastholm votes for a flood barrier</h1>');
    expect(article).not.toContain('\uFEFF');
    expect(article).not.toContain('\r');
    expect(readPage(result.outDir, '/actors/helena-voss/')).toContain('Mayor of Eastholm');
  });

  test('text fields that YAML reads as numbers or dates are kept as the text written', () => {
    expect(readPage(result.outDir, '/articles/number-and-date-text/')).toContain('<h1>1984</h1>');
    expect(readPage(result.outDir, '/actors/number-and-date-text/')).toContain('1914-07-28');
  });

  test('a citation inside code is shown as written, not resolved', () => {
    const article = readPage(result.outDir, '/articles/code-citation/');
    expect(article).toContain('<code>[@no-such-source]</code>');
    expect(article).toMatch(/<pre[^>]*>[\s\S]*\[@another-missing-source\][\s\S]*<\/pre>/);
  });
});

describe('npm run check', () => {
  test('warnings pass unless --strict, and the report is the one the checker gives', () => {
    const content = join(work, 'uncited-source');
    materializeCase('uncited-source', content);
    const report = formatReport(checkForBuild(content, ROOT).problems);
    const relaxed = checkContent(content);
    expect(relaxed.status).toBe(0);
    expect(relaxed.output).toContain(`${report}\n`);
    expect(relaxed.output).toContain('Content OK');
    expect(relaxed.output).toContain('"eastholm-gazette" is not cited');
    expect(checkContent(content, ['--strict']).status).toBe(1);
  });
});
