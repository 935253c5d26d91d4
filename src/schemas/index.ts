import { actorSchema } from './actor.ts';
import { articleSchema } from './article.ts';
import { eventSchema } from './event.ts';
import { figureSchema } from './figure.ts';
import { sourceSchema } from './source.ts';
import { statementSchema } from './statement.ts';

/** The schema of each collection, by collection name. */
export const schemas = {
  articles: articleSchema,
  actors: actorSchema,
  figures: figureSchema,
  statements: statementSchema,
  sources: sourceSchema,
  events: eventSchema,
} as const;

/** A collection name. */
export type CollectionName = keyof typeof schemas;

/** How each collection is stored on disk. */
export const COLLECTION_FORMATS: Record<CollectionName, 'mdx' | 'md' | 'yaml'> = {
  articles: 'mdx',
  actors: 'md',
  figures: 'md',
  statements: 'yaml',
  sources: 'yaml',
  events: 'yaml',
};
