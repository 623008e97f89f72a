import type { Locale } from './messages'

/**
 * The words of Stip's UI, one term per thing. Every catalogue message is checked against this
 * list (glossary.test.ts), so "briefje" or "facilitator" cannot creep back into the Dutch UI.
 * tldraw's own strings that show through are overridden in `tldraw-translations.ts` with the
 * same words.
 */
export interface GlossaryTerm {
  /** What the term names, for the reader of this file. */
  meaning: string
  /** The words to use, per language (singular, plural). */
  use: Record<Locale, readonly string[]>
  /** Words that must not appear for this thing, matched as whole words, case-insensitive. */
  avoid: Record<Locale, readonly string[]>
}

export const glossary: readonly GlossaryTerm[] = [
  {
    meaning: 'A sticky note on the board (tldraw note shape).',
    use: { nl: ['notitie', 'notities'], en: ['note', 'notes'] },
    avoid: {
      nl: ['briefje', 'briefjes', 'plakbriefje'],
      en: ['sticky'],
    },
  },
  {
    meaning:
      'A remark left on a note, a werkvorm or a manifesto passage for others to answer (comments/); its replies are antwoorden, since reacties are the quick reactions on notes.',
    use: {
      nl: ['opmerking', 'opmerkingen', 'antwoord', 'antwoorden'],
      en: ['comment', 'comments', 'reply'],
    },
    avoid: { nl: ['commentaar'], en: ['remark', 'remarks'] },
  },
  {
    meaning: 'The person who runs the session (facilitator link).',
    use: { nl: ['begeleider', 'begeleiders'], en: ['facilitator', 'facilitators'] },
    avoid: { nl: ['facilitator', 'facilitators', 'moderator'], en: ['moderator'] },
  },
  {
    meaning: 'Someone who follows the board read-only, and the link that lets them.',
    use: { nl: ['meekijker', 'meekijkers', 'meekijklink'], en: ['viewer', 'viewers', 'view link'] },
    avoid: { nl: ['kijker', 'kijklink', 'leeslink', 'toeschouwer'], en: ['spectator'] },
  },
  {
    meaning:
      'A template on the board (Gedeelde waarden, Ambities 2040, …) and its parts (lanes, steps).',
    use: {
      nl: ['werkvorm', 'werkvormen', 'onderdeel', 'onderdelen'],
      en: ['working form', 'part'],
    },
    avoid: { nl: ['frame', 'frames', 'sjabloon', 'template'], en: ['frame', 'frames'] },
  },
  {
    meaning: 'A vote in dot voting: each person has a number of dots to place on notes.',
    use: { nl: ['stip', 'stippen', 'stemronde'], en: ['dot', 'dots', 'vote'] },
    avoid: { nl: ['punt', 'punten', 'bolletje'], en: [] },
  },
  {
    meaning: 'Agreeing to the manifesto on behalf of an organisation.',
    use: { nl: ['ondertekenen', 'ondertekening', 'handtekening'], en: ['sign', 'signature'] },
    avoid: { nl: ['signeren', 'tekenen voor akkoord'], en: [] },
  },
  {
    meaning: 'A partner organisation on the board (gemeente, GGD, …).',
    use: { nl: ['organisatie', 'organisaties'], en: ['organisation', 'organisations'] },
    avoid: { nl: ['partij', 'partijen'], en: ['organization', 'organizations'] },
  },
  {
    meaning: 'tldraw features Stip switches off; their names must not show.',
    use: { nl: [], en: [] },
    avoid: { nl: ['cursor chat', 'chatten'], en: ['cursor chat'] },
  },
]

export interface GlossaryViolation {
  key: string
  word: string
  text: string
}

const wholeWord = (word: string) =>
  new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu')

/** The messages that use a word the glossary says to avoid in that language. */
export function glossaryViolations(
  messages: Readonly<Record<string, string>>,
  locale: Locale,
): GlossaryViolation[] {
  const avoided = glossary
    .flatMap((term) => term.avoid[locale])
    .map((word) => ({
      word,
      pattern: wholeWord(word),
    }))
  return Object.entries(messages).flatMap(([key, text]) =>
    avoided.filter(({ pattern }) => pattern.test(text)).map(({ word }) => ({ key, word, text })),
  )
}
