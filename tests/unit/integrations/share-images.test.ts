import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import shareImages from '../../../src/integrations/share-images.ts';
import { formatReport } from '../../../src/model/problems.ts';
import { checkForBuild } from '../../../src/publish/build-check.ts';
import { BuildContext, closeBuildContext, openBuildContext } from '../../../src/loaders/build-context.ts';

const root = mkdtempSync(join(tmpdir(), 'share-images-'));
afterAll(() => {
  closeBuildContext();
  rmSync(root, { recursive: true, force: true });
});

test('the check warns of every character a share image would draw as a box, and the build queues every card', () => {
  mkdirSync(join(root, 'content/actors'), { recursive: true });
  writeFileSync(
    join(root, 'content/actors/scribe.md'),
    '---\nname: Scribe 𓀀\nkind: person\ndescription: Wrote things down.\n---\n',
  );
  writeFileSync(
    join(root, 'content/actors/choe-son-hui.md'),
    '---\nname: 최선희\nkind: person\ndescription: Москва\n---\n',
  );
  const contentDir = join(root, 'content');
  // `npm run check`, the dev server and the build all print this one check.
  const warnings = checkForBuild(contentDir, root).problems.filter((problem) => problem.severity === 'warning');
  const glyphs = formatReport(warnings.filter((warning) => warning.message.includes('share image')));
  expect(glyphs).toContain('content/actors/scribe.md:2:7  warning: `name` the share image cannot draw U+13000 "𓀀"');
  // Hangul and Cyrillic have fonts.
  expect(glyphs).not.toContain('choe-son-hui');

  const queued: string[] = [];
  const drawer = {
    prefetch: (cards: Iterable<[string, unknown]>) => {
      for (const [key] of cards) queued.push(key);
    },
    draw: () => Promise.reject(new Error('no share images are drawn in this test')),
    drawn: { byWorkers: 0, here: 0, fromCache: 0 },
    pruneCache: () => undefined,
    close: () => undefined,
  };
  openBuildContext(new BuildContext({ contentDir, root, check: () => checkForBuild(contentDir, root), drawer }));
  const { hooks } = shareImages();
  (hooks['astro:config:setup'] as unknown as (options: object) => void)({ command: 'build' });
  (hooks['astro:build:start'] as unknown as (options: object) => void)({});
  expect(queued.sort()).toEqual(['actors/choe-son-hui', 'actors/scribe']);
});
