import type { MessageKey } from '../i18n/messages'
import { ApiError } from './http'

/**
 * The sentence for a write the server refused because too many came through this link at once
 * (429 `write-rate`, server/src/http/write-rate.ts): how long to wait, and that nothing typed
 * is lost. Null for any other error.
 */
export function writeRateMessage(
  error: unknown,
  format: (key: MessageKey, values: Record<string, string>) => string,
): string | null {
  if (!(error instanceof ApiError) || error.code !== 'write-rate') return null
  return format('apiError.write-rate', { seconds: String(error.retryAfterSeconds ?? 60) })
}
