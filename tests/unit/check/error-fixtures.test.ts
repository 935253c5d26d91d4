// Every content mistake in tests/fixtures/errors/, checked in-process: each case
// is the base story with a small patch, and its report must match the case's
// expected.txt byte for byte (`UPDATE=1 npm test` rewrites them; review the diff).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkForBuild } from '../../../src/publish/build-check.ts';
import { formatReport } from '../../../src/model/problems.ts';
import { errorCases, expectedFile, materializeCase } from '../../helpers/error-fixtures.ts';
import { expectFile } from '../../helpers/expected.ts';

/**
 * How many errors each case means to cause. A case not listed holds exactly one
 * mistake: a regenerated expected.txt with a cascade of follow-on errors fails here.
 */
const INTENDED_ERRORS: Record<string, number> = {
  'unknown-refs': 17,
  'two-errors': 2,
  // A circle is reported in every file it passes through.
  'partof-cycle': 2,
  'bom-crlf': 0,
  'code-citation': 0,
  'number-and-date-text': 0,
  'uncited-source': 0,
  'share-image-glyph': 0,
};

const work = mkdtempSync(join(tmpdir(), 'explainer-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Checks one case as `npm run check` would, with paths read from the case's own folder (`content/…`). */
function checkCase(name: string) {
  const root = join(work, name);
  materializeCase(name, join(root, 'content'));
  return checkForBuild(join(root, 'content'), root).problems;
}

describe('the checker on each case of tests/fixtures/errors', () => {
  test.each(errorCases())('%s', (name) => {
    const problems = checkCase(name);
    expectFile(expectedFile(name), `${formatReport(problems)}\n`);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    expect(errors).toBe(INTENDED_ERRORS[name] ?? 1);
  });
});
