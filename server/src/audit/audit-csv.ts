import { csvCell } from '../report/report-csv'
import type { AuditEntry } from '../store/board-store'

const COLUMNS = ['time', 'act', 'role', 'organisation', 'participant', 'detail'] as const

/**
 * A board's audit log as CSV: one row per act, times in ISO 8601 (UTC), the detail as JSON.
 * Comma-separated with a BOM, CRLF line ends; cells quoted as the session report's are.
 */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [
    new Date(entry.at).toISOString(),
    entry.act,
    entry.role,
    entry.organisation ?? '',
    entry.participant ?? '',
    Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : '',
  ])
  const lines = [[...COLUMNS], ...rows].map((row) => row.map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
