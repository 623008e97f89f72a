import { useI18n } from '../i18n/i18n-context'
import type { ConnectionStatus } from '../sync/connection-status'

const KEYS = {
  connected: 'status.connected',
  connecting: 'status.connecting',
  offline: 'status.offline',
  denied: 'status.denied',
  outdated: 'status.outdated',
} as const

export function StatusPill({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n()
  return (
    <output className={`status-pill status-${status}`} aria-live="polite" data-status={status}>
      <span className="visually-hidden">{t('status.label')}: </span>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{t(KEYS[status])}</span>
    </output>
  )
}
