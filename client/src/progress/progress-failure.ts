import { ApiError } from '../api/http'
import { writeRateMessage } from '../api/write-rate-message'
import { fillTemplate } from '../i18n/fill-template'
import type { MessageKey } from '../i18n/messages'

/** How a refused commitment request is worded: too many at once gets its own sentence. */
export function progressFailure(
  error: unknown,
  t: (key: MessageKey) => string,
  format: (key: MessageKey, values: Record<string, string>) => string,
): string {
  return (
    writeRateMessage(error, format) ??
    fillTemplate(t('progress.failed'), {
      reason: error instanceof ApiError ? error.message : String(error),
    })
  )
}
