import { describe, expect, test } from 'vitest';
import { articleCorrections, listCorrections } from '../../../src/site/corrections.ts';

const article = (id: string, title: string, updates: { date: string; summary: string; correction?: boolean }[]) => ({
  id,
  file: `content/articles/${id}.mdx`,
  data: { title, updates },
});

describe('corrections', () => {
  test('only entries with correction: true, newest first', () => {
    expect(
      articleCorrections({
        updates: [
          { date: '2024-11-05', summary: 'a', correction: true },
          { date: '2024-11-09', summary: 'b' },
          { date: '2024-11-07', summary: 'c', correction: true },
          { date: '2024-11-08', summary: 'd', correction: false },
        ],
      }),
    ).toEqual([
      { date: '2024-11-07', summary: 'c' },
      { date: '2024-11-05', summary: 'a' },
    ]);
  });

  test('no update log, no corrections', () => {
    expect(articleCorrections({})).toEqual([]);
  });

  test('across articles: newest first, same day by title', () => {
    const list = listCorrections([
      article('b', 'Beta', [{ date: '2024-11-06', summary: 'b1', correction: true }]),
      article('a', 'Alpha', [
        { date: '2024-11-06', summary: 'a1', correction: true },
        { date: '2024-11-10', summary: 'a2', correction: true },
      ]),
      article('c', 'Gamma', [{ date: '2024-11-12', summary: 'plain update' }]),
    ]);
    expect(list.map((c) => [c.date, c.articleId, c.summary])).toEqual([
      ['2024-11-10', 'a', 'a2'],
      ['2024-11-06', 'a', 'a1'],
      ['2024-11-06', 'b', 'b1'],
    ]);
    expect(list[0]?.articleTitle).toBe('Alpha');
  });
});
