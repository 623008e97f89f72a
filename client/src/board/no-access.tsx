import { useI18n } from '../i18n/i18n-context'
import { LanguageSwitch } from '../layout/language-switch'

/** A link without (or with a wrong or renewed) token: say so, and what to do about it. */
export function NoAccess() {
  const { t } = useI18n()
  return (
    <main className="centered-page">
      <div className="page-corner">
        <LanguageSwitch />
      </div>
      <section className="card" aria-labelledby="no-access-title">
        <p className="eyebrow">
          <span className="logo-dot" aria-hidden="true" /> {t('app.name')}
        </p>
        <h1 id="no-access-title">{t('board.noAccessTitle')}</h1>
        <p className="lead">{t('board.noAccess')}</p>
        <a className="button secondary" href="/">
          {t('board.backToStart')}
        </a>
      </section>
    </main>
  )
}
