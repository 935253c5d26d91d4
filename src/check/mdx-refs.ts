import type { Root, RootContent } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { findCitations, findMalformedCitations } from './citation-syntax.ts';
import { COMPONENTS, policyProblems, stringList } from './mdx-policy.ts';
import { parseWithinLimits } from './parse-limits.ts';
import type { BodyRefs } from '../model/content-set.ts';

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

/** What `attributeValue` gives for an expression that is not a list of quoted strings. */
export const UNREADABLE = Symbol('unreadable');

// The same syntax as the render pipeline (remark-parse, remark-mdx with acorn, GFM: `body-tree.ts`),
// so that expressions carry their parsed program (`data.estree`) here too.
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const mdParser = unified().use(remarkParse).use(remarkGfm);

/** Parses a Markdown (`md`) or MDX (`mdx`) body into mdast. Throws on MDX syntax errors. Only through `parseWithinLimits`. */
function parseBody(body: string, format: 'md' | 'mdx'): Root {
  return (format === 'mdx' ? mdxParser : mdParser).parse(body);
}

/**
 * Reads the value of a JSX attribute from the parsed tree: a string, `true` for
 * a bare attribute, the strings of a list such as `{["a", "b"]}`, or
 * `UNREADABLE` for any other expression. Never evaluates anything.
 */
export function attributeValue(node: JsxNode, name: string): unknown {
  const attr = node.attributes.find(
    (a: MdxJsxAttribute | MdxJsxExpressionAttribute): a is MdxJsxAttribute =>
      a.type === 'mdxJsxAttribute' && a.name === name,
  );
  if (!attr) return undefined;
  if (attr.value === null || attr.value === undefined) return true;
  if (typeof attr.value === 'string') return attr.value;
  return stringList(attr.value.data?.estree) ?? UNREADABLE;
}

/**
 * Collects citations, mentions, embeds and timelines from a body, with file
 * positions, and the problems that make the body unusable (syntax errors,
 * unknown components, imports, missing `id`s).
 */
export function collectBodyRefs(file: string, body: string, bodyLine: number, format: 'md' | 'mdx'): BodyRefs {
  return parseBodyRefs(file, body, bodyLine, format);
}

/**
 * The references of a body read on its own (positions count from the top of
 * the body). The site index takes the content check's references from the
 * build context when it read the same text, and calls this otherwise.
 */
export function bodyRefs(file: string, body: string, format: 'md' | 'mdx'): BodyRefs {
  return parseBodyRefs(file, body, 1, format);
}

function parseBodyRefs(file: string, body: string, bodyLine: number, format: 'md' | 'mdx'): BodyRefs {
  const refs: BodyRefs = { citations: [], mentions: [], statements: [], figures: [], timelines: [], problems: [] };
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  let tree: Root;
  try {
    const parsed = parseWithinLimits(body, (text) => parseBody(text, format));
    if (parsed.problems) {
      for (const problem of parsed.problems) {
        refuse(refs, file, { line: problem.line + bodyLine - 1, column: problem.column }, problem.message, problem.fix);
      }
      return refs;
    }
    tree = parsed.tree;
  } catch (error) {
    const cause = error as { message?: string; line?: number; column?: number; reason?: string };
    const line = (cause.line ?? 1) + bodyLine - 1;
    // The parser counts lines from the start of the body; editors count from the top of the file.
    const reason = (cause.reason ?? cause.message ?? String(error)).replace(
      /\((\d+):\d+(?:-(\d+):\d+)?\)/g,
      (_all, from: string) => `(line ${Number(from) + bodyLine - 1})`,
    );
    const written = (body.split('\n')[(cause.line ?? 1) - 1] ?? '').trim();
    const near =
      written === '' ? '' : ` (the line reads "${written.length > 80 ? `${written.slice(0, 77)}...` : written}")`;
    refs.problems.push({
      file,
      line,
      column: cause.column,
      message: `the MDX cannot be read: ${reason}${near}`,
      fix: 'check that every <Component> is closed (<Actor id="x" /> or <Actor id="x">text</Actor>) and that { } and < > in text are escaped as \\{ \\} \\<',
      severity: 'error',
    });
    return refs;
  }
  // What may not be in a body: the same rule the render pipeline applies to its tree.
  const refused = new Set<unknown>();
  for (const problem of policyProblems(tree)) {
    refuse(refs, file, at(problem.node), problem.message, problem.fix, problem.field);
    refused.add(problem.node);
  }
  visit(tree, (node: Root | RootContent) => {
    if (node.type === 'text') {
      const start = at(node);
      const positionOf = (offset: number) => {
        const before = node.value.slice(0, offset);
        const newlines = before.split('\n').length - 1;
        return {
          line: start.line + newlines,
          column: newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n'),
        };
      };
      for (const match of findCitations(node.value)) {
        const position = positionOf(match.start);
        for (const key of match.keys) refs.citations.push({ id: key.key, locator: key.locator, ...position });
      }
      for (const match of findMalformedCitations(node.value)) {
        refs.malformed ??= [];
        refs.malformed.push({
          id: match.key,
          written: match.written,
          corrected: match.corrected,
          meant: match.meant,
          ...positionOf(match.start),
        });
      }
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !refused.has(node)) {
      collectComponent(file, node, at(node), refs);
    }
  });
  return refs;
}

/** Records an error in a body, at a node's position (and on a component's attribute, `field`). */
function refuse(
  refs: BodyRefs,
  file: string,
  position: { line: number; column: number },
  message: string,
  fix: string,
  field?: string,
): void {
  refs.problems.push({ file, ...position, ...(field === undefined ? {} : { field }), message, fix, severity: 'error' });
}

/** Reads the references of a component the policy let through (fragments and inline tags hold none). */
function collectComponent(
  file: string,
  node: JsxNode,
  position: { line: number; column: number },
  refs: BodyRefs,
): void {
  const name = node.name;
  if (name === null || !(COMPONENTS as readonly string[]).includes(name)) return;
  if (name === 'Timeline') {
    const actors = attributeValue(node, 'actors');
    const from = attributeValue(node, 'from');
    const to = attributeValue(node, 'to');
    const list = Array.isArray(actors) && actors.every((a) => typeof a === 'string') ? (actors as string[]) : undefined;
    if (actors !== undefined && !list) {
      refuse(
        refs,
        file,
        position,
        '<Timeline actors> must be a list of actor ids',
        'write it as actors={["first-actor", "second-actor"]}',
        'actors',
      );
    }
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== undefined && typeof value !== 'string') {
        refuse(
          refs,
          file,
          position,
          `<Timeline ${field}> must be a date in quotes`,
          `write ${field}="2024-11-04"`,
          field,
        );
      }
    }
    refs.timelines.push({
      actors: list,
      from: typeof from === 'string' ? from : undefined,
      to: typeof to === 'string' ? to : undefined,
      ...position,
    });
    return;
  }
  const id = attributeValue(node, 'id');
  if (typeof id !== 'string' || id === '') {
    refuse(refs, file, position, `<${name}> needs an id`, `write it as <${name} id="the-id" />`, 'id');
    return;
  }
  const ref = { id, ...position };
  if (name === 'Actor') refs.mentions.push(ref);
  else if (name === 'Statement') refs.statements.push(ref);
  else refs.figures.push(ref);
}
