/**
 * Pseudo-locales, made from the English table: every string and every result
 * of a message function is wrapped in brackets with its letters accented,
 * `Sources` gives `[Šöûŕçéš]`. A site built with one shows at a glance (and to
 * the test of `tests/site/pseudo-locale.test.ts`) any word that does not come
 * from the table. Slots (`{name}`), code (`` `id` ``) and the values given to a
 * function (names, dates) are kept as they are.
 */
import type { Messages } from './en.ts';

/** Each letter of the English alphabet, and the accented letter a pseudo-locale writes for it. */

export const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? letter,
  ]),
);

/** Marks around a value given to a message function, so that it is kept as written. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Accents the letters of a string outside slots, code and kept values, and wraps it in brackets. */
export function pseudoText(text: string): string {
  const parts = text.split(new RegExp(`(\\{[a-z]+\\}|\`[^\`]*\`|${OPEN}\\d+${CLOSE})`, 'i'));
  return `[${parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-z]/gi, (c) => ACCENTED[c] ?? c))).join('')}]`;
}

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoText(value);
  if (typeof value === 'function')
    return (...args: unknown[]) => {
      const kept: string[] = [];
      const marked = args.map((arg) =>
        typeof arg === 'string' ? `${OPEN}${kept.push(arg) - 1}${CLOSE}` : (arg as number | undefined),
      );
      const text = pseudoText(String((value as (...a: unknown[]) => unknown)(...marked)));
      return text.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, i: string) => kept[Number(i)] ?? '');
    };
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudoValue(inner)]));
  return value;
}

/** A pseudo-locale's table: the English table, every string and message wrapped and accented. */
export function pseudoTable(english: Messages): Messages {
  return pseudoValue(english) as Messages;
}
