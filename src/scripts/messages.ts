/**
 * The words the browser scripts show, in the site's language: the page carries
 * them in `<script type="application/json" data-ui-messages>` blocks (written at
 * build time from the site's message table, `src/components/BrowserMessages.astro`):
 * one on every page, and one more on the search page.
 * Counts pick their plural form with `Intl.PluralRules` of the page's language.
 */

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** What every page carries: `browser` of the message table (`src/messages/en.ts`), with the language. */
export interface UiPageMessages {
  lang: string;
  newMark: string;
  changes: PluralForms;
  showingAll: PluralForms;
  showing: PluralForms;
  actor: string;
  source: string;
  sourceNumber: string;
  tapAgain: string;
}

/** What the search page carries besides: `browserSearch` of the message table. */
export interface UiSearchMessages {
  page: string;
  nothingFound: string;
  results: PluralForms;
  resultsFirst: PluralForms;
  searchFailed: string;
}

/** The messages of this page (the search messages only on the search page). */
export type UiMessages = UiPageMessages & UiSearchMessages;

let read: UiMessages | undefined;

/** The messages of this page, from every block it carries. */
export function uiMessages(): UiMessages {
  read ??= Object.assign(
    {},
    ...[...document.querySelectorAll('script[data-ui-messages]')].map((block) => JSON.parse(block.textContent ?? '{}')),
  ) as UiMessages;
  return read;
}

/** Fills `{name}` slots: numbers written the page's way, text as it is. */
export function fill(message: string, values: Readonly<Record<string, string | number>>): string {
  const numbers = new Intl.NumberFormat(uiMessages().lang);
  return message.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The plural form for `n` (as `{n}`), with the other slots filled. */
export function plural(forms: PluralForms, n: number, values: Readonly<Record<string, string | number>> = {}): string {
  const form = forms[new Intl.PluralRules(uiMessages().lang).select(n)] ?? forms.other;
  return fill(form, { ...values, n });
}
