import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { formatMessage } from './format-message'
import { isLocale, type Locale, type MessageKey, messages } from './messages'

const STORAGE_KEY = 'stip.locale'

export interface I18n {
  locale: Locale
  setLocale(locale: Locale): void
  t(key: MessageKey): string
  /** The message with its `{placeholders}` filled and its plural forms chosen for the locale. */
  format(key: MessageKey, values: Readonly<Record<string, string | number>>): string
}

const I18nContext = createContext<I18n | null>(null)

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (isLocale(stored)) return stored
  } catch {
    // Storage can be blocked (private mode, policies); Dutch is the product default anyway.
  }
  return 'nl'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale)

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembering the choice is acceptable; the switch still works for this page.
    }
    document.documentElement.lang = next
  }, [])

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key) => messages[locale][key],
      format: (key, values) => formatMessage(messages[locale][key], values, locale),
    }),
    [locale, setLocale],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>')
  return value
}
