import { describe, expect, test } from 'vitest';
import { bodyRefs, collectBodyRefs } from '../../../src/check/mdx-refs.ts';

const body = [
  'Intro [@a; @b, p. 4] and <Actor id="x" /> with <Actor id="y">text</Actor>.',
  '',
  '<Statement id="s1" />',
  '',
  '<Figure id="f1" />',
  '',
  '<Timeline actors={["x", "y"]} from="2024-11-01" to="2024-11-04" />',
  '',
  'Code `[@not-a-citation]` stays.',
  '',
  '```',
  '[@nor-this]',
  '```',
].join('\n');

describe('collectBodyRefs', () => {
  const refs = collectBodyRefs('a.mdx', body, 5, 'mdx');

  test('finds citations with file lines', () => {
    expect(refs.citations).toEqual([
      { id: 'a', locator: undefined, line: 5, column: 7 },
      { id: 'b', locator: 'p. 4', line: 5, column: 7 },
    ]);
  });

  test('finds mentions, embeds and timelines', () => {
    expect(refs.mentions.map((m) => m.id)).toEqual(['x', 'y']);
    expect(refs.statements).toEqual([{ id: 's1', line: 7, column: 1 }]);
    expect(refs.figures.map((f) => f.id)).toEqual(['f1']);
    expect(refs.timelines).toEqual([{ actors: ['x', 'y'], from: '2024-11-01', to: '2024-11-04', line: 11, column: 1 }]);
  });

  test('leaves code alone and reports no problem', () => {
    expect(refs.citations.some((c) => c.id.startsWith('no'))).toBe(false);
    expect(refs.problems).toEqual([]);
  });

  test('an unknown component is a problem with its line', () => {
    const { problems } = collectBodyRefs('a.mdx', 'Text\n\n<Chart id="x" />\n', 1, 'mdx');
    expect(problems[0]).toMatchObject({ line: 3, message: 'unknown component <Chart>' });
  });

  test('an import is a problem', () => {
    expect(
      collectBodyRefs('a.mdx', "import X from '../lib/x.astro';\n\nText\n", 1, 'mdx').problems[0]?.message,
    ).toMatch(/imports/);
  });

  test('an MDX syntax error is a problem, not a throw', () => {
    const { problems } = collectBodyRefs('a.mdx', 'Line one\n\n<Actor id="x">never closed\n', 10, 'mdx');
    expect(problems[0]?.message).toMatch(/MDX cannot be read/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(10);
  });

  test('a component without id is a problem', () => {
    expect(collectBodyRefs('a.mdx', '<Statement />\n', 1, 'mdx').problems[0]).toMatchObject({ field: 'id' });
  });

  test.each([
    ['an expression', 'Home is {process.env.HOME}.', /curly-brace expressions/],
    ['code after a comment', '{/* x */ process.env.HOME}', /curly-brace expressions/],
    ['a javascript: link', '[x](javascript:alert(1))', /"javascript:alert\(1\)" is not a web address/],
    ['a data: link definition', '[x]\n\n[x]: data:text/html,hi', /is not a web address/],
    ['a relative link', '[x](/actors/x/)', /is not a web address/],
    ['an image', '![alt](https://example.org/x.png)', /images in the text are not supported/],
    ['a script tag', '<script>alert(1)</script>', /the HTML tag <script> is not allowed/],
    ['an anchor tag', '<a href="https://example.org">x</a>', /the HTML tag <a> is not allowed/],
    [
      'an event handler on an allowed tag',
      '<abbr onclick="x()">A</abbr>',
      /the attribute onclick is not allowed on <abbr>/,
    ],
    ['a spread attribute', '<Actor id="x" {...props} />', /attribute that is code/],
    ['a code attribute', '<Actor id={process.env.HOME} />', /attribute that is code/],
  ])('%s in MDX is refused', (_name, body, message) => {
    const { problems } = collectBodyRefs('a.mdx', body, 1, 'mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(message);
  });

  test.each([
    ['an https link', '[x](https://example.org/a?b=1)'],
    ['an anchor', '[x](#references)'],
    ['an allowed inline tag', '<abbr title="North Atlantic Treaty Organization">NATO</abbr>'],
    ['an escaped brace', 'A \\{ brace \\}'],
    ["an editors' comment", '{/* note: check the date */}\n\nText {/* inline note */}.'],
  ])('%s in MDX is fine', (_name, body) => {
    expect(collectBodyRefs('a.mdx', body, 1, 'mdx').problems).toEqual([]);
  });

  test('raw HTML in Markdown bodies is refused', () => {
    const { problems } = collectBodyRefs('a.md', 'Bio.\n\n<script>alert(1)</script>\n', 1, 'md');
    expect(problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/raw HTML is not allowed/) });
  });

  test('Markdown bodies read citations too', () => {
    expect(collectBodyRefs('a.md', 'Bio [@s].', 3, 'md').citations.map((c) => [c.id, c.line])).toEqual([['s', 3]]);
  });
});

describe('bodyRefs', () => {
  test('reads a body on its own, lines counted from the top of the body', () => {
    const refs = bodyRefs('content/articles/changed.mdx', 'See <Actor id="b" />.', 'mdx');
    expect(refs.mentions.map((m) => m.id)).toEqual(['b']);
    expect(refs.mentions[0]?.line).toBe(1);
  });
});
