import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { policyProblems } from '../check/mdx-policy.ts';
import { parseWithinLimits } from '../check/parse-limits.ts';

/** The parser a processor has once `remark-parse` is attached. */
type Parser = (document: string, file: VFile) => Root;

/** One construct the policy refused: line and column in the body, what, and the fix. */
interface Refusal {
  line: number;
  column: number;
  message: string;
  fix: string;
}

/**
 * Refuses what a body may not hold, in the pipeline that turns it into the tree
 * a page renders (`body-tree.ts`), so that no body is ever rendered unchecked
 * (not even one the content check never saw).
 *
 * Before the parse: a text over the limits of `parse-limits.ts` fails at once
 * (the parser would take minutes on it). After the parse: the tree about to be
 * rendered goes through the same rule as the content check (`policyProblems`);
 * every construct it refuses becomes a message with line and column, and the
 * run fails, so no tree is ever made from it.
 *
 * `Hi {/* note *\/ run()}` fails with
 * `1:4: curly-brace expressions are not allowed (found {/* note *\/ run()}) (fix: …)`.
 *
 * Must be the first remark plugin: it wraps the parser that `remark-parse`
 * installed, and later plugins must only see trees that passed.
 */
export default function remarkContentPolicy(this: Processor) {
  const parse = this.parser as Parser | undefined;
  if (parse === undefined) throw new Error('remarkContentPolicy must come after remark-parse');
  this.parser = (document: string, file: VFile): Root => {
    const parsed = parseWithinLimits(document, (text) => parse(text, file));
    if (parsed.problems) refuse(file, parsed.problems);
    return parsed.tree as Root;
  };
  return (tree: Root, file: VFile) => {
    const refusals = policyProblems(tree).map(({ node, message, fix }) => ({
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      message,
      fix,
    }));
    if (refusals.length > 0) refuse(file, refusals);
  };
}

/** Records every refusal on the file, then fails the run with all of them. */
function refuse(file: VFile, refusals: readonly Refusal[]): never {
  for (const { line, column, message, fix } of refusals) {
    file.message(`${message} (fix: ${fix})`, {
      place: { line, column },
      ruleId: 'content-policy',
      source: 'explainer',
    });
  }
  const [first, ...rest] = refusals as [Refusal, ...Refusal[]];
  const more = rest.map(({ line, column, message }) => `\n  ${line}:${column}: ${message}`).join('');
  return file.fail(`${first.message} (fix: ${first.fix})${more}`, {
    place: { line: first.line, column: first.column },
    ruleId: 'content-policy',
    source: 'explainer',
  });
}
