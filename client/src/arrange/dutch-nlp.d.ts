// The two libraries ship JavaScript only; these are the parts Stip uses.

declare module '@nlpjs/lang-nl/src/stemmer-nl' {
  /** nlp.js's port of the Snowball Dutch stemmer. */
  export default class StemmerNl {
    stemWord(word: string): string
  }
}

declare module 'stopword' {
  /** Dutch stop words. */
  export const nld: string[]
}
