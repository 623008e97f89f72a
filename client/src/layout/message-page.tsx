import { useI18n } from '../i18n/i18n-context'

export function MessagePage({
  message,
  navigate,
}: {
  message: string
  navigate(path: string): void
}) {
  const { t } = useI18n()
  return (
    <main className="centered-page">
      <section className="card">
        <h1>{message}</h1>
        <button type="button" className="button secondary" onClick={() => navigate('/')}>
          {t('board.backToStart')}
        </button>
      </section>
    </main>
  )
}
