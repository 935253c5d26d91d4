import type { Entity } from '../model/content-set.ts';
import { fieldName, type Problem } from '../model/problems.ts';
import { missingOnCard, type ShareCard } from './share-image.ts';

/** `U+13000 "𓀀"`: a character as an editor can look it up. */
function describe(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} "${char}"`;
}

/** Every string in an entry's data with its field path, depth first, in file order. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[path: PropertyKey[], text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date))
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

/**
 * A warning for every character a share card would draw as a box because no
 * bundled font has it (`missingOnCard`, the drawing's own font choice). It
 * names the entry's file and the field that holds the character, with its
 * line; a character that comes from another entry (an actor's name on a
 * figure's card) is named by the card's field instead, and that entry's own
 * card warns with its line.
 */
export function missingGlyphWarnings(cards: readonly { entity: Entity<unknown>; card: ShareCard }[]): Problem[] {
  return cards.flatMap(({ entity, card }) =>
    missingOnCard(card).flatMap(({ field, chars }) => {
      const found = [...strings(entity.data)].find(([, text]) => chars.some((char) => text.includes(char)));
      const where = found
        ? { ...entity.locate?.(found[0]), field: fieldName(found[0]) }
        : { field: `share image ${field}` };
      return [
        {
          file: entity.file,
          ...where,
          message: `the share image cannot draw ${chars.map(describe).join(', ')}: no bundled font has ${chars.length === 1 ? 'it' : 'them'}, so ${chars.length === 1 ? 'it shows' : 'they show'} as an empty box`,
          fix: 'write the text in Latin, Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese or Korean script, or replace the character (a symbol or emoji) with words',
          severity: 'warning' as const,
        },
      ];
    }),
  );
}
