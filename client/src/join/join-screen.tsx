import type { BoardOrganisation } from '../api/boards-api'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { CardPage } from '../layout/card-page'
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
    <CardPage
      titleId="join-title"
      boardLine={
        <>
          {' '}
          · {t('board.label')}{' '}
          {title ? <span className="join-board-title">{title}</span> : <code>{boardId}</code>}
        </>
      }
    >
      <h1 id="join-title">{t('join.title')}</h1>
      <p className="lead">{t('join.intro')}</p>
      <ParticipantForm
        initial={initial}
        submitLabel={t('join.submit')}
        onSubmit={onJoin}
        organisations={organisations}
      />
    </CardPage>
  )
}
