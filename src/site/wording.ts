import type { Statement } from '../model/statement.ts';
import { languageName } from './format.ts';

/** How a statement is worded: the speaker's own words, or the editor's account of them. */
export interface Wording {
  kind: 'quote' | 'paraphrase';
  /** One word for lists and links: "Quote" or "Paraphrase". */
  tag: 'Quote' | 'Paraphrase';
  /** The label shown (and read out) before the text: "Quote", "Quote, translated from Russian", "Paraphrase". */
  label: string;
  /** The text itself, without quote marks. */
  text: string;
  /** The text for one line in a list or a link: a quote in quote marks, a paraphrase without. */
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
): Wording {
  if (statement.quote !== undefined) {
    // Original words make the quote a translation from their language.
    const language = statement.original?.lang ?? statement.language;
    const from =
      statement.translated || statement.original
        ? `, translated${language ? ` from ${languageName(language)}` : ''}`
        : '';
    return {
      kind: 'quote',
      tag: 'Quote',
      label: `Quote${from}`,
      text: statement.quote,
      inline: `“${statement.quote}”`,
    };
  }
  const text = statement.summary ?? '';
  return { kind: 'paraphrase', tag: 'Paraphrase', label: 'Paraphrase', text, inline: text };
}
