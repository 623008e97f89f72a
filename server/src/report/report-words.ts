import type { Locale } from '@stip/templates'

const plural = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${n.toLocaleString('nl-NL')} ${many}`
const pluralEn = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${n.toLocaleString('en-GB')} ${many}`

/** The report's own words, Dutch first; the werkvormen bring their own labels. */
export const REPORT_WORDS = {
  nl: {
    lang: 'nl-NL',
    title: 'Gespreksverslag',
    generated: 'Gemaakt op',
    noteCount: (n: number) => plural(n, 'briefje', 'briefjes'),
    hidden: (n: number) =>
      `${plural(n, 'briefje', 'briefjes')} uit de stille ronde ${n === 1 ? 'is' : 'zijn'} nog verborgen en ${n === 1 ? 'staat' : 'staan'} niet in dit verslag.`,
    other: 'Overig',
    empty: 'Nog niets ingevuld.',
    noNotes: 'Geen briefjes.',
    noOrganisation: 'Zonder organisatie',
    dialIntro: 'Stand per organisatie (0 % = fijnafstemming, 100 % = fundamentele omslag):',
    columns: ['werkvorm', 'onderdeel', 'organisatie', 'auteur', 'tekst', 'stand_procent'],
    board: 'Het bord',
    boardAlt: (werkvormen: string[], notes: number, organisations: number) =>
      `Overzicht van het bord: ${werkvormen.length === 0 ? 'geen werkvormen' : `${plural(werkvormen.length, 'werkvorm', 'werkvormen')} (${werkvormen.join(', ')})`} met ${plural(notes, 'briefje', 'briefjes')}${organisations > 0 ? ` van ${plural(organisations, 'organisatie', 'organisaties')}, elk in de kleur van de organisatie` : ''}. Alle briefjes staan hieronder uitgeschreven per werkvorm en onderdeel.`,
    votes: 'Stemresultaten',
    noVotes: 'Er is (nog) niet gestemd.',
    earlierVote: 'Eerdere stemronde',
    untitledFrame: 'Frame zonder naam',
    voteOpen: 'De stemronde loopt nog; de uitslag is pas zichtbaar na het tonen.',
    voteHidden: 'De uitslag van deze stemronde is niet getoond.',
    voteLine: (voters: number, dots: number | null) =>
      `${plural(voters, 'deelnemer', 'deelnemers')} stemde${voters === 1 ? '' : 'n'}${dots ? `, ${plural(dots, 'stip', 'stippen')} per persoon` : ''}.`,
    voteColumns: ['Briefje', 'Organisatie', 'Auteur', 'Stippen'],
    reactions: { eens: 'eens', idee: 'goed idee', vraag: 'vraag', belangrijk: 'belangrijk' },
    noDots: 'Geen stippen uitgebracht.',
    dots: (n: number) => plural(n, 'stip', 'stippen'),
    agenda: 'Agenda',
    noAgenda: 'Er was geen agenda.',
    minutes: (n: number) => `${n} min`,
    stepState: { done: 'behandeld', current: 'huidige stap', later: 'nog niet behandeld' },
    manifesto: 'Manifest',
    manifestoTitle: 'Titel',
    frozen: 'De tekst is bevroren voor ondertekening.',
    notFrozen: 'De tekst is niet bevroren: hij kan nog veranderen.',
    hash: 'Hash van de huidige tekst (SHA-256)',
    signatures: 'Ondertekeningen',
    signatureColumns: ['Organisatie', 'Naam', 'Functie', 'Ondertekend op', 'Status'],
    signatureState: {
      current: 'Geldig voor de huidige tekst',
      stale: 'Ondertekend op een eerdere versie van de tekst',
      none: 'Nog niet ondertekend',
    },
    page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    pageWords: ['Pagina', 'van'] as const,
  },
  en: {
    lang: 'en-GB',
    title: 'Session report',
    generated: 'Made on',
    noteCount: (n: number) => pluralEn(n, 'note', 'notes'),
    hidden: (n: number) =>
      `${pluralEn(n, 'note', 'notes')} from the silent round ${n === 1 ? 'is' : 'are'} still hidden and not in this report.`,
    other: 'Other',
    empty: 'Nothing filled in yet.',
    noNotes: 'No notes.',
    noOrganisation: 'No organisation',
    dialIntro: 'Position per organisation (0 % = fine-tuning, 100 % = fundamental turn):',
    columns: ['template', 'section', 'organisation', 'author', 'text', 'position_percent'],
    board: 'The board',
    boardAlt: (werkvormen: string[], notes: number, organisations: number) =>
      `Overview of the board: ${werkvormen.length === 0 ? 'no templates' : `${pluralEn(werkvormen.length, 'template', 'templates')} (${werkvormen.join(', ')})`} with ${pluralEn(notes, 'note', 'notes')}${organisations > 0 ? ` from ${pluralEn(organisations, 'organisation', 'organisations')}, each in its organisation's colour` : ''}. Every note is written out below per template and section.`,
    votes: 'Vote results',
    noVotes: 'No vote has been held (yet).',
    earlierVote: 'Earlier vote',
    untitledFrame: 'Untitled frame',
    voteOpen: 'The vote is still open; results show once revealed.',
    voteHidden: 'The results of this vote were not shown.',
    voteLine: (voters: number, dots: number | null) =>
      `${pluralEn(voters, 'participant', 'participants')} voted${dots ? `, ${pluralEn(dots, 'dot', 'dots')} each` : ''}.`,
    voteColumns: ['Note', 'Organisation', 'Author', 'Dots'],
    reactions: { eens: 'agree', idee: 'good idea', vraag: 'question', belangrijk: 'important' },
    noDots: 'No dots placed.',
    dots: (n: number) => pluralEn(n, 'dot', 'dots'),
    agenda: 'Agenda',
    noAgenda: 'There was no agenda.',
    minutes: (n: number) => `${n} min`,
    stepState: { done: 'done', current: 'current step', later: 'not reached' },
    manifesto: 'Manifesto',
    manifestoTitle: 'Title',
    frozen: 'The text is frozen for signing.',
    notFrozen: 'The text is not frozen: it may still change.',
    hash: 'Hash of the current text (SHA-256)',
    signatures: 'Signatures',
    signatureColumns: ['Organisation', 'Name', 'Function', 'Signed on', 'Status'],
    signatureState: {
      current: 'Valid for the current text',
      stale: 'Signed an earlier version of the text',
      none: 'Not signed yet',
    },
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    pageWords: ['Page', 'of'] as const,
  },
} as const satisfies Record<Locale, unknown>

export type ReportWords = (typeof REPORT_WORDS)[Locale]
