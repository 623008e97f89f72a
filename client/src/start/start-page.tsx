import { useI18n } from '../i18n/i18n-context'
import { LanguageSwitch } from '../layout/language-switch'
import { createBoardId } from '../routing/parse-route'

export function StartPage({ navigate }: { navigate(path: string): void }) {
  const { t } = useI18n()
  return (
    <main className="centered-page">
      <div className="page-corner">
        <LanguageSwitch />
      </div>
      <section className="card start-card" aria-labelledby="start-title">
        <h1 id="start-title" className="brand-title">
          <span className="logo-dot large" aria-hidden="true" />
          {t('start.title')}
        </h1>
        <p className="eyebrow">{t('app.tagline')}</p>
        <p className="lead">{t('start.intro')}</p>
        <button
          type="button"
          className="button primary"
          onClick={() => navigate(`/b/${createBoardId()}`)}
        >
          {t('start.newBoard')}
        </button>
      </section>
    </main>
  )
}
