import type { Locale } from '@stip/templates'

/** The report's own words, Dutch first; the werkvormen bring their own labels. */
export const REPORT_WORDS = {
  nl: {
    title: 'Gespreksverslag',
    generated: 'Gemaakt op',
    noteCount: (n: number) => (n === 1 ? '1 briefje' : `${n} briefjes`),
    hidden: (n: number) =>
      `${n === 1 ? '1 briefje' : `${n} briefjes`} uit de stille ronde ${n === 1 ? 'is' : 'zijn'} nog verborgen en ${n === 1 ? 'staat' : 'staan'} niet in dit verslag.`,
    other: 'Overig',
    empty: 'Nog niets ingevuld.',
    noNotes: 'Geen briefjes.',
    noOrganisation: 'Zonder organisatie',
    dialIntro: 'Stand per organisatie (0 % = fijnafstemming, 100 % = fundamentele omslag):',
    columns: ['werkvorm', 'onderdeel', 'organisatie', 'auteur', 'tekst', 'stand_procent'],
  },
  en: {
    title: 'Session report',
    generated: 'Made on',
    noteCount: (n: number) => (n === 1 ? '1 note' : `${n} notes`),
    hidden: (n: number) =>
      `${n === 1 ? '1 note' : `${n} notes`} from the silent round ${n === 1 ? 'is' : 'are'} still hidden and not in this report.`,
    other: 'Other',
    empty: 'Nothing filled in yet.',
    noNotes: 'No notes.',
    noOrganisation: 'No organisation',
    dialIntro: 'Position per organisation (0 % = fine-tuning, 100 % = fundamental turn):',
    columns: ['template', 'section', 'organisation', 'author', 'text', 'position_percent'],
  },
} as const satisfies Record<Locale, unknown>
