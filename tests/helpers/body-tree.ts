import { resolve } from 'node:path';
import { checkContentDir } from '../../src/check/check-content.ts';
import { bodyContext, bodyTree, type BodyContext, type BodyTree } from '../../src/plugins/body-tree.ts';

/** The small story most body tests cite and mention (`tests/fixtures/minimal/content`). */
export const MINIMAL_CONTENT = resolve(import.meta.dirname, '../fixtures/minimal/content');

let minimal: BodyContext | undefined;

/** What bodies of the minimal story are rendered with, as the site index gives it (base path `/`). */
export function minimalContext(): BodyContext {
  minimal ??= bodyContext(checkContentDir(MINIMAL_CONTENT, process.cwd()).set, '/', 'en-GB');
  return minimal;
}

/** Why the render function refused a body: the message, the rule, and where. */
export interface BodyRefusal {
  ruleId?: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * Turns a body into its tree as a page does (`bodyTree`), with the minimal
 * story: the tree, or the refusal when the function threw.
 */
export function renderBody(
  body: string,
  format: 'md' | 'mdx' = 'mdx',
  file = `content/articles/attack.${format}`,
): { tree: BodyTree; refusal?: undefined } | { tree?: undefined; refusal: BodyRefusal } {
  try {
    return { tree: bodyTree(body, format, minimalContext(), file) };
  } catch (error) {
    return { refusal: error as BodyRefusal };
  }
}
