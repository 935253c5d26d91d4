/** `linebreak` (UAX #14 line breaking) ships no types. */
declare module 'linebreak' {
  /** Finds the break opportunities of a text, one after another. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
