import { describe, expect, it } from 'vitest';
import type { ContentSet } from '../../../src/model/content-set.ts';
import { buildCrossIndex } from '../../../src/site/cross-index.ts';
import { createPageKeys } from '../../../src/site/page-keys.ts';
import { buildTimeline } from '../../../src/site/timeline.ts';

function content(): ContentSet {
  const e = <T>(id: string, data: T) => ({ id, data, file: `${id}.yaml` });
  return {
    articles: [],
    actors: [
      e('alice', { name: 'Alice', kind: 'person' as const, description: 'A speaker.' }),
      e('bob', { name: 'Bob', kind: 'person' as const, description: 'Another speaker.' }),
      e('carol', { name: 'Carol', kind: 'person' as const, description: 'Nobody quotes her.' }),
    ],
    figures: [],
    statements: [
      e('s1', { speaker: 'alice', date: '2024-01-01', quote: 'One.', about: ['bob'], sources: ['src1'] }),
      e('s2', { speaker: 'bob', date: '2024-01-02', quote: 'Two.', sources: ['src2'] }),
    ],
    sources: [
      e('src1', { title: 'First', publisher: 'Wire', type: 'news-report' as const, published: '2024-01-01' }),
      e('src2', { title: 'Second', publisher: 'Wire', type: 'news-report' as const, published: '2024-01-02' }),
    ],
    events: [],
  };
}

function keys(set: ContentSet, global = '2025-01-01') {
  return createPageKeys({ set, links: buildCrossIndex(set), timeline: buildTimeline(set), global });
}

describe('page cache keys', () => {
  it('are stable for the same content', () => {
    expect(keys(content())('actors', 'alice')).toBe(keys(content())('actors', 'alice'));
  });

  it('change for the pages that show an edited statement, and only for those', () => {
    const keyBefore = keys(content());
    const edited = content();
    edited.statements[0]!.data.quote = 'One, corrected.';
    const keyAfter = keys(edited);
    expect(keyAfter('statements', 's1')).not.toBe(keyBefore('statements', 's1'));
    expect(keyAfter('actors', 'alice')).not.toBe(keyBefore('actors', 'alice')); // speaker
    expect(keyAfter('actors', 'bob')).not.toBe(keyBefore('actors', 'bob')); // statement about Bob
    expect(keyAfter('sources', 'src1')).not.toBe(keyBefore('sources', 'src1')); // cited by it
    expect(keyAfter('statements', 's2')).toBe(keyBefore('statements', 's2'));
    expect(keyAfter('sources', 'src2')).toBe(keyBefore('sources', 'src2'));
    expect(keyAfter('actors', 'carol')).toBe(keyBefore('actors', 'carol'));
  });

  it('change when an entry the page names is edited (a source title on a statement page)', () => {
    const keyBefore = keys(content());
    const edited = content();
    edited.sources[0]!.data.title = 'First, renamed';
    expect(keys(edited)('statements', 's1')).not.toBe(keyBefore('statements', 's1'));
    expect(keys(edited)('statements', 's2')).toBe(keyBefore('statements', 's2'));
  });

  it('change when a new entry links to the page', () => {
    const keyBefore = keys(content());
    const added = content();
    added.statements.push({
      id: 's3',
      data: { speaker: 'carol', date: '2024-02-01', quote: 'Three.', sources: ['src2'] },
      file: 's3.yaml',
    });
    expect(keys(added)('actors', 'carol')).not.toBe(keyBefore('actors', 'carol'));
    expect(keys(added)('sources', 'src2')).not.toBe(keyBefore('sources', 'src2'));
    expect(keys(added)('sources', 'src1')).toBe(keyBefore('sources', 'src1'));
  });

  it('change on an actor page when a source cited in the bio is retitled (regression: the reference list under the bio went stale)', () => {
    const withBio = () => {
      const set = content();
      set.actors[2] = {
        ...set.actors[2]!,
        refs: {
          citations: [{ id: 'src2', locator: undefined, line: 5, column: 1 }],
          mentions: [],
          statements: [],
          figures: [],
          timelines: [],
          problems: [],
        },
      };
      return set;
    };
    const keyBefore = keys(withBio());
    const edited = withBio();
    edited.sources[1]!.data.title = 'Second, retitled';
    expect(keys(edited)('actors', 'carol')).not.toBe(keyBefore('actors', 'carol'));
    expect(keys(edited)('actors', 'alice')).toBe(keyBefore('actors', 'alice'));
  });

  /** The story with an article whose body embeds s2, mentions Carol in a heading and cites src1. */
  const withArticle = () => {
    const set = content();
    set.articles.push({
      id: 'a1',
      data: { title: 'A', description: 'An article.', published: '2024-03-01' },
      file: 'a1.mdx',
      refs: {
        citations: [{ id: 'src1', locator: undefined, line: 5, column: 1 }],
        mentions: [{ id: 'carol', line: 3, column: 4 }],
        statements: [{ id: 's2', line: 7, column: 1 }],
        figures: [],
        timelines: [],
        problems: [],
      },
    } as never);
    return set;
  };

  it.each([
    [
      'a cited source is retitled',
      (set: ContentSet) => {
        set.sources[0]!.data.title = 'First, retitled';
      },
    ],
    [
      'an actor its heading mentions is renamed',
      (set: ContentSet) => {
        set.actors[2]!.data.name = 'Caroline';
      },
    ],
    [
      'a source of an embedded statement is retitled (the reference list under the body shows it)',
      (set: ContentSet) => {
        set.sources[1]!.data.title = 'Second, retitled';
      },
    ],
  ])('change on an article page when %s: what its body tree reads', (_what, edit) => {
    const keyBefore = keys(withArticle());
    const edited = withArticle();
    edit(edited);
    expect(keys(edited)('articles', 'a1')).not.toBe(keyBefore('articles', 'a1'));
  });

  it('follow what an embed names even when no cross-link lists the embed', () => {
    const set = withArticle();
    const unlinked = (of: ContentSet) =>
      createPageKeys({ set: of, links: buildCrossIndex({ ...of, articles: [] }), timeline: [], global: '' });
    const edited = withArticle();
    edited.sources[1]!.data.title = 'Second, retitled';
    expect(unlinked(edited)('articles', 'a1')).not.toBe(unlinked(set)('articles', 'a1'));
  });

  it('change everywhere when the build date changes', () => {
    expect(keys(content(), '2025-01-02')('actors', 'carol')).not.toBe(keys(content())('actors', 'carol'));
  });
});
