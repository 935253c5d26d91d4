import type { Actor } from '../model/actor.ts';
import type { RelationType } from '../model/statement.ts';

/** Reader-facing names of actor kinds, singular and plural. */
export const ACTOR_KIND_LABELS: Record<Actor['kind'], string> = {
  person: 'Person',
  organization: 'Organisation',
  'government-body': 'Government body',
  military: 'Military',
  state: 'State',
  intergovernmental: 'Intergovernmental body',
  media: 'Media',
};

/** Plural headings for the index of actors, in display order. */
export const ACTOR_KIND_GROUPS: [Actor['kind'], string][] = [
  ['person', 'People'],
  ['state', 'States'],
  ['government-body', 'Government bodies'],
  ['military', 'Military'],
  ['intergovernmental', 'Intergovernmental bodies'],
  ['organization', 'Organisations'],
  ['media', 'Media'],
];

/** How a relation reads from each side: "Contradicts" / "Contradicted by". */
export const RELATION_LABELS: Record<RelationType, { outgoing: string; incoming: string }> = {
  confirms: { outgoing: 'Confirms', incoming: 'Confirmed by' },
  contradicts: { outgoing: 'Contradicts', incoming: 'Contradicted by' },
  denies: { outgoing: 'Denies', incoming: 'Denied by' },
  updates: { outgoing: 'Updates', incoming: 'Updated by' },
  'responds-to': { outgoing: 'Responds to', incoming: 'Answered by' },
};
