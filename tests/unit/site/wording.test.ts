import { describe, expect, test } from 'vitest';
import { statementWording } from '../../../src/site/wording.ts';
import { localize } from '../../../src/messages/index.ts';

describe('statementWording', () => {
  test.each([
    [
      'a quote',
      { quote: 'We will rebuild.' },
      { kind: 'quote', tag: 'Quote', label: 'Quote', text: 'We will rebuild.', inline: '“We will rebuild.”' },
    ],
    [
      'a translated quote',
      { quote: 'Wir bauen.', translated: true, language: 'de' },
      { kind: 'quote', tag: 'Quote', label: 'Quote, translated from German', inline: '“Wir bauen.”' },
    ],
    ['a quote in its own language', { quote: 'Wir bauen.', language: 'de' }, { label: 'Quote' }],
    [
      'a paraphrase',
      { summary: 'Said the plant would reopen.' },
      {
        kind: 'paraphrase',
        tag: 'Paraphrase',
        label: 'Paraphrase',
        text: 'Said the plant would reopen.',
        inline: 'Said the plant would reopen.',
      },
    ],
    ['a quote with a summary is a quote', { quote: 'Q', summary: 'S' }, { kind: 'quote', text: 'Q' }],
  ])('%s', (_name, statement, expected) => {
    expect(statementWording(statement, localize('en-GB'))).toMatchObject(expected);
  });
});

describe("statementWording in the site's language", () => {
  test('Ukrainian: the label, the language named in Ukrainian, Ukrainian quote marks', () => {
    expect(
      statementWording({ quote: 'We will rebuild.', translated: true, language: 'en' }, localize('uk')),
    ).toMatchObject({
      tag: 'Цитата',
      label: 'Цитата в перекладі (мова оригіналу: англійська)',
      inline: '«We will rebuild.»',
    });
  });

  test('Korean: a paraphrase', () => {
    expect(statementWording({ summary: 'S' }, localize('ko-KR'))).toMatchObject({ tag: '요지', label: '요지' });
  });
});
