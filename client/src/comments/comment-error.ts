import { ApiError } from '../api/http'
import { writeRateMessage } from '../api/write-rate-message'
import type { MessageKey } from '../i18n/messages'

/**
 * How a refused or unsent comment request is worded. Offline gets its own sentence: the text
 * stays in the box, and the person should know it did not go out.
 */
export function commentErrorMessage(
  error: unknown,
  t: (key: MessageKey) => string,
  format: (key: MessageKey, values: Record<string, string>) => string,
): string {
  const message = error instanceof Error ? error.message : String(error)
  if (!(error instanceof ApiError)) return format('comments.error.failed', { error: message })
  if (error.kind === 'offline') return t('comments.error.offline')
  if (error.kind === 'unauthorized') return t('comments.error.forbidden')
  if (error.kind === 'not-found') return t('comments.error.gone')
  const tooFast = writeRateMessage(error, format)
  if (tooFast) return tooFast
  if (error.kind === 'limited') return t('comments.error.limited')
  if (error.code === 'comment-thread-full') return t('comments.error.threadFull')
  if (error.code === 'comment-threads-full' || error.code === 'comment-text-full') {
    return t('comments.error.boardFull')
  }
  if (error.kind === 'conflict' && /passage/i.test(message)) return t('comments.error.passage')
  return format('comments.error.failed', { error: message })
}
