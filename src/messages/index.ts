/**
 * The words of the interface, one table per language, and what the site's
 * locale (`locale` in `site.yaml`) gives: the table, the `lang` and `dir` of
 * the pages, and the locale every date and number is formatted in (`Intl`).
 * Messages for editors (the checker, build errors) stay English.
 */
import { en, type Messages } from './en.ts';
import { ko } from './ko.ts';
import { pseudoTable } from './pseudo.ts';
import { uk } from './uk.ts';

export type { Messages } from './en.ts';
export type { PluralForms } from './plural.ts';

/**
 * Every table, by language tag. `en-XA` and `ar-XB` are pseudo-locales (the
 * English table bracketed and accented; `ar-XB` written right to left and
 * formatted as Arabic) for seeing which words are not translated.
 */
export const TABLES: Readonly<Record<string, Messages>> = {
  en,
  uk,
  ko,
  'en-XA': pseudoTable(en),
  'ar-XB': pseudoTable(en),
};

/** The table used when a locale has none. */
export const REFERENCE_LOCALE = 'en';

/** The locale of messages for editors (the checker's warnings, build errors): British English. */
export const EDITOR_LOCALE = 'en-GB';

/** The language tags that have a table, as editors write them in `site.yaml`. */
export const AVAILABLE_LOCALES: readonly string[] = Object.keys(TABLES);

/**
 * The table a locale reads from: the tag itself, then the tag with its last
 * part left off, and so on (`uk-UA` gives `uk`, `en-GB` gives `en`); undefined
 * when none has a table.
 */
export function tableOf(locale: string): string | undefined {
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales(locale)[0] ?? locale;
  } catch {
    return undefined;
  }
  const known = new Map(AVAILABLE_LOCALES.map((key) => [key.toLowerCase(), key]));
  for (let parts = tag.split('-'); parts.length > 0; parts = parts.slice(0, -1)) {
    const found = known.get(parts.join('-').toLowerCase());
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The messages of a locale: its table, or the English one when it has none. */
export function messagesFor(locale: string): Messages {
  return TABLES[tableOf(locale) ?? REFERENCE_LOCALE] ?? en;
}

/** Languages written right to left, for runtimes without `Intl.Locale#getTextInfo`. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The direction a locale's script is written in: from `Intl.Locale` where the runtime says, else from the list above. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale);
  } catch {
    return 'ltr';
  }
  const withInfo = parsed as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const direction = (withInfo.getTextInfo?.() ?? withInfo.textInfo)?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return RIGHT_TO_LEFT.has(parsed.language) ? 'rtl' : 'ltr';
}

/** What the site's locale gives the pages. */
export interface Localized {
  /** The locale as a canonical language tag: the pages' `lang`, and what `Intl` formats in. */
  locale: string;
  /** The direction of the pages: `dir` of `<html>`. */
  dir: 'ltr' | 'rtl';
  /** The words of the interface. */
  m: Messages;
}

const cache = new Map<string, Localized>();

/** The table, direction and formatting locale of a site's locale (computed once per locale). */
export function localize(locale: string): Localized {
  let found = cache.get(locale);
  if (found === undefined) {
    let tag = locale;
    try {
      tag = Intl.getCanonicalLocales(locale)[0] ?? locale;
    } catch {
      // not a language tag: the schema refuses it before a page is built
    }
    found = { locale: tag, dir: textDirection(tag), m: messagesFor(tag) };
    cache.set(locale, found);
  }
  return found;
}

/** A part of a message with slots: text as written, or the name of a slot to fill. */
export type MessagePart = { text: string } | { slot: string };

/** Splits a message at its slots: `'Published {date}.'` gives text, slot `date`, text. */
export function messageParts(message: string): MessagePart[] {
  return message
    .split(/(\{[a-zA-Z]+\})/)
    .map((part, i): MessagePart => (i % 2 === 1 ? { slot: part.slice(1, -1) } : { text: part }))
    .filter((part) => !('text' in part) || part.text !== '');
}

/** The slot names of a message: `'Published {published}; updated {updated}.'` gives `published`, `updated`. */
export function slotNames(message: string): string[] {
  return [...message.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** Splits text at code marks: `` 'sorted by `id`.' `` gives text, code `id`, text. */
export function codeParts(message: string): { text: string; code: boolean }[] {
  return message
    .split(/`([^`]*)`/)
    .map((text, i) => ({ text, code: i % 2 === 1 }))
    .filter((part) => part.code || part.text !== '');
}
