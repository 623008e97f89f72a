import { useState } from 'react'
import type { BoardRetention } from '../api/boards-api'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import './retention-banner.css'

const dismissedKey = (boardId: string) => `stip.retentionDismissed.${boardId}`

/**
 * The facilitator's reminder that the server deletes boards nobody opens (RETENTION_DAYS):
 * a quiet line with the date, a warning once the date is near. Closed, it stays closed for
 * this browser tab; a warning comes back on the next visit.
 */
export function RetentionBanner({
  boardId,
  retention,
}: {
  boardId: string
  retention: BoardRetention
}) {
  const { t, locale } = useI18n()
  const [dismissed, setDismissed] = useState(() => readDismissed(boardId))
  if (dismissed) return null
  const date = new Date(retention.deleteAfter).toLocaleDateString(
    locale === 'nl' ? 'nl-NL' : 'en-GB',
    { day: 'numeric', month: 'long', year: 'numeric' },
  )
  const text = fillTemplate(t(retention.warning ? 'retention.warning' : 'retention.notice'), {
    date,
  })
  return (
    <div
      className={`retention-banner${retention.warning ? ' warning' : ''}`}
      role={retention.warning ? 'alert' : 'status'}
    >
      <p>{text}</p>
      <button
        type="button"
        className="button secondary small"
        onClick={() => {
          setDismissed(true)
          try {
            sessionStorage.setItem(dismissedKey(boardId), '1')
          } catch {
            // Not remembered: it shows again on reload.
          }
        }}
      >
        {t('retention.dismiss')}
      </button>
    </div>
  )
}

function readDismissed(boardId: string): boolean {
  try {
    return sessionStorage.getItem(dismissedKey(boardId)) === '1'
  } catch {
    return false
  }
}
