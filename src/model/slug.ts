import slugifyText from '@sindresorhus/slugify';

/** Apostrophes join a word rather than split it: "Un’s" gives "uns". */
const APOSTROPHES: [string, string][] = [
  ["'", ''],
  ['’', ''],
  ['ʼ', ''],
];

/**
 * Turns a name or title into a kebab-case id, the one way ids are made from
 * text (new files, and the fix for an id that is not kebab-case): "Cho Tae-yul"
 * gives "cho-tae-yul", "Liège" gives "liege", "Pentagon: 10,000 troops" gives
 * "pentagon-10-000-troops". Letters are transliterated to Latin; at most
 * `maxWords` words are kept. Returns '' when nothing is left.
 */
export function slugify(name: string, maxWords = Number.POSITIVE_INFINITY): string {
  return slugifyText(name, { decamelize: false, customReplacements: APOSTROPHES })
    .split('-')
    .slice(0, maxWords)
    .join('-');
}
