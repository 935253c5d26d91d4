import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_COUNTS, generateCorpus, writeCorpus } from '../../../scripts/corpus.ts';
import { checkContentDir } from '../../../src/check/check-content.ts';

describe('corpus generator', () => {
  it('gives identical files for the same scale and seed', () => {
    const a = generateCorpus(0.3, 42);
    const b = generateCorpus(0.3, 42);
    expect(b).toEqual(a);
  });

  it('gives different content for another seed', () => {
    const a = generateCorpus(0.3, 1)
      .map((f) => f.text)
      .join('');
    const b = generateCorpus(0.3, 2)
      .map((f) => f.text)
      .join('');
    expect(b).not.toEqual(a);
  });

  it('writes a folder that passes the content check with the counts of its scale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-corpus-'));
    try {
      writeCorpus(dir, 0.5, 3);
      const { set, problems } = checkContentDir(dir, dir);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      for (const [collection, count] of Object.entries(BASE_COUNTS)) {
        expect(set[collection as keyof typeof BASE_COUNTS]).toHaveLength(Math.round(count * 0.5));
      }
      for (const article of set.articles) {
        const actors = new Set(article.refs?.mentions.map((c) => c.id));
        const sources = new Set(article.refs?.citations.map((c) => c.id));
        expect(actors.size).toBeGreaterThanOrEqual(5);
        expect(actors.size).toBeLessThanOrEqual(30);
        expect(sources.size).toBeGreaterThanOrEqual(5);
        expect(sources.size).toBeLessThanOrEqual(40);
      }
      for (const figure of set.figures) {
        expect(figure.data.estimates.length).toBeGreaterThanOrEqual(3);
        expect(figure.data.estimates.length).toBeLessThanOrEqual(8);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
