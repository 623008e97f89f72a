import type { TLUiTranslationKey } from 'tldraw'
import type { Locale } from './messages'

/**
 * Stip's words for tldraw's own strings where tldraw's translation clashes with the glossary
 * (its Dutch note tool is "Opmerking") or is left in English. Passed to tldraw as
 * `overrides.translations`; tldraw's licence and watermark texts are never overridden.
 */
export const tldrawTranslations: Record<Locale, Partial<Record<TLUiTranslationKey, string>>> = {
  nl: {
    'tool.note': 'Notitie',
    'tool.cloud': 'Wolk',
    'geo-style.cloud': 'Wolk',
    'tool.pentagon': 'Vijfhoek',
    'geo-style.pentagon': 'Vijfhoek',
    'people-menu.leading': 'Volgt jou',
    'people-menu.following': 'Je volgt',
  },
  en: {},
}
