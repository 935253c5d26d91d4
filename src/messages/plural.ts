/** The plural forms of a message, by plural category of the locale (`one`, `few`, `many`, `other`…), with `{n}` for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Declares plural forms (keeps the type wide, so that every table may use the categories of its own language). */
export function forms(written: PluralForms): PluralForms {
  return written;
}

/**
 * A counter for one language: `count(21, { one: '{n} рік', few: …, many: …, other: … })`
 * picks the form by `Intl.PluralRules` of the language and writes the number with
 * `Intl.NumberFormat` of the language.
 */
export function counter(lang: string): (n: number, written: PluralForms) => string {
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return (n, written) => (written[rules.select(n)] ?? written.other).replaceAll('{n}', numbers.format(n));
}
