/**
 * The words the browser scripts show, in the site's language: the page carries
 * them in `<script type="application/json" id="ui-messages">` (written at build
 * time from the site's message table, `src/components/BrowserMessages.astro`).
 * Counts pick their plural form with `Intl.PluralRules` of the page's language.
 */

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The browser section of the message table (`browser` in `src/messages/en.ts`), with the language. */
export interface UiMessages {
  lang: string;
  page: string;
  nothingFound: string;
  results: PluralForms;
  resultsFirst: PluralForms;
  searchFailed: string;
  newMark: string;
  changes: PluralForms;
  showingAll: PluralForms;
  showing: PluralForms;
  actor: string;
  source: string;
  sourceNumber: string;
  tapAgain: string;
}

let read: UiMessages | undefined;

/** The messages of this page. */
export function uiMessages(): UiMessages {
  read ??= JSON.parse(document.getElementById('ui-messages')?.textContent ?? '{}') as UiMessages;
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
