import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './build.ts';

/** True when the run was asked to rewrite expected-output files (`UPDATE=1 npm test`). */
export const UPDATE = process.env['UPDATE'] === '1';

/**
 * Compares an output with the expected-output file beside its fixture. With
 * `UPDATE=1` the file is (re)written instead; without it a missing file fails,
 * so a new case never passes by writing its own expectation.
 */
export function expectFile(file: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const name = relative(ROOT, file);
  expect(existsSync(file), `${name} is missing: run UPDATE=1 npm test to write it, then review it`).toBe(true);
  expect(actual, `${name} differs: if the change is intended, run UPDATE=1 npm test and review the diff`).toBe(
    readFileSync(file, 'utf8'),
  );
}
