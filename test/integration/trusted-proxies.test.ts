import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { startTestServer } from './helpers/test-server'

/** Presents a wrong token as if forwarded by a reverse proxy for `forwardedFor`. */
async function guess(url: string, boardId: string, forwardedFor: string): Promise<number> {
  const response = await fetch(`${url}/api/boards/${boardId}`, {
    headers: { authorization: `Bearer ${'W'.repeat(32)}`, 'x-forwarded-for': forwardedFor },
  })
  return response.status
}

describe('per-address limits behind a reverse proxy', () => {
  const cleanup = useCleanup()

  it('count each client the trusted proxy forwarded separately', async () => {
    const { url } = await startTestServer(cleanup, {
      maxFailedTokensPerMinute: 2,
      trustedProxies: 1,
    })
    const board = await createBoard(url)
    expect(await guess(url, board.id, '203.0.113.7')).toBe(401)
    expect(await guess(url, board.id, '203.0.113.7')).toBe(401)
    expect(await guess(url, board.id, '203.0.113.7')).toBe(429)
    // Another client behind the same proxy is not punished for the first one's guesses.
    expect(await guess(url, board.id, '198.51.100.9')).toBe(401)
    // Nor can the guesser escape by writing another address in front of the real one.
    expect(await guess(url, board.id, '198.51.100.10, 203.0.113.7')).toBe(429)
  })

  it('ignore X-Forwarded-For when no proxy is trusted, so a client cannot pick its address', async () => {
    const { url } = await startTestServer(cleanup, { maxFailedTokensPerMinute: 2 })
    const board = await createBoard(url)
    expect(await guess(url, board.id, '203.0.113.1')).toBe(401)
    expect(await guess(url, board.id, '203.0.113.2')).toBe(401)
    expect(await guess(url, board.id, '203.0.113.3')).toBe(429)
  })
})
