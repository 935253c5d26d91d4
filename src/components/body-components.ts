import type { COMPONENTS } from '../check/mdx-policy.ts';
import Actor from './Actor.astro';
import Figure from './Figure.astro';
import Statement from './Statement.astro';
import Timeline from './Timeline.astro';

/**
 * The components an article body renders, by the names the content check
 * allows (`COMPONENTS`): a name on one side only fails the type check.
 */
export const BODY_COMPONENTS = { Actor, Statement, Figure, Timeline } satisfies Record<
  (typeof COMPONENTS)[number],
  unknown
>;
