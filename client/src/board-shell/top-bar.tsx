import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { readableTextColor } from '../identity/readable-text-color'
import { LanguageSwitch } from '../layout/language-switch'
import { ACCESSIBILITY_PATH } from '../routing/parse-route'
import type { ConnectionStatus } from '../sync/connection-status'
import type { BoardView } from './board-view'
import { StatusPill } from './status-pill'
import { ViewSwitch } from './view-switch'

export function TopBar({
  boardId,
  title,
  readOnly,
  status,
  participant,
  participantColor,
  onEditParticipant,
  onShare,
  panelsOpen,
  panelsBadge,
  onTogglePanels,
  view,
  onViewChange,
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
  /** Whether the side panel shows; undefined when there is no panel to show. */
  panelsOpen?: boolean
  /** Shown on the closed panels' button (on a phone, the panels' only sign): open threads. */
  panelsBadge?: ReactNode
  onTogglePanels(): void
  /** The board or the list view; undefined until the board can show either. */
  view?: BoardView
  onViewChange(view: BoardView): void
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
      </h1>
      {/* Outside the title, which a phone hides: a viewer always sees that they watch. */}
      {readOnly ? (
        <span className="read-only-tag">
          {t('board.viewing')} · {t('board.readOnly')}
        </span>
      ) : null}
      <div className="top-bar-end">
        {view ? <ViewSwitch view={view} onChange={onViewChange} /> : null}
        <StatusPill status={status} />
        {panelsOpen !== undefined ? (
          <button
            type="button"
            className="button small panels-toggle"
            aria-pressed={panelsOpen}
            onClick={onTogglePanels}
          >
            {t(panelsOpen ? 'panels.close' : 'panels.open')}
            {panelsOpen ? null : panelsBadge}
          </button>
        ) : null}
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
        {/* The organisation's dot with its initial sits outside the button, over its left edge:
            as decoration inside, its letter would count as the button's visible label, which
            must match the accessible name (WCAG 2.5.3). Clicks pass through it to the button. */}
        <span className="participant-chip">
          <span
            className="org-dot"
            aria-hidden="true"
            style={{ background: participantColor, color: readableTextColor(participantColor) }}
          >
            {participant.organisation.trim().charAt(0).toUpperCase()}
          </span>
          <button
            type="button"
            className="participant-badge"
            onClick={onEditParticipant}
            title={t('board.editProfile')}
            aria-label={`${participant.name}, ${participant.organisation}. ${t('board.editProfile')}`}
          >
            <span className="participant-name">{participant.name}</span>
            {/* A real space: without it, the text reads "AnoukGGD" to tools that ignore layout. */}{' '}
            <span className="participant-org">{participant.organisation}</span>
          </button>
        </span>
        <a className="top-bar-link" href={ACCESSIBILITY_PATH}>
          {t('footer.accessibility')}
        </a>
        <LanguageSwitch />
      </div>
    </header>
  )
}
