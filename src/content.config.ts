import { defineCollection } from 'astro:content';
import { contentEntities } from './loaders/content-entities.ts';
import { type CollectionName, schemas } from './model/index.ts';
import { contentPath } from './settings.ts';

const dir = contentPath();

/**
 * Each collection is loaded from exactly the files the content check lists
 * for it (`listContentFiles`), read by the check's own reader in the format
 * `COLLECTION_FORMATS` declares.
 */
const loaderFor = (name: CollectionName) => contentEntities(name, dir);

export const collections = {
  articles: defineCollection({ loader: loaderFor('articles'), schema: schemas.articles }),
  actors: defineCollection({ loader: loaderFor('actors'), schema: schemas.actors }),
  figures: defineCollection({ loader: loaderFor('figures'), schema: schemas.figures }),
  statements: defineCollection({ loader: loaderFor('statements'), schema: schemas.statements }),
  sources: defineCollection({ loader: loaderFor('sources'), schema: schemas.sources }),
  events: defineCollection({ loader: loaderFor('events'), schema: schemas.events }),
};
