import type { Messages } from '../messages/index.ts';
import type { Actor, Role } from './actor.ts';

/** The role an actor held on a date, and whether it has ended since. */
export interface RoleAtDate {
  role: Role;
  /** The role had ended by `today`: the speaker is named "then …". */
  ended: boolean;
}

/**
 * The role an actor held on `date` (ISO text). Where roles overlap, the one
 * taken up most recently wins. Roles without `from` count as held since ever.
 */
export function roleAt(actor: Pick<Actor, 'roles'>, date: string, today: string): RoleAtDate | undefined {
  let found: Role | undefined;
  for (const role of actor.roles ?? []) {
    const started = role.from === undefined || role.from <= date;
    const running = role.to === undefined || date <= role.to;
    if (started && running && (!found || (role.from ?? '') > (found.from ?? ''))) found = role;
  }
  if (!found) return undefined;
  return { role: found, ended: found.to !== undefined && found.to < today };
}

/**
 * Names a speaker as of a date: "Lloyd Austin, then U.S. Secretary of Defense"
 * once the role has ended, "Volodymyr Zelenskyy, President of Ukraine" while it
 * holds, and the plain name when no role is known for that date.
 */
export function describeRole(
  actor: Pick<Actor, 'roles'>,
  date: string,
  today: string,
  m: Pick<Messages, 'roles'>,
): string | undefined {
  const held = roleAt(actor, date, today);
  if (!held) return undefined;
  return held.ended ? m.roles.ended(held.role.title) : held.role.title;
}

/** Today's date as ISO text, for deciding whether a role has ended. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
