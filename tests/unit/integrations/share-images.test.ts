import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, expect, test } from 'vitest';
import shareImages from '../../../src/integrations/share-images.ts';
import { closeBuildContext, openTestContext } from '../../helpers/build-context.ts';

const root = mkdtempSync(join(tmpdir(), 'share-images-'));
afterAll(() => {
  closeBuildContext();
  rmSync(root, { recursive: true, force: true });
});

test('a build warns of every character a share image would draw as a box, naming file, line and field', async () => {
  mkdirSync(join(root, 'content/actors'), { recursive: true });
  writeFileSync(
    join(root, 'content/actors/scribe.md'),
    '---\nname: Scribe 𓀀\nkind: person\ndescription: Wrote things down.\n---\n',
  );
  writeFileSync(
    join(root, 'content/actors/choe-son-hui.md'),
    '---\nname: 최선희\nkind: person\ndescription: Москва\n---\n',
  );
  const warnings: string[] = [];
  const logger = {
    warn: (message: string) => warnings.push(message),
    info: () => undefined,
    error: () => undefined,
    debug: () => undefined,
  } as unknown as AstroIntegrationLogger;
  // What the content-check integration opens in a build: the checked content (and a drawer that draws nothing).
  openTestContext(join(root, 'content'), root);
  const { hooks } = shareImages();
  const setup = hooks['astro:config:setup'] as unknown as (options: object) => void;
  const start = hooks['astro:build:start'] as unknown as (options: object) => void;
  setup({ command: 'build', config: { root: pathToFileURL(`${root}/`) }, logger });
  start({ logger });
  (hooks['astro:build:done'] as unknown as (options: object) => void)({ logger });
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(
    'content/actors/scribe.md:2:7  warning: `name` the share image cannot draw U+13000 "𓀀"',
  );
  expect(warnings[0]).not.toContain('choe-son-hui');
});
