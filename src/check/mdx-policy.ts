import type { Program } from 'estree-jsx';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

/** The components an article may use, with no imports, and the attributes each one takes. */
export const COMPONENT_ATTRIBUTES = {
  Actor: ['id'],
  Statement: ['id'],
  Figure: ['id'],
  Timeline: ['actors', 'from', 'to'],
} as const satisfies Record<string, readonly string[]>;

/** The names of the components an article may use. */
export const COMPONENTS = Object.keys(COMPONENT_ATTRIBUTES) as (keyof typeof COMPONENT_ATTRIBUTES)[];

/** Inline HTML tags an MDX article may use, with only `title` and `lang` attributes. */
export const INLINE_TAGS = [
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
] as const;
const INLINE_ATTRIBUTES: readonly string[] = ['title', 'lang'];

/** The one attribute that may be written in braces: `<Timeline actors={["a", "b"]} />`, a list of quoted strings. */
const LIST_ATTRIBUTE = { element: 'Timeline', name: 'actors' } as const;

/** Link targets a body may use: web addresses and anchors on the same page. */
const SAFE_LINK = /^(https?:\/\/[^\s]+|#[^\s]*)$/i;

/** Node types a body may hold: Markdown, GFM tables, strikethrough and footnotes, MDX. Anything else is refused. */
const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'definition',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'tableRow',
  'tableCell',
  'html',
  'image',
  'imageReference',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
]);

/** A construct a body may not hold, at the node that holds it. */
export interface PolicyProblem {
  node: Nodes;
  message: string;
  fix: string;
  /** The attribute concerned, for a component's attribute. */
  field?: string;
}

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * What a body may hold, as one rule over its parsed tree: text, Markdown, the
 * four components and a few inline tags with plain values, web links, and
 * `{/* comments *\/}`. Nothing that runs code (imports, exports, expressions,
 * expression or spread attributes), no raw HTML, no other tags or attributes,
 * no attribute written twice, no `javascript:` links, no images. The content
 * check and the render pipeline (remark-content-policy, in body-tree.ts) both
 * call this on the tree they have, so they cannot disagree.
 *
 * `{/* note *\/ run()}` gives one problem: the expression holds code.
 */
export function policyProblems(tree: Root): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  let timelines = 0;
  visit(tree, (node: Nodes) => {
    problems.push(...nodeProblems(node));
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Timeline') {
      timelines += 1;
      if (timelines === MAX_TIMELINES + 1)
        problems.push({
          node,
          message: `a text may show at most ${MAX_TIMELINES} <Timeline> (each lists the whole story's events and statements)`,
          fix: 'remove the extra ones, or narrow one <Timeline> with actors, from and to',
        });
    }
  });
  return problems;
}

/**
 * How many `<Timeline>` one body may hold. Each renders the whole story's
 * timeline, so the text limits alone (thousands of `<Timeline />` in 100,000
 * characters) would let a few kilobytes ask for gigabytes of page.
 */
export const MAX_TIMELINES = 5;

function nodeProblems(node: Nodes): PolicyProblem[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [
        {
          node,
          message: 'imports and exports are not allowed in articles',
          fix: 'remove the import: <Actor>, <Statement>, <Figure> and <Timeline> work without one',
        },
      ];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return isComment(node.data?.estree)
        ? []
        : [
            {
              node,
              message: `curly-brace expressions are not allowed (found {${node.value.slice(0, 40)}})`,
              fix: 'to write a brace as text, put a backslash before it: \\{ and \\}; a note for editors is written {/* note */}',
            },
          ];
    case 'html':
      return [
        {
          node,
          message: `raw HTML is not allowed here (found ${node.value.slice(0, 40)})`,
          fix: 'write Markdown instead; mentions and embeds such as <Actor> work only in articles (.mdx)',
        },
      ];
    case 'link':
    case 'definition':
      return SAFE_LINK.test(node.url)
        ? []
        : [
            {
              node,
              message: `the link "${node.url.slice(0, 60)}" is not a web address`,
              fix: 'links must start with https:// or http://; for people and bodies use <Actor id="…">, for sources a citation [@id]',
            },
          ];
    case 'image':
    case 'imageReference':
      return [
        {
          node,
          message: 'images in the text are not supported',
          fix: "remove the image; an actor's portrait goes in its `image` field",
        },
      ];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementProblems(node);
    default:
      return KNOWN_TYPES.has(node.type)
        ? []
        : [{ node, message: `${node.type} is not supported in the text`, fix: 'write plain Markdown' }];
  }
}

