import { useI18n } from '../i18n/i18n-context'
import { locales } from '../i18n/messages'

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n()
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {/* The visible code is part of the accessible name (WCAG 2.5.3), the full name follows. */}
          {option.toUpperCase()}
          <span className="visually-hidden"> {t(`language.${option}`)}</span>
        </button>
      ))}
    </fieldset>
  )
}
