import type { Actor } from '../model/actor.ts';

/** The order of the groups on the index of actors; their headings are `actorGroups` of the messages. */
export const ACTOR_KIND_ORDER: readonly Actor['kind'][] = [
  'person',
  'state',
  'government-body',
  'military',
  'intergovernmental',
  'organization',
  'media',
];
