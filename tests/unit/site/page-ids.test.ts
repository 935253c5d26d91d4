import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyTree } from '../../../src/plugins/body-tree.ts';
import { pageIds } from '../../../src/site/page-ids.ts';
import { minimalContext } from '../../helpers/body-tree.ts';

const SRC = join(import.meta.dirname, '../../../src');

describe('the ids of pages that show a body', () => {
  test('are written from src/site/page-ids.ts, never as literals, by the layouts and components of those pages', () => {
    const files = [
      'layouts/Base.astro',
      'layouts/ArticlePage.astro',
      'layouts/ActorPage.astro',
      'layouts/FigurePage.astro',
      'components/Toc.astro',
      'components/CorrectionNotice.astro',
      'components/UpdateLog.astro',
      'components/FigureOverTime.astro',
      'components/FigureChart.astro',
      'components/CurrentEstimates.astro',
    ];
    const literal = files.flatMap((file) =>
      [...readFileSync(join(SRC, file), 'utf8').matchAll(/\s(id|aria-labelledby|href)="#?([a-z][^"]*)"/g)]
        .filter(([, name, value]) => name !== 'href' || value === 'main')
        .map(([text]) => `${file}:${text.trim()}`),
    );
    expect(literal).toEqual([]);
  });

  for (const collection of ['articles', 'actors', 'figures'] as const)
    test(`no heading of a body takes one (${collection})`, () => {
      const reserved = pageIds(collection, 'flood-cost', [{ id: 'first-count' }]);
      // A heading whose text gives each reserved id, as an editor might write "## Roles".
      const body = reserved.map((id) => `## ${id.replaceAll('-', ' ')}\n\nText.\n`).join('\n');
      const tree = bodyTree(
        body,
        collection === 'articles' ? 'mdx' : 'md',
        minimalContext(),
        `content/${collection}/x`,
        reserved,
      );
      const slugs = tree.headings.map((heading) => heading.slug);
      expect(slugs).toHaveLength(reserved.length);
      expect(slugs.filter((slug) => reserved.includes(slug))).toEqual([]);
      // Each moved heading keeps a readable id of its own: the reserved one with a number.
      expect(slugs).toEqual(reserved.map((id) => `${id}-1`));
    });
});
