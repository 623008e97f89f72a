import { describe, expect, it } from 'vitest'
import { formatMessage } from '../i18n/format-message'
import { messages } from '../i18n/messages'
import { ApiError, apiFetch } from './http'
import { writeRateMessage } from './write-rate-message'

const in_ =
  (locale: 'nl' | 'en') => (key: keyof typeof messages.nl, values: Record<string, string>) =>
    formatMessage(messages[locale][key], values, locale)

/** The answer the server gives a write past MAX_WRITES_PER_MINUTE (server/src/http/write-rate.ts). */
const refusal = (seconds: string) =>
  new Response(JSON.stringify({ error: 'too many changes', code: 'write-rate' }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': seconds },
  })

describe('writeRateMessage', () => {
  it('reads Retry-After from a 429 write-rate and says in Dutch and English how long to wait and that the text stays', async () => {
    const error = await apiFetch('/api/boards/b/comments', {
      method: 'POST',
      fetchImpl: async () => refusal('42'),
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'limited', code: 'write-rate', retryAfterSeconds: 42 })
    expect(writeRateMessage(error, in_('nl'))).toBe(
      'Via deze link komen nu te veel wijzigingen tegelijk binnen. Probeer het over 42 seconden opnieuw; wat je schreef blijft staan.',
    )
    expect(writeRateMessage(error, in_('en'))).toContain('Try again in 42 seconds')
    expect(
      writeRateMessage(new ApiError('limited', 'x', 429, 'write-rate', 1), in_('nl')),
    ).toContain('over 1 seconde opnieuw')
  })

  it('leaves every other refusal to the caller', () => {
    expect(writeRateMessage(new ApiError('limited', 'too big', 413), in_('nl'))).toBeNull()
    expect(writeRateMessage(new Error('boom'), in_('nl'))).toBeNull()
  })
})
