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

/** A way content is written to disk. */
export type ContentFormat = 'mdx' | 'md' | 'yaml';

/** How each collection is stored on disk: in the folder of its name, one format per collection. */
export const COLLECTION_FORMATS: Record<CollectionName, ContentFormat> = {
  articles: 'mdx',
  actors: 'md',
  figures: 'md',
  statements: 'yaml',
  sources: 'yaml',
  events: 'yaml',
};

/** The file name endings of each format; other files in a collection folder are not content. */
export const FORMAT_EXTENSIONS: Record<ContentFormat, readonly string[]> = {
  mdx: ['.mdx'],
  md: ['.md'],
  yaml: ['.yaml', '.yml'],
};