/** `{/* a note *\/}`: an expression with comments and no code, judged from the parsed program. */
function isComment(program: Program | null | undefined): boolean {
  return program !== null && program !== undefined && program.body.length === 0 && (program.comments?.length ?? 0) > 0;
}

/**
 * The strings of a program that is one array of string literals, `["a", "b"]`;
 * undefined for anything else (template literals, names, spreads, calls…).
 */
export function stringList(program: Program | null | undefined): string[] | undefined {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'ArrayExpression') return undefined;
  const list: string[] = [];
  for (const element of statement.expression.elements) {
    if (element?.type !== 'Literal' || typeof element.value !== 'string') return undefined;
    list.push(element.value);
  }
  return list;
}

function elementProblems(node: JsxNode): PolicyProblem[] {
  const name = node.name;
  const tag = `<${name ?? ''}>`;
  const problems: PolicyProblem[] = [];
  const valueFix = 'write attribute values as text in quotes (id="x"), or a list of quoted ids (actors={["a", "b"]})';
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push({ node, message: `${tag} has an attribute that is code, not a value`, fix: valueFix });
      continue;
    }
    if (seen.has(attribute.name)) {
      problems.push({
        node,
        field: attribute.name,
        message: `${tag} has the attribute ${attribute.name} twice`,
        fix: 'write each attribute once',
      });
    }
    seen.add(attribute.name);
    const value = attribute.value;
    if (value !== null && value !== undefined && typeof value !== 'string') {
      const list =
        name === LIST_ATTRIBUTE.element && attribute.name === LIST_ATTRIBUTE.name
          ? stringList(value.data?.estree)
          : undefined;
      if (list === undefined)
        problems.push({
          node,
          field: attribute.name,
          message: `${tag} has an attribute that is code, not a value`,
          fix: valueFix,
        });
    }
  }
  if (name === null) return problems; // a fragment, <>…</>, has no attributes
  const names = node.attributes.flatMap((attribute) => (attribute.type === 'mdxJsxAttribute' ? [attribute.name] : []));
  if (/^[a-z]/.test(name)) {
    const inlineFix = `write Markdown instead; allowed inline tags: ${INLINE_TAGS.map((t) => `<${t}>`).join(' ')} (with title or lang only)`;
    if (!(INLINE_TAGS as readonly string[]).includes(name))
      return [{ node, message: `the HTML tag ${tag} is not allowed`, fix: inlineFix }];
    for (const attribute of new Set(names.filter((n) => !INLINE_ATTRIBUTES.includes(n)))) {
      problems.push({ node, message: `the attribute ${attribute} is not allowed on ${tag}`, fix: inlineFix });
    }
    return problems;
  }
  if (!Object.hasOwn(COMPONENT_ATTRIBUTES, name)) {
    return [
      { node, message: `unknown component ${tag}`, fix: `use one of ${COMPONENTS.map((c) => `<${c}>`).join(', ')}` },
    ];
  }
  const allowed: readonly string[] = COMPONENT_ATTRIBUTES[name as keyof typeof COMPONENT_ATTRIBUTES];
  for (const attribute of new Set(names.filter((n) => !allowed.includes(n)))) {
    problems.push({
      node,
      field: attribute,
      message: `${tag} takes no attribute ${attribute}`,
      fix: `${tag} takes only ${allowed.join(', ')}`,
    });
  }
  return problems;
}
