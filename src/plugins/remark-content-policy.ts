import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { frontmatterProblems, policyProblems } from '../check/mdx-policy.ts';
import { parseWithinLimits } from '../check/parse-limits.ts';
import { findBuildContext, type Refusal } from '../loaders/build-context.ts';

/** The parser a processor has once `remark-parse` is attached. */
type Parser = (document: string, file: VFile) => Root;

/**
 * Refuses what a body may not hold, in the pipeline that compiles it, so that
 * no file is ever compiled unchecked (not even one the content check never saw).
 *
 * Before the parse: a text over the limits of `parse-limits.ts` fails at once
 * (the parser would take minutes on it). After the parse: the tree about to be
 * compiled goes through the same rule as the content check (`policyProblems`),
 * and the frontmatter it compiles with may hold no field Astro turns into an
 * import (`frontmatterProblems`: `layout`);
 * every construct it refuses becomes a message with line and column, and the
 * compile fails, so no code is ever generated from it.
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
    // The frontmatter the compiler turns into code (`layout` → an import) is read from the very object it uses.
    const frontmatter = (file.data as { astro?: { frontmatter?: unknown } }).astro?.frontmatter;
    const refusals = [
      ...frontmatterProblems(frontmatter).map(({ message, fix }) => ({ line: 1, column: 1, message, fix })),
      ...policyProblems(tree).map(({ node, message, fix }) => ({
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        message,
        fix,
      })),
    ];
    if (refusals.length > 0) refuse(file, refusals);
    findBuildContext()?.refusedBodies.delete(file.path);
  };
}

/** Records every refusal on the file and in the build context, then fails the compile with all of them. */
function refuse(file: VFile, refusals: readonly Refusal[]): never {
  findBuildContext()?.refusedBodies.set(file.path, {
    path: file.path,
    text: String(file.value),
    refusals: [...refusals],
  });
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
