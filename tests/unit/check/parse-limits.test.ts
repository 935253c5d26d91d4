import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { limitProblems, PARSE_LIMITS, parseWithinLimits, tooDeep } from '../../../src/check/parse-limits.ts';

const L = PARSE_LIMITS;
/** Exactly as many characters as the limit allows, in paragraphs the paragraph limit allows. */
const longest = `${`${'a'.repeat(L.paragraph - 2)}\n\n`.repeat(L.characters / L.paragraph - 1)}${'a'.repeat(L.paragraph)}`;
const messages = (text: string) => limitProblems(text).map((problem) => problem.message);

describe('limitProblems', () => {
  const story = join(import.meta.dirname, '../../fixtures/site/content');
  const bodies = ['articles', 'actors', 'figures'].flatMap((folder) =>
    readdirSync(join(story, folder)).map(
      (name) => [`${folder}/${name}`, readFileSync(join(story, folder, name), 'utf8')] as const,
    ),
  );

  test.each(bodies)('the fixture story is far within the limits: %s', (_name, text) => {
    expect(limitProblems(text)).toEqual([]);
  });

  // [what, text at the limit (passes), one more (refused), message]
  test.each([
    ['characters', longest, `${longest}a`, /too long: 100,001 characters/],
    ['lines', 'a\n'.repeat(L.lines), 'a\n'.repeat(L.lines + 1), /more than 3,000 lines/],
    [
      'blockquotes and list items',
      '> a\n\n- b\n\n'.repeat(L.blocks / 2),
      `${'> a\n\n- b\n\n'.repeat(L.blocks / 2)}* c`,
      /opens more than 1,000 blockquotes/,
    ],
    [
      'nesting on one line',
      `${'> '.repeat(16)}${'- '.repeat(16)}x`,
      `${'> '.repeat(16)}${'- '.repeat(17)}x`,
      /inside 33 nested/,
    ],
    [
      'nesting by indentation',
      `- a\n${' '.repeat(2 * L.nesting - 2)}- b`,
      `- a\n${' '.repeat(2 * L.nesting)}- b`,
      /inside 33 nested/,
    ],
    [
      'paragraph length',
      'a'.repeat(L.paragraph),
      `${'a'.repeat(L.paragraph - 2)}\nbb`,
      /paragraph that starts on line 1 is longer than 20,000/,
    ],
    [
      'marks in a paragraph',
      '[@a] *b* '.repeat(L.marks / 4),
      `${'[@a] *b* '.repeat(L.marks / 4)}_`,
      /paragraph that starts on line 1 holds more than 500/,
    ],
  ])('%s: at the limit passes, one more is refused', (_what, atLimit, over, message) => {
    expect(limitProblems(atLimit)).toEqual([]);
    expect(messages(over)).toContainEqual(expect.stringMatching(message));
  });

  test('blank space around the text and blank lines do not count, so a frontmatter turned to spaces changes nothing', () => {
    const frontmatter = `   ${' '.repeat(300)}\n${' '.repeat(80)}\n   \n\n`;
    expect(limitProblems(`\n\n${longest}\n \n`)).toEqual([]);
    expect(limitProblems(`${frontmatter}${longest}`)).toEqual([]);
    expect(messages(`${frontmatter}${longest}b`)).toEqual(messages(`${longest}b`));
    expect(messages(`${longest}b`)).toEqual([expect.stringMatching(/too long: 100,001/)]);
  });

  test('problems name the line where the limit is passed, counting every line', () => {
    const text = `Intro.\n\n${'x '.repeat(10)}\n${'['.repeat(L.marks)}\n]`;
    expect(limitProblems(text)).toEqual([
      {
        line: 5,
        column: 1,
        message: expect.stringMatching(/paragraph that starts on line 3 holds more than 500/),
        fix: expect.any(String),
      },
    ]);
  });

  test('a quote goes on over many lines without opening new blocks', () => {
    expect(limitProblems('> q\n'.repeat(2 * L.blocks))).toEqual([]);
    expect(messages('> q\n\n'.repeat(L.blocks + 1))).toContainEqual(expect.stringMatching(/opens more than/));
  });

  test('CR and CR LF end lines as they do for Markdown; a form feed is text, not a blank line', () => {
    expect(messages('a\r'.repeat(L.lines + 1))).toContainEqual(expect.stringMatching(/more than 3,000 lines/));
    expect(messages('a\r\n'.repeat(L.lines + 1))).toContainEqual(expect.stringMatching(/more than 3,000 lines/));
    expect(limitProblems('a\r\n'.repeat(L.lines))).toEqual([]);
    expect(messages(`${'*'.repeat(L.marks)}\n\f\n*`)).toContainEqual(expect.stringMatching(/holds more than 500/));
    expect(limitProblems(`${'*'.repeat(L.marks)}\n \t\n*`)).toEqual([]);
  });

  test('a tab indents four columns', () => {
    expect(messages(`- a\n${'\t'.repeat(L.nesting / 2 + 1)}- b`)).toContainEqual(expect.stringMatching(/nested/));
  });
});

describe('parseWithinLimits', () => {
  const at = (line: number) => ({ start: { line, column: 3, offset: 0 }, end: { line, column: 4, offset: 1 } });
  /** A root, then `depth` emphasis nodes one in the other, then text; each node on the line of its depth. */
  const nested = (depth: number): Root => {
    let node: object = { type: 'text', value: 'x', position: at(depth + 1) };
    for (let level = depth; level > 0; level -= 1) node = { type: 'emphasis', children: [node], position: at(level) };
    return { type: 'root', children: [node] } as Root;
  };

  test('does not call the parser on a text over the limits', () => {
    let called = false;
    const result = parseWithinLimits('a'.repeat(L.characters + 1), () => {
      called = true;
      return nested(0);
    });
    expect(called).toBe(false);
    expect(result.problems?.[0]?.message).toMatch(/too long/);
  });

  test('gives the tree, or the first node deeper than the limit with its position', () => {
    expect(parseWithinLimits('x', () => nested(L.treeDepth - 1)).tree).toBeDefined();
    expect(tooDeep(nested(L.treeDepth - 1))).toBeUndefined();
    expect(parseWithinLimits('x', () => nested(L.treeDepth + 5)).problems).toEqual([
      {
        line: L.treeDepth + 1,
        column: 3,
        message: 'elements are nested more than 100 deep here',
        fix: expect.any(String),
      },
    ]);
  });

  test('a stack overflow in the parser is a problem; any other error is the caller’s', () => {
    expect(
      parseWithinLimits('x', () => {
        throw new RangeError('Maximum call stack size exceeded');
      }).problems?.[0]?.message,
    ).toMatch(/nested too deeply/);
    expect(() =>
      parseWithinLimits('x', () => {
        throw new SyntaxError('bad');
      }),
    ).toThrow(SyntaxError);
  });
});
