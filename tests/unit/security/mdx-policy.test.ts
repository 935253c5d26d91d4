import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { afterAll, describe, expect, test } from 'vitest';
import { collectBodyRefs } from '../../../src/check/mdx-refs.ts';
import type { BodyNode } from '../../../src/plugins/body-tree.ts';
import { renderBody } from '../../helpers/body-tree.ts';

// Bodies are never compiled: a page turns each into a tree (`bodyTree`, with the
// content policy first) and renders the tree. Each attack below must be refused by
// the content check and by that function, and must never run. To show that the
// payloads are live code, the harness compiles them with MDX's own compiler and
// runs them, which writes their marker.

/** Every payload writes its own file here if it ever runs. */
const MARKERS = mkdtempSync(join(tmpdir(), 'explainer-mdx-policy-'));
afterAll(() => rmSync(MARKERS, { recursive: true, force: true }));
const marker = (name: string) => join(MARKERS, name);
/** JavaScript that writes the marker file `name`. */
const run = (name: string) =>
  `globalThis.process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker(name))}, "ran")`;

/** Every node of a tree, depth first. */
function* walk(nodes: readonly BodyNode[]): Generator<BodyNode> {
  for (const node of nodes) {
    yield node;
    if ('children' in node) yield* walk(node.children as BodyNode[]);
  }
}

/** A component that renders nothing; `Actor.x` too. */
const stub = Object.assign(() => null, { x: () => null });
const components = { Actor: stub, Statement: stub, Figure: stub, Timeline: stub, Chart: stub };
const jsxRuntime = {
  Fragment: 'fragment',
  jsx: (type: unknown, props: unknown) => ({ type, props }),
  jsxs: (type: unknown, props: unknown) => ({ type, props }),
};

/**
 * Compiles a body with MDX's compiler (what `@astrojs/mdx` used) and runs it:
 * module code at once, every expression and attribute when the content function
 * is called. A payload that got through writes its marker.
 */
async function compileAndRun(body: string): Promise<void> {
  try {
    const module = await evaluate(body, {
      ...jsxRuntime,
      baseUrl: import.meta.url,
      remarkPlugins: [remarkGfm],
    } as never);
    (module.default as (props: object) => unknown)({ components });
  } catch {
    // Refused, or the payload threw after running: the marker tells.
  }
}

/** [name, MDX body]: each would write the marker named after the case if it ran. */
const attacks: [string, (name: string) => string][] = [
  ['code after an editor comment (review case 1)', (m) => `{/* note */ ${run(m)} // */\n}`],
  [
    'an attribute written twice, the second code (review case 2)',
    (m) => `Text <abbr title="ok" title={${run(m)}}>A</abbr>.`,
  ],
  ['a flow expression', (m) => `{${run(m)}}`],
  ['an inline expression', (m) => `Home is {${run(m)}}.`],
  ['code before a comment', (m) => `{${run(m)} /* note */}`],
  ['code between two comments', (m) => `{/* a */ ${run(m)} /* b */}`],
  ['a line comment, then code on the next line', (m) => `{// note\n${run(m)}}`],
  ['a comment that looks closed twice', (m) => `{/* a */ /* b */ ${run(m)} /* c */}`],
  ['a comment next to an expression', (m) => `{/* fine */}{${run(m)}}`],
  ['nested braces in a function body', (m) => `{(() => { ${run(m)} })()}`],
  [
    'unicode escapes in a name',
    (m) => `{glob\\u0061lThis.process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker(m))}, "ran")}`,
  ],
  ['a template literal', (m) => `{\`\${${run(m)}}\`}`],
  ['a tagged template', (m) => `{String.raw\`\${${run(m)}}\`}`],
  ['new Function', (m) => `{new Function(${JSON.stringify(run(m))})()}`],
  ['void and a sequence', (m) => `{void (0, ${run(m)})}`],
  ['export', (m) => `export const x = ${run(m)}\n\nText.`],
  [
    'import, then a call in an export',
    (m) =>
      `import {writeFileSync} from "node:fs"\n\nexport const y = writeFileSync(${JSON.stringify(marker(m))}, "ran")\n\nText.`,
  ],
  ['a spread attribute on a component', (m) => `<Actor id="helena-voss" {...(${run(m)}, {})} />`],
  ['an expression attribute on a component', (m) => `<Actor id={(${run(m)}, "helena-voss")} />`],
  ['an expression attribute on an inline tag', (m) => `<abbr title={${run(m)}}>A</abbr>`],
  ['a spread attribute on an inline tag', (m) => `<b {...{ title: ${run(m)} }}>x</b>`],
  ['a spread after a plain attribute of the same name', (m) => `<abbr title="ok" {...{ title: ${run(m)} }}>A</abbr>`],
  ['JSX inside an attribute value', (m) => `<abbr title={<b>{${run(m)}}</b>}>A</abbr>`],
  ['an expression in link text', (m) => `[{${run(m)}}](https://example.org)`],
  ['an expression in a heading', (m) => `## Title {${run(m)}}`],
  ['an expression in a table cell', (m) => `| a |\n| - |\n| {${run(m)}} |`],
  ['an expression in a footnote', (m) => `Text[^1].\n\n[^1]: {${run(m)}}`],
  ['an expression inside a component', (m) => `<Actor id="helena-voss">{${run(m)}}</Actor>`],
  ['an expression inside an inline tag', (m) => `<b>{${run(m)}}</b>`],
  ['an expression inside a fragment', (m) => `<>{${run(m)}}</>`],
  ['Timeline actors spread from an array', (m) => `<Timeline actors={[...[${run(m)}]]} />`],
  ['Timeline actors with a template literal', (m) => `<Timeline actors={[\`\${${run(m)}}\`]} />`],
  ['Timeline actors with a call among the strings', (m) => `<Timeline actors={["helena-voss", ${run(m)}]} />`],
  ['Timeline actors after a comma operator', (m) => `<Timeline actors={(${run(m)}, ["helena-voss"])} />`],
  ['Timeline actors written twice', (m) => `<Timeline actors={["helena-voss"]} actors={[${run(m)}]} />`],
  ['a Timeline date in braces', (m) => `<Timeline from={${run(m)}} />`],
  ['an unknown component with code', (m) => `<Chart data={${run(m)}} />`],
  ['a member tag with code', (m) => `<Actor.x id={${run(m)}} />`],
];

