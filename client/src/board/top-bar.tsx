import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { LanguageSwitch } from '../layout/language-switch'
import type { ConnectionStatus } from '../sync/connection-status'
import { StatusPill } from './status-pill'

export function TopBar({
  boardId,
  title,
  readOnly,
  status,
  participant,
  participantColor,
  onEditParticipant,
  onShare,
}: {
  boardId: string
  /** null until the board's metadata arrived (or when offline). */
  title: string | null
  readOnly: boolean
  status: ConnectionStatus
  participant: Participant
  /** The organisation's colour on this board. */
  participantColor: string
  onEditParticipant(): void
  /** Set for the facilitator only: opens the share dialog. */
  onShare?: () => void
}) {
  const { t } = useI18n()
  return (
    <header className="top-bar">
      <a className="brand" href="/">
        <span className="logo-dot" aria-hidden="true" />
        {t('app.name')}
      </a>
      <h1 className="board-title">
        {title ?? (
          <>
            <span className="muted">{t('board.label')}</span> <code>{boardId}</code>
          </>
        )}
        {readOnly ? <span className="read-only-tag">{t('board.readOnly')}</span> : null}
      </h1>
      <div className="top-bar-end">
        <StatusPill status={status} />
        {onShare ? (
          <button
            type="button"
            className="button primary small share-button"
            onClick={onShare}
            aria-haspopup="dialog"
          >
            {t('share.open')}
          </button>
        ) : null}
        <LanguageSwitch />
        <button
          type="button"
          className="participant-badge"
          onClick={onEditParticipant}
          title={t('board.editProfile')}
          aria-label={`${participant.name}, ${participant.organisation}. ${t('board.editProfile')}`}
        >
          <span className="org-dot" aria-hidden="true" style={{ background: participantColor }} />
          <span className="participant-name">{participant.name}</span>
          <span className="participant-org">{participant.organisation}</span>
        </button>
      </div>
    </header>
  )
}
