export type ManifestoSectionKey =
  | 'titel'
  | 'preambule'
  | 'gedeelde-waarden'
  | 'ambities-2040'
  | 'eerste-stappen'
  | 'samenwerken'
  | 'ondertekening'

export interface ManifestoSection {
  key: ManifestoSectionKey
  nl: string
  en: string
}

export type ManifestoLocale = 'nl' | 'en'

/** The default structure of a manifesto, in order (issue 6: titel … ondertekening). */
export const MANIFESTO_SECTIONS: readonly ManifestoSection[] = [
  { key: 'titel', nl: 'Titel', en: 'Title' },
  { key: 'preambule', nl: 'Preambule', en: 'Preamble' },
  { key: 'gedeelde-waarden', nl: 'Gedeelde waarden', en: 'Shared values' },
  { key: 'ambities-2040', nl: 'Ambities 2040', en: 'Ambitions 2040' },
  {
    key: 'eerste-stappen',
    nl: 'Eerste stappen deze collegeperiode',
    en: 'First steps this council term',
  },
  { key: 'samenwerken', nl: 'Hoe we samenwerken', en: 'How we work together' },
  { key: 'ondertekening', nl: 'Ondertekening', en: 'Signing' },
]

/**
 * The heading attribute that marks which section a heading opens. The editor keeps it through
 * a global attribute (client/src/manifesto), so a renamed heading still finds its section.
 */
export const SECTION_ATTRIBUTE = 'section'

export function isManifestoSectionKey(value: unknown): value is ManifestoSectionKey {
  return MANIFESTO_SECTIONS.some((section) => section.key === value)
}
