import { useState } from 'react'
import { createBoard } from '../api/boards-api'
import { useI18n } from '../i18n/i18n-context'
import { LanguageSwitch } from '../layout/language-switch'

export function StartPage({ navigate }: { navigate(path: string): void }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  async function startBoard() {
    setBusy(true)
    setFailed(false)
    try {
      const board = await createBoard(t('start.defaultTitle'))
      // The facilitator link: whoever creates the board runs it. Same origin, token in the fragment.
      const link = new URL(board.links.facilitator)
      navigate(`${link.pathname}${link.hash}`)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

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
          onClick={() => void startBoard()}
          disabled={busy}
          aria-busy={busy}
        >
          {t('start.newBoard')}
        </button>
        {failed ? (
          <p className="form-error" role="alert">
            {t('start.failed')}
          </p>
        ) : null}
      </section>
    </main>
  )
}
