import { describe, expect, it } from 'vitest'
import { messages } from '../i18n/messages'
import { apiErrorMessageKey } from './api-error-message'
import { apiFetch } from './http'

const answering = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status })

describe('messages for the server\u2019s quota codes', () => {
  it('maps a coded refusal to its Dutch sentence, and anything else to null', async () => {
    const refused = await apiFetch('/api/boards', {
      method: 'POST',
      fetchImpl: answering(413, {
        error: 'a board may hold at most 5 bytes',
        code: 'board-assets-full',
      }),
    }).catch((error: unknown) => error)
    const key = apiErrorMessageKey(refused)
    expect(key).toBe('apiError.board-assets-full')
    expect(messages.nl[key!]).toMatch(/vol/)
    const uncoded = await apiFetch('/x', { fetchImpl: answering(400, { error: 'bad' }) }).catch(
      (error: unknown) => error,
    )
    expect(apiErrorMessageKey(uncoded)).toBeNull()
    const unknownCode = await apiFetch('/x', {
      fetchImpl: answering(429, { error: 'x', code: 'something-new' }),
    }).catch((error: unknown) => error)
    expect(apiErrorMessageKey(unknownCode)).toBeNull()
  })
})
