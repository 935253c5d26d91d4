import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder that lives for one test run, where fixture sites are built once and shared. */
    buildsDir: string;
  }
}

/** Gives the run one folder for shared fixture builds, and removes it when the run ends. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'explainer-builds-'));
  project.provide('buildsDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
