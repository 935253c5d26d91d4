import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { findCitations, findMalformedCitations } from './citation-syntax.ts';
import type { BodyRefs } from '../model/content-set.ts';

/** The MDX components an editor may use, with no imports. */
export const COMPONENTS = ['Actor', 'Statement', 'Figure', 'Timeline'] as const;

/** Inline HTML tags an MDX article may use, with only `title` and `lang` attributes. */
export const INLINE_TAGS = ['abbr', 'b', 'br', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u'] as const;
const INLINE_ATTRIBUTES = ['title', 'lang'];

/** Link targets a body may use: web addresses and anchors on the same page. */
const SAFE_LINK = /^(https?:\/\/[^\s]+|#[^\s]*)$/i;


type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

/** `{/* a note for editors *\/}` is a comment, the one kind of braces an article may hold. */
function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*?\*\/\s*$/.test(expression) && !/\*\/[\s\S]*\/\*/.test(expression);
}

/** What `attributeValue` gives for an expression that is not a plain literal. */
export const UNREADABLE = Symbol.for('unreadable');

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const mdParser = unified().use(remarkParse).use(remarkGfm);

/** Parses a Markdown (`md`) or MDX (`mdx`) body into mdast. Throws on MDX syntax errors. */
export function parseBody(body: string, format: 'md' | 'mdx'): Root {
  return (format === 'mdx' ? mdxParser : mdParser).parse(body);
}

/** Reads the value of a JSX attribute: a string, or a simple literal expression such as `["a", "b"]`. */
export function attributeValue(node: JsxNode, name: string): unknown {
  const attr = node.attributes.find(
    (a: MdxJsxAttribute | MdxJsxExpressionAttribute): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name,
  );
  if (!attr) return undefined;
  if (attr.value === null || attr.value === undefined) return true;
  if (typeof attr.value === 'string') return attr.value;
  try {
    return JSON.parse(attr.value.value.replace(/'/g, '"'));
  } catch {
    return UNREADABLE;
  }
}

/**
 * Collects citations, mentions, embeds and timelines from a body, with file
 * positions, and the problems that make the body unusable (syntax errors,
 * unknown components, imports, missing `id`s).
 */
export function collectBodyRefs(file: string, body: string, bodyLine: number, format: 'md' | 'mdx'): BodyRefs {
  const refs = parseBodyRefs(file, body, bodyLine, format);
  checkedBodies().set(`${format}\0${file}`, { body, refs });
  return refs;
}

const CHECKED = Symbol.for('explainer.checked-bodies');

/**
 * The references of every body the content check read, by format and file.
 * The check runs in Astro's config and the pages in the rendering bundle: two
 * copies of this module in one process, which meet through this global.
 */
function checkedBodies(): Map<string, { body: string; refs: BodyRefs }> {
  const store = globalThis as { [CHECKED]?: Map<string, { body: string; refs: BodyRefs }> };
  store[CHECKED] ??= new Map();
  return store[CHECKED];
}

/**
 * The references of a body for the site index: those the content check found
 * in this same text when there are some (no second parse), otherwise parsed now.
 * Positions count from the top of the file in the first case, of the body in the second.
 */
export function bodyRefs(file: string, body: string, format: 'md' | 'mdx'): BodyRefs {
  const checked = checkedBodies().get(`${format}\0${file}`);
  // Astro's loader trims the blank lines around a body; that changes no reference.
  return checked !== undefined && checked.body.trim() === body.trim() ? checked.refs : parseBodyRefs(file, body, 1, format);
}

function parseBodyRefs(file: string, body: string, bodyLine: number, format: 'md' | 'mdx'): BodyRefs {
  const refs: BodyRefs = { citations: [], mentions: [], statements: [], figures: [], timelines: [], problems: [] };
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  let tree: Root;
  try {
    tree = parseBody(body, format);
  } catch (error) {
    const cause = error as { message?: string; line?: number; column?: number; reason?: string };
    const line = (cause.line ?? 1) + bodyLine - 1;
    // The parser counts lines from the start of the body; editors count from the top of the file.
    const reason = (cause.reason ?? cause.message ?? String(error)).replace(
      /\((\d+):\d+(?:-(\d+):\d+)?\)/g,
      (_all, from: string) => `(line ${Number(from) + bodyLine - 1})`,
    );
    const written = (body.split('\n')[(cause.line ?? 1) - 1] ?? '').trim();
    const near = written === '' ? '' : ` (the line reads "${written.length > 80 ? `${written.slice(0, 77)}...` : written}")`;
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
  visit(tree, (node: Root | RootContent) => {
    if (node.type === 'text') {
      const start = at(node);
      const positionOf = (offset: number) => {
        const before = node.value.slice(0, offset);
        const newlines = before.split('\n').length - 1;
        return { line: start.line + newlines, column: newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n') };
      };
      for (const match of findCitations(node.value)) {
        const position = positionOf(match.start);
        for (const key of match.keys) refs.citations.push({ id: key.key, locator: key.locator, ...position });
      }
      for (const match of findMalformedCitations(node.value)) {
        refs.malformed ??= [];
        refs.malformed.push({ id: match.key, written: match.written, corrected: match.corrected, meant: match.meant, ...positionOf(match.start) });
      }
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(node.value)) {
      refuse(refs, file, at(node), `curly-brace expressions are not allowed (found {${node.value.slice(0, 40)}})`, 'to write a brace as text, put a backslash before it: \\{ and \\}');
    } else if (node.type === 'html') {
      refuse(refs, file, at(node), `raw HTML is not allowed here (found ${node.value.slice(0, 40)})`, 'write Markdown instead; mentions and embeds such as <Actor> work only in articles (.mdx)');
    } else if (node.type === 'link' || node.type === 'definition') {
      if (!SAFE_LINK.test(node.url)) {
        refuse(refs, file, at(node), `the link "${node.url.slice(0, 60)}" is not a web address`, 'links must start with https:// or http://; for people and bodies use <Actor id="…">, for sources a citation [@id]');
      }
    } else if (node.type === 'image' || node.type === 'imageReference') {
      refuse(refs, file, at(node), 'images in the text are not supported', 'remove the image; an actor\'s portrait goes in its `image` field');
    } else if (node.type === 'mdxjsEsm') {
      refuse(refs, file, at(node), 'imports and exports are not allowed in articles', 'remove the import: <Actor>, <Statement>, <Figure> and <Timeline> work without one');
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      collectComponent(file, node, at(node), refs);
    }
  });
  return refs;
}

/** Records an error in a body, at a node's position (and on a component's attribute, `field`). */
function refuse(refs: BodyRefs, file: string, position: { line: number; column: number }, message: string, fix: string, field?: string): void {
  refs.problems.push({ file, ...position, ...(field === undefined ? {} : { field }), message, fix, severity: 'error' });
}

function collectComponent(file: string, node: JsxNode, position: { line: number; column: number }, refs: BodyRefs): void {
  const name = node.name;
  for (const attribute of node.attributes) {
    const literal =
      attribute.type === 'mdxJsxAttribute' &&
      (attribute.value === null || attribute.value === undefined || typeof attribute.value === 'string' || attributeValue(node, attribute.name) !== UNREADABLE);
    if (!literal) {
      refuse(refs, file, position, `<${name ?? ''}> has an attribute that is code, not a value`, 'write attribute values as text in quotes (id="x"), or a list of quoted ids (actors={["a", "b"]})');
      return;
    }
  }
  if (name === null) return; // a fragment: <>…</>
  if (/^[a-z]/.test(name)) {
    const badAttribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && !INLINE_ATTRIBUTES.includes(a.name));
    if (!(INLINE_TAGS as readonly string[]).includes(name) || badAttribute) {
      const message =
        (INLINE_TAGS as readonly string[]).includes(name) && badAttribute?.type === 'mdxJsxAttribute'
          ? `the attribute ${badAttribute.name} is not allowed on <${name}>`
          : `the HTML tag <${name}> is not allowed`;
      refuse(refs, file, position, message, `write Markdown instead; allowed inline tags: ${INLINE_TAGS.map((t) => `<${t}>`).join(' ')} (with title or lang only)`);
    }
    return;
  }
  if (!(COMPONENTS as readonly string[]).includes(name)) {
    refuse(refs, file, position, `unknown component <${name}>`, `use one of ${COMPONENTS.map((c) => `<${c}>`).join(', ')}`);
    return;
  }
  if (name === 'Timeline') {
    const actors = attributeValue(node, 'actors');
    const from = attributeValue(node, 'from');
    const to = attributeValue(node, 'to');
    const list = Array.isArray(actors) && actors.every((a) => typeof a === 'string') ? (actors as string[]) : undefined;
    if (actors !== undefined && !list) {
      refuse(refs, file, position, '<Timeline actors> must be a list of actor ids', 'write it as actors={["first-actor", "second-actor"]}', 'actors');
    }
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (value !== undefined && typeof value !== 'string') {
        refuse(refs, file, position, `<Timeline ${field}> must be a date in quotes`, `write ${field}="2024-11-04"`, field);
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
