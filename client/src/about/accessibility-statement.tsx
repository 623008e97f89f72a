import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { LanguageSwitch } from '../layout/language-switch'
import { SiteFooter } from '../layout/site-footer'

const TESTED: readonly MessageKey[] = [
  'a11y.tested.axe',
  'a11y.tested.keyboard',
  'a11y.tested.mobile',
  'a11y.tested.motion',
  'a11y.tested.contrast',
]
const LIMITS: readonly MessageKey[] = [
  'a11y.limits.canvas',
  'a11y.limits.screenreader',
  'a11y.limits.keyboard',
  'a11y.limits.manual',
]

/** `/toegankelijkheid`: what standard Stip aims for, what was checked, and what falls short. */
export function AccessibilityStatement({ navigate }: { navigate(path: string): void }) {
  const { t } = useI18n()
  return (
    <div className="text-page-wrap">
      <main className="text-page">
        <div className="text-page-top">
          <a
            className="brand"
            href="/"
            onClick={(event) => {
              event.preventDefault()
              navigate('/')
            }}
          >
            <span className="logo-dot" aria-hidden="true" />
            {t('app.name')}
          </a>
          <LanguageSwitch />
        </div>
        <h1>{t('a11y.title')}</h1>
        <p className="lead">{t('a11y.intro')}</p>
        <section aria-labelledby="a11y-standard">
          <h2 id="a11y-standard">{t('a11y.standardTitle')}</h2>
          <p>{t('a11y.standard')}</p>
        </section>
        <section aria-labelledby="a11y-tested">
          <h2 id="a11y-tested">{t('a11y.testedTitle')}</h2>
          <ul>
            {TESTED.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="a11y-limits">
          <h2 id="a11y-limits">{t('a11y.limitsTitle')}</h2>
          <ul>
            {LIMITS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="a11y-date">
          <h2 id="a11y-date">{t('a11y.dateTitle')}</h2>
          <p>
            <time dateTime="2026-11-22">{t('a11y.date')}</time>
          </p>
        </section>
        <section aria-labelledby="a11y-contact">
          <h2 id="a11y-contact">{t('a11y.contactTitle')}</h2>
          <p>{t('a11y.contact')}</p>
        </section>
      </main>
      <SiteFooter navigate={navigate} />
    </div>
  )
}