describe('MDX that runs code is refused by the checker and by the render function, and never runs', () => {
  test.each(attacks)('%s', async (name, make) => {
    const body = make(name);
    // (a) the content check
    const { problems } = collectBodyRefs('content/articles/attack.mdx', body, 1, 'mdx');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.severity === 'error')).toBe(true);
    // (b) the function that makes the tree a page renders, refused by the policy (not by a syntax error)
    expect(renderBody(body).refusal?.ruleId).toBe('content-policy');
    // (c) the payload never ran
    expect(existsSync(marker(name))).toBe(false);
  });

  test('the harness sees a hole: compiled as MDX, the same payloads run', async () => {
    for (const [name, make] of attacks.slice(0, 3)) {
      await compileAndRun(make(`hole ${name}`));
      expect(existsSync(marker(`hole ${name}`))).toBe(true);
    }
  });

  test('the refusal names the line and column in the body', () => {
    const body = 'First line.\n\nText {/* x */ globalThis.y}.';
    expect(collectBodyRefs('content/articles/a.mdx', body, 6, 'mdx').problems[0]).toMatchObject({ line: 8, column: 6 });
    expect(renderBody(body).refusal).toMatchObject({ line: 3, column: 6 });
  });
});

describe('tricks that are not valid MDX fail both as syntax errors, and never run', () => {
  test.each([
    ['an HTML comment around an expression', (m: string) => `<!-- {${run(m)}} -->`],
    ['a comment closed inside the code', (m: string) => `{/* a */ ${run(m)} */}`],
    ['an unclosed comment', (m: string) => `{/* note ${run(m)}}`],
    ['an unclosed brace', (m: string) => `Text {${run(m)}`],
  ])('%s', async (name, make) => {
    const body = make(name);
    expect(collectBodyRefs('content/articles/attack.mdx', body, 1, 'mdx').problems[0]?.message).toMatch(
      /the MDX cannot be read/,
    );
    expect(renderBody(body).refusal).toBeDefined();
    expect(existsSync(marker(name))).toBe(false);
  });
});

