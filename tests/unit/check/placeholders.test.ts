import { describe, expect, test } from 'vitest';
import { placeholderProblems, placeholderText } from '../../../src/check/placeholders.ts';

describe('placeholder warnings', () => {
  test('a placeholder in YAML is reported with its line, column and key', () => {
    const text = `# New source. REPLACE: in a comment is not read\n- id: a\n  title: Report\n  publisher: "${placeholderText('the outlet')}"\n`;
    const [problem, ...rest] = placeholderProblems('content/sources/a.yaml', text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: 'content/sources/a.yaml',
      line: 4,
      column: 15,
      field: 'publisher',
      severity: 'warning',
    });
    expect(problem?.message).toContain('"REPLACE: the outlet"');
  });

  test('in Markdown and MDX, frontmatter lines name their key and body lines are the body', () => {
    const text = [
      '---',
      '# REPLACE: a comment',
      'title: T',
      `description: ${placeholderText('the standfirst')}`,
      '---',
      '',
      'Intro.',
      '',
      placeholderText('write the story here.'),
      '',
    ].join('\r\n');
    const problems = placeholderProblems('content/articles/a.mdx', text);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'description'],
      [9, 'body'],
    ]);
  });

  test('a placeholder moved into a block value is reported under its key', () => {
    const yaml = `- id: a\n  name: A\n  description: >-\n    ${placeholderText('One line on who A is.')}\n`;
    expect(placeholderProblems('content/sources/a.yaml', yaml).map((p) => [p.line, p.field])).toEqual([
      [4, 'description'],
    ]);
    const md = ['---', 'title: T', 'description: |', `  ${placeholderText('the standfirst')}`, '---', 'Body.'].join(
      '\n',
    );
    expect(placeholderProblems('content/articles/a.mdx', md).map((p) => [p.line, p.field])).toEqual([
      [4, 'description'],
    ]);
  });

  test('text without the mark, or with the word in other case, is not reported', () => {
    expect(
      placeholderProblems('a.md', '---\ntitle: Replace: the old bridge\n---\nWe will replace: nothing.\n'),
    ).toEqual([]);
  });
});
