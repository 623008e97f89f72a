import type { BoardOrganisation } from '../api/boards-api'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { LanguageSwitch } from '../layout/language-switch'
import { ParticipantForm } from './participant-form'

export function JoinScreen({
  boardId,
  initial,
  onJoin,
  title = null,
  organisations = [],
}: {
  boardId: string
  /** The board's title once known; the id stands in until then. */
  title?: string | null
  organisations?: readonly BoardOrganisation[]
  initial: Participant | null
  onJoin(participant: Participant): void
}) {
  const { t } = useI18n()
  return (
    <main className="centered-page">
      <div className="page-corner">
        <LanguageSwitch />
      </div>
      <section className="card" aria-labelledby="join-title">
        <p className="eyebrow">
          <span className="logo-dot" aria-hidden="true" /> {t('app.name')} · {t('board.label')}{' '}
          {title ? <span className="join-board-title">{title}</span> : <code>{boardId}</code>}
        </p>
        <h1 id="join-title">{t('join.title')}</h1>
        <p className="lead">{t('join.intro')}</p>
        <ParticipantForm
          initial={initial}
          submitLabel={t('join.submit')}
          onSubmit={onJoin}
          organisations={organisations}
        />
      </section>
    </main>
  )
}
