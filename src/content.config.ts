import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { yamlEntities } from './loaders/yaml-entities.ts';
import { schemas } from './schemas/index.ts';
import { contentPath } from './settings.ts';

const dir = contentPath();

/** The id of a Markdown or MDX entry is its file name, exactly as written. */
const fileNameId = ({ entry }: { entry: string }) => entry.replace(/\.(md|mdx)$/, '');

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${dir}/articles`, generateId: fileNameId }),
    schema: schemas.articles,
  }),
  actors: defineCollection({
    loader: glob({ pattern: '*.md', base: `${dir}/actors`, generateId: fileNameId }),
    schema: schemas.actors,
  }),
  figures: defineCollection({
    loader: glob({ pattern: '*.md', base: `${dir}/figures`, generateId: fileNameId }),
    schema: schemas.figures,
  }),
  statements: defineCollection({ loader: yamlEntities('statements', dir), schema: schemas.statements }),
  sources: defineCollection({ loader: yamlEntities('sources', dir), schema: schemas.sources }),
  events: defineCollection({ loader: yamlEntities('events', dir), schema: schemas.events }),
};
