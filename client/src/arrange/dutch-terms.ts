import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl'
import { nld } from 'stopword'

/*
 * Dutch words to the terms a note is compared on: lower case, accents folded (ë → e), stop
 * words out, each word stemmed with the Snowball Dutch stemmer (nlp.js's port), so "bewoners"
 * and "bewoner", "eenzaam" and "eenzaamheid" meet.
 */

const stemmer = new StemmerNl()

/**
 * Words that say nothing about a note's theme in this setting: they are in every ambition
 * ("we moeten meer…", "in 2040"). Kept short on purpose; the Dutch list comes from `stopword`.
 */
const SESSION_WORDS = [
  'meer',
  'minder',
  'moeten',
  'willen',
  'wij',
  'we',
  'ons',
  'onze',
  'elke',
  'iedereen',
  'ook',
  'geen',
  'niet',
  'gewoon',
  'nog',
]

const STOP = new Set([...nld, ...SESSION_WORDS].map(fold))

function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
}

export interface Term {
  stem: string
  /** The word as written (lower case), so a label can use a real word from the notes. */
  word: string
}

/** The terms of one note, in order; numbers and one- or two-letter words are left out. */
export function dutchTerms(text: string): Term[] {
  const terms: Term[] = []
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || /^\p{N}+$/u.test(raw)) continue
    const folded = fold(raw)
    if (STOP.has(folded)) continue
    terms.push({ stem: stemmer.stemWord(folded), word: raw })
  }
  return terms
}
