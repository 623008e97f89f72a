import './connection-notice.css'
import { CloseCode } from '@stip/protocol'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n-context'
import type { ConnectionStatus } from '../sync/connection-status'
import type { RecoveryNotice } from '../sync/shared-board-connection'

/**
 * Says in plain words what happened when the server refused this browser's copy (the board was
 * loaded afresh, the person carries on) or when the page is older than the server (reload).
 */
export function ConnectionNotice({
  status,
  notice,
  onReconnect,
}: {
  status: ConnectionStatus
  notice: RecoveryNotice | null
  onReconnect(): void
}) {
  const { t } = useI18n()
  const [dismissed, setDismissed] = useState<RecoveryNotice | null>(null)

  if (status === 'outdated') {
    return (
      <div className="connection-notice" role="alert" data-notice="outdated">
        <strong>{t('recovery.outdatedTitle')}</strong>
        <p>{t('recovery.outdated')}</p>
        <button
          type="button"
          className="button primary small"
          onClick={() => window.location.reload()}
        >
          {t('recovery.reload')}
        </button>
      </div>
    )
  }
  if (!notice || dismissed === notice) return null
  const tooLarge = notice.code === CloseCode.boardTooLarge
  return (
    <div
      className="connection-notice"
      role="alert"
      data-notice={tooLarge ? 'too-large' : 'refused'}
      data-stopped={notice.stopped}
    >
      <strong>{t('recovery.refusedTitle')}</strong>
      <p>{t(tooLarge ? 'recovery.tooLarge' : 'recovery.refused')}</p>
      {notice.stopped ? <p>{t('recovery.stopped')}</p> : null}
      <div className="connection-notice-actions">
        {notice.stopped ? (
          <button type="button" className="button primary small" onClick={onReconnect}>
            {t('recovery.reconnect')}
          </button>
        ) : null}
        <button
          type="button"
          className="button secondary small"
          onClick={() => setDismissed(notice)}
        >
          {t('recovery.dismiss')}
        </button>
      </div>
    </div>
  )
}
