import type { Article } from '../model/article.ts';
import type { Entity } from '../model/content-set.ts';

/** One correction, with the article it corrects. */
export interface Correction {
  articleId: string;
  articleTitle: string;
  date: string;
  /** What was wrong and what is right, in the editor's words. */
  summary: string;
}

/** The update-log entries of one article that are corrections, newest first. */
export function articleCorrections(article: Pick<Article, 'updates'>): { date: string; summary: string }[] {
  return (article.updates ?? [])
    .filter((update) => update.correction === true)
    .map(({ date, summary }) => ({ date, summary }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Every correction across the articles, newest first; corrections of the same
 * day are ordered by article title, then as logged.
 */
export function listCorrections(articles: readonly Entity<Pick<Article, 'title' | 'updates'>>[]): Correction[] {
  const all = articles.flatMap((article) =>
    articleCorrections(article.data).map((correction) => ({ articleId: article.id, articleTitle: article.data.title, ...correction })),
  );
  return all
    .map((correction, order) => ({ correction, order }))
    .sort((a, b) => b.correction.date.localeCompare(a.correction.date) || a.correction.articleTitle.localeCompare(b.correction.articleTitle) || a.order - b.order)
    .map(({ correction }) => correction);
}
