import { readCommentThreads } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import { createScratchDatabase } from '../../server/src/store/scratch-database'
import { recordsOf } from './helpers/board-notes'
import { type CreatedBoard, createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { boardApi, tokenOfLink } from './helpers/manifesto'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const REDIS_URL = process.env.STIP_TEST_REDIS ?? 'redis://127.0.0.1:6379'

interface Answer {
  status: number
  retryAfter: string | null
  body: { error?: string; code?: string }
}

/** One write as the browser sends it, with the answer's Retry-After header. */
async function write(
  url: string,
  boardId: string,
  path: string,
  token: string,
  body: unknown,
  method = 'POST',
): Promise<Answer> {
  const response = await fetch(`${url}/api/boards/${boardId}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: text ? JSON.parse(text) : {},
  }
}

const saveVersion = (url: string, board: CreatedBoard, token = board.tokens.editor) =>
  write(url, board.id, '/versions', token, { name: 'Tussenstand', authorName: 'Wim' })

const refused = {
  status: 429,
  retryAfter: expect.stringMatching(/^\d+$/),
  body: { error: expect.stringContaining('too many changes'), code: 'write-rate' },
}

describe('the write rate of a link into a board (MAX_WRITES_PER_MINUTE)', () => {
  const cleanup = useCleanup()

  it('H6: refuses a burst of comments past the limit with 429 write-rate and Retry-After, stores none of them, and leaves other links and boards alone', async () => {
    const { url, wsBase } = await startTestServer(cleanup, { maxWritesPerMinute: 3 })
    const board = await createBoard(url, {
      title: 'Samen sterk in Zeist',
      template: 'ambities-2040',
      organisations: [{ name: 'Gemeente Zeist' }, { name: 'GGD' }],
    })
    const other = await createBoard(url)
    const watcher = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    const frame = [...recordsOf(watcher.doc).values()].find((r) => r.meta?.stipPart === 'frame')!
    const comment = (token: string, text: string) =>
      write(url, board.id, '/comments', token, {
        target: { kind: 'werkvorm', frameId: frame.id },
        text,
        name: 'Wim',
        organisation: 'Gemeente Zeist',
      })

    // One leaked editor link floods: ten at once, as fast as the server takes them.
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, index) => comment(board.tokens.editor, `Spam ${index}`)),
    )
    expect(burst.filter((answer) => answer.status === 201)).toHaveLength(3)
    const refusals = burst.filter((answer) => answer.status !== 201)
    expect(refusals).toHaveLength(7)
    for (const answer of refusals) expect(answer).toEqual(refused)
    const seconds = Number(refusals[0]!.retryAfter)
    expect(seconds).toBeGreaterThanOrEqual(1)
    expect(seconds).toBeLessThanOrEqual(60)

    // Every other write of that link shares the budget.
    expect(await saveVersion(url, board)).toEqual(refused)
    expect(await write(url, board.id, '/commitments', board.tokens.editor, {})).toEqual(refused)
    expect(await write(url, board.id, '/amendments', board.tokens.editor, {})).toEqual(refused)

    // The facilitator, an organisation's signing link and another board are not held up.
    expect((await comment(board.tokens.facilitator, 'Voorzitter')).status).toBe(201)
    const link = await boardApi<{ link: string }>(
      url,
      `/api/boards/${board.id}/signing-links/ggd`,
      board.tokens.facilitator,
      { method: 'POST' },
    )
    const ggd = tokenOfLink(link.body.link)
    expect(
      (
        await write(url, board.id, '/comments', ggd, {
          target: { kind: 'werkvorm', frameId: frame.id },
          text: 'GGD',
          name: 'Bram',
        })
      ).status,
    ).toBe(201)
    expect((await saveVersion(url, other)).status).toBe(201)

    // Nothing of the refused writes reached the board: three floods, the chair's and the GGD's.
    await waitFor(() => readCommentThreads(watcher.doc).length === 5, {
      what: 'the five admitted threads to reach the viewer',
    })
    const texts = readCommentThreads(watcher.doc).map((thread) => thread.messages[0]!.text)
    expect(texts.filter((text) => text.startsWith('Spam'))).toHaveLength(3)
    const versions = await boardApi<{ versions: unknown[] }>(
      url,
      `/api/boards/${board.id}/versions`,
      board.tokens.facilitator,
    )
    expect(versions.body.versions).toHaveLength(0)
  })

  it('lets the link write again once its window has passed', async () => {
    const { url } = await startTestServer(cleanup, { maxWritesPerMinute: 2, writeWindowMs: 1000 })
    const board = await createBoard(url)
    expect((await saveVersion(url, board)).status).toBe(201)
    expect((await saveVersion(url, board)).status).toBe(201)
    const refusal = await saveVersion(url, board)
    expect(refusal).toEqual(refused)
    expect(refusal.retryAfter).toBe('1')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await saveVersion(url, board)).status).toBe(201)
  })

  it('gives saves of sealed notes and ballots their own, larger budget', async () => {
    const { url } = await startTestServer(cleanup, { maxWritesPerMinute: 1 })
    const board = await createBoard(url)
    expect((await saveVersion(url, board)).status).toBe(201)
    expect(await saveVersion(url, board)).toEqual(refused)
    const keep = () =>
      write(url, board.id, '/silent-round/notes/shape:stil', board.tokens.editor, {}, 'PUT')
    // Without a participant secret each save is refused for that (400), until the saves run out.
    const answers = []
    for (let index = 0; index < 11; index++) answers.push(await keep())
    expect(answers.slice(0, 10).map((answer) => answer.status)).toEqual(new Array(10).fill(400))
    expect(answers[10]).toEqual(refused)
  })
})

describe('the write rate shared by two instances through Redis', () => {
  const cleanup = useCleanup()

  it('counts one link’s writes on both instances together', async () => {
    const database = await createScratchDatabase()
    cleanup.add(() => database.drop())
    const settings = { databaseUrl: database.url, redisUrl: REDIS_URL, maxWritesPerMinute: 3 }
    const [a, b] = await Promise.all([
      startTestServer(cleanup, settings),
      startTestServer(cleanup, settings),
    ])
    const board = await createBoard(a.url)
    const other = await createBoard(b.url)
    expect((await saveVersion(a.url, board)).status).toBe(201)
    expect((await saveVersion(b.url, board)).status).toBe(201)
    expect((await saveVersion(a.url, board)).status).toBe(201)
    expect(await saveVersion(b.url, board)).toEqual(refused)
    expect(await saveVersion(a.url, board)).toEqual(refused)
    expect((await saveVersion(b.url, other)).status).toBe(201)
    expect((await saveVersion(a.url, board, board.tokens.facilitator)).status).toBe(201)
  })
})
