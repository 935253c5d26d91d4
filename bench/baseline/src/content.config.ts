import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { parse } from 'yaml';

const dir = process.env.CONTENT_DIR ?? 'content';
const fileNameId = ({ entry }: { entry: string }) => entry.replace(/\.(md|mdx)$/, '');

/** Every entry of every YAML file in a folder; a file holds one entry or a list. */
function yamlFolder(folder: string) {
  return {
    name: `yaml-${folder}`,
    load: async ({
      store,
      parseData,
    }: {
      store: { clear(): void; set(e: { id: string; data: Record<string, unknown> }): void };
      parseData: (e: { id: string; data: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    }) => {
      store.clear();
      const base = join(dir, folder);
      for (const name of readdirSync(base)
        .filter((n) => n.endsWith('.yaml'))
        .sort()) {
        const parsed = parse(readFileSync(join(base, name), 'utf8')) as
          | Record<string, unknown>
          | Record<string, unknown>[];
        for (const raw of Array.isArray(parsed) ? parsed : [{ id: name.replace(/\.yaml$/, ''), ...parsed }]) {
          const id = String(raw['id']);
          store.set({ id, data: await parseData({ id, data: raw }) });
        }
      }
    },
  };
}

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${dir}/articles`, generateId: fileNameId }) }),
  actors: defineCollection({ loader: glob({ pattern: '*.md', base: `${dir}/actors`, generateId: fileNameId }) }),
  figures: defineCollection({ loader: glob({ pattern: '*.md', base: `${dir}/figures`, generateId: fileNameId }) }),
  statements: defineCollection({ loader: yamlFolder('statements') }),
  sources: defineCollection({ loader: yamlFolder('sources') }),
  events: defineCollection({ loader: yamlFolder('events') }),
};