describe('what the content model allows still passes both', () => {
  test.each([
    [
      'editor comments, flow and inline',
      '{/* note: check the date */}\n\nText {/* inline note */}.\n\n{/* several */ /* comments */}',
    ],
    ['a comment whose text looks like code', '{/* globalThis.process.exit(1) */}'],
    [
      'a Timeline with a list of ids and dates',
      '<Timeline actors={["helena-voss", "eastholm-council"]} from="2024-01-01" to="2024-12-31" />',
    ],
    ['a Timeline list with a comment in it', '<Timeline actors={["helena-voss" /* the mayor */]} />'],
    ['an empty Timeline', '<Timeline />'],
    [
      'inline tags with title and lang',
      'The <abbr title="Eastholm Flood Authority" lang="en">EFA</abbr> and H<sub>2</sub>O, <q lang="de">Deich</q>, <b>bold</b><br />next.',
    ],
    ['citations', 'A claim [@eastholm-bulletin]. Another [@eastholm-bulletin, p. 4].'],
    [
      'mentions and embeds',
      '<Actor id="helena-voss" /> and <Actor id="eastholm-council">the council</Actor>.\n\n<Statement id="voss-barrier-pledge" />',
    ],
    [
      'links, escaped braces, tables, footnotes',
      '[a](https://example.org/a?b=1) [b](#references) \\{ not code \\}\n\n| a | b |\n| - | - |\n| 1 | ~~2~~ |\n\nText[^n].\n\n[^n]: A note.',
    ],
    ['quotes and lists', '> A quote\n> - with a list\n>   1. nested\n\n- one\n  - two\n    - three'],
  ])('%s', async (_name, body) => {
    expect(collectBodyRefs('content/articles/fine.mdx', body, 1, 'mdx').problems).toEqual([]);
    const { tree, refusal } = renderBody(body);
    expect(refusal).toBeUndefined();
    // Components come out with values only: strings, or a list of strings.
    for (const node of walk(tree?.children ?? [])) {
      for (const value of node.type === 'component' ? Object.values(node.props) : [])
        expect(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))).toBe(
          true,
        );
      expect(node.type).toMatch(/^(component|element|text)$/);
    }
  });
});

describe('Markdown bodies (actor bios, figure notes) are refused by the render function too', () => {
  test.each([
    ['a script tag', '<script>alert(1)</script>', /raw HTML/],
    ['an image with onerror', 'Bio <img src="x" onerror="alert(1)">', /raw HTML/],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://example.org">', /raw HTML/],
    ['a javascript: link', '[x](javascript:alert(1))', /not a web address/],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', /images in the text/],
  ])('%s', (_name, body, message) => {
    expect(collectBodyRefs('content/actors/a.md', body, 1, 'md').problems[0]?.message).toMatch(message);
    expect(renderBody(body, 'md').refusal).toMatchObject({
      ruleId: 'content-policy',
      message: expect.stringMatching(message),
    });
  });
});

describe('texts that would make the parser run for minutes are refused before it reads them', () => {
  test.each([
    ['100,000 nested quotes, 200 KB (review case 3)', `${'> '.repeat(100_000)}x`, /too long: 200,001 characters/],
    ['49,000 nested quotes on one line', `${'> '.repeat(49_000)}x`, /inside 49,000 nested/],
    ['4,000 nested list markers (review case 3)', `${'- '.repeat(4_000)}x`, /inside 4,000 nested/],
    ['50,000 brackets (review case 3)', '['.repeat(50_000), /holds more than 500 of the characters/],
    ['20,000 one-line quotes, 100 KB', '> x\n\n'.repeat(19_999), /opens more than 1,000 blockquotes/],
    ['16,000 setext headings', 'a\n=\n\n'.repeat(16_000), /more than 3,000 lines/],
    ['10,000 lines continuing a quote', `> x\n${'y\n'.repeat(10_000)}`, /more than 3,000 lines/],
    ['one paragraph of 50,000 escapes', '\\!'.repeat(25_000), /longer than 20,000 characters/],
    ['quotes with CR line endings', '> x\r\r'.repeat(2_000), /opens more than 1,000 blockquotes/],
    ['200 nested tags', `${'<b>'.repeat(200)}x${'</b>'.repeat(200)}`, /nested more than 100 deep/],
  ])('%s', (_name, body, message) => {
    const started = performance.now();
    const { problems } = collectBodyRefs('content/articles/big.mdx', body, 1, 'mdx');
    expect(problems.map((problem) => problem.message)).toContainEqual(expect.stringMatching(message));
    expect(renderBody(body).refusal).toMatchObject({
      ruleId: 'content-policy',
      message: expect.stringMatching(message),
    });
    expect(renderBody(body, 'md').refusal).toMatchObject({ ruleId: 'content-policy' });
    // Each took minutes to parse before; refused from the text, it takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
