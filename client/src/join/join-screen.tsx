import type { BoardOrganisation } from '../api/boards-api'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { CardPage } from '../layout/card-page'
import { JoinBoardLine } from './join-board-line'
import { ParticipantForm } from './participant-form'

export function JoinScreen({
  boardId,
  initial,
  onJoin,
  title = null,
  organisations = [],
  signsFor = null,
}: {
  boardId: string
  /** The board's title once known; the id stands in until then. */
  title?: string | null
  organisations?: readonly BoardOrganisation[]
  /** A signing link's organisation: the screen says so and the organisation is fixed. */
  signsFor?: string | null
  initial: Participant | null
  onJoin(participant: Participant): void
}) {
  const { t } = useI18n()
  return (
    <CardPage titleId="join-title" boardLine={<JoinBoardLine boardId={boardId} title={title} />}>
      <h1 id="join-title">
        {signsFor
          ? fillTemplate(t('join.signerTitle'), { organisation: signsFor })
          : t('join.title')}
      </h1>
      <p className="lead">
        {signsFor
          ? fillTemplate(t('join.signerIntro'), { organisation: signsFor })
          : t('join.intro')}
      </p>
      <ParticipantForm
        initial={initial}
        submitLabel={signsFor ? t('join.signerSubmit') : t('join.submit')}
        onSubmit={onJoin}
        organisations={organisations}
        {...(signsFor ? { fixedOrganisation: signsFor } : {})}
      />
    </CardPage>
  )
}
