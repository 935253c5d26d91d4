import type { Statement } from '../model/statement.ts';
import type { Localized } from '../messages/index.ts';
import { languageName } from './format.ts';

/** How a statement is worded: the speaker's own words, or the editor's account of them. */
export interface Wording {
  kind: 'quote' | 'paraphrase';
  /** One word for lists and links: "Quote" or "Paraphrase" in English. */
  tag: string;
  /** The label shown (and read out) before the text: "Quote", "Quote, translated from Russian", "Paraphrase". */
  label: string;
  /** The text itself, without quote marks. */
  text: string;
  /** The text as shown on cards, in lists and links: a quote in the quote marks of the site's language, a paraphrase without. */
  inline: string;
}

/**
 * Says whether a statement is a verbatim quote or a paraphrase, with a label
 * that is text (so screen readers say it too), not only quote marks:
 * `{ quote: 'We will rebuild' }` gives "Quote" and “We will rebuild”;
 * `{ summary: 'Said the plant would reopen' }` gives "Paraphrase".
 */
export function statementWording(
  statement: Pick<Statement, 'quote' | 'summary' | 'translated' | 'language' | 'original'>,
  { m, locale }: Localized,
): Wording {
  if (statement.quote !== undefined) {
    // Original words make the quote a translation from their language.
    const language = statement.original?.lang ?? statement.language;
    const translated = statement.translated || statement.original !== undefined;
    return {
      kind: 'quote',
      tag: m.wording.quote,
      label: !translated
        ? m.wording.quote
        : language
          ? m.wording.translatedFrom(languageName(language, locale))
          : m.wording.translated,
      text: statement.quote,
      inline: m.wording.quoted(statement.quote),
    };
  }
  const text = statement.summary ?? '';
  return { kind: 'paraphrase', tag: m.wording.paraphrase, label: m.wording.paraphrase, text, inline: text };
}
