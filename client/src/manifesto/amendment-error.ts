import { ApiError } from '../api/http'
import { writeRateMessage } from '../api/write-rate-message'
import type { MessageKey } from '../i18n/messages'

/** How a refused amendment request is worded: the freeze and a moved passage get their own. */
export function amendmentErrorMessage(
  error: unknown,
  t: (key: MessageKey) => string,
  format: (key: MessageKey, values: Record<string, string>) => string,
): string {
  const message = error instanceof Error ? error.message : String(error)
  const tooFast = writeRateMessage(error, format)
  if (tooFast) return tooFast
  if (error instanceof ApiError && error.kind === 'conflict') {
    if (/frozen/.test(message)) return t('amend.error.frozen')
    if (/passage/.test(message)) return t('amend.error.passage')
  }
  return format('amend.error.failed', { error: message })
}
