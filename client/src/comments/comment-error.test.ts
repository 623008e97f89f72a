import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/http'
import { formatMessage } from '../i18n/format-message'
import { messages } from '../i18n/messages'
import { commentErrorMessage } from './comment-error'

const nl = messages.nl
const word = (error: unknown) =>
  commentErrorMessage(
    error,
    (key) => nl[key],
    (key, values) => formatMessage(nl[key], values, 'nl'),
  )

describe('commentErrorMessage', () => {
  it('says in Dutch that an unsent text stays when the browser is offline', () => {
    expect(word(new ApiError('offline', 'TypeError: Failed to fetch'))).toBe(
      nl['comments.error.offline'],
    )
    expect(nl['comments.error.offline']).toContain('blijft hier staan')
  })

  it('words the server refusals people can do something about', () => {
    expect(word(new ApiError('unauthorized', 'viewers may not', 403))).toBe(
      nl['comments.error.forbidden'],
    )
    expect(word(new ApiError('conflict', 'the passage does not read so', 409))).toBe(
      nl['comments.error.passage'],
    )
    expect(word(new ApiError('conflict', 'full', 409, 'comment-thread-full'))).toBe(
      nl['comments.error.threadFull'],
    )
    expect(word(new ApiError('failed', 'HTTP 500', 500))).toBe(
      'Dat lukte niet: HTTP 500. Je tekst blijft staan.',
    )
  })

  it('says a write refused for the link’s write rate keeps the text, and when to send again', () => {
    const said = word(new ApiError('limited', 'too many changes', 429, 'write-rate', 30))
    expect(said).toContain('over 30 seconden opnieuw')
    expect(said).toContain('blijft staan')
  })
})
