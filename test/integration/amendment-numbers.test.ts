import { type Amendment, readAmendments } from '@stip/board/doc-model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../server/src/store/scratch-database'
import { createBoard } from './helpers/boards'
import { spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { type BoardClient, connectClient } from './helpers/clients'
import { boardApi, manifestoText, writeManifesto } from './helpers/manifesto'
import { startTestServer, tempDataDir, wsBaseOf } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const REDIS_URL = process.env.STIP_TEST_REDIS ?? 'redis://127.0.0.1:6379'
const PROPOSALS = 10
const ONE_TO_TEN = Array.from({ length: PROPOSALS }, (_, i) => i + 1)

let database: ScratchDatabase
beforeAll(async () => {
  database = await createScratchDatabase()
})
afterAll(async () => {
  await database?.drop()
})

/** A board with a manifesto every instance's room holds, read by one client per instance. */
async function boardOnEvery(cleanup: ReturnType<typeof useCleanup>, instances: string[]) {
  const board = await createBoard(instances[0]!, {
    title: 'Nummering',
    organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
  })
  const readers: BoardClient[] = []
  for (const url of instances) {
    readers.push(
      await connectClient(cleanup, wsBaseOf(url), board.id, { token: board.tokens.viewer }),
    )
  }
  const writer = await connectClient(cleanup, wsBaseOf(instances[0]!), board.id, {
    token: board.tokens.editor,
  })
  writeManifesto(writer.doc, 'Wij geloven in samenwerking.', 'Niemand staat er alleen voor.')
  for (const reader of readers) {
    await waitFor(() => manifestoText(reader.doc) === manifestoText(writer.doc), {
      what: 'the manifesto on every instance',
    })
  }
  return { board, readers }
}

/** PROPOSALS proposals at once, spread over the instances in turn; resolves with their numbers. */
async function proposeAtOnce(instances: string[], boardId: string, token: string) {
  const answers = await Promise.all(
    ONE_TO_TEN.map((i) =>
      boardApi<{ amendment: Amendment; error: string }>(
        instances[i % instances.length]!,
        `/api/boards/${boardId}/amendments`,
        token,
        {
          method: 'POST',
          body: {
            organisation: i % 2 === 0 ? 'Gemeente' : 'GGD',
            name: `Partner ${i}`,
            passage: { path: [3], from: 4, to: 11, text: 'geloven' },
            replacement: `kiezen ${i}`,
            reason: 'Sterker',
          },
        },
      ),
    ),
  )
  for (const answer of answers) expect(answer.status, answer.body.error).toBe(201)
  return answers.map((answer) => answer.body.amendment.number).sort((a, b) => a - b)
}

describe('amendment numbers', () => {
  const cleanup = useCleanup()

  it('M3: two instances on Postgres and Redis taking ten proposals at once number them 1 to 10, none twice', async () => {
    const instances = await Promise.all(
      [0, 1].map(async () =>
        spawnChildServer(cleanup, await tempDataDir(cleanup), {
          DATABASE_URL: database.url,
          REDIS_URL,
        }),
      ),
    )
    const urls = instances.map((instance) => instance.url)
    const { board, readers } = await boardOnEvery(cleanup, urls)
    expect(await proposeAtOnce(urls, board.id, board.tokens.editor)).toEqual(ONE_TO_TEN)
    // Every instance's clients end up with the same ten, each number once.
    for (const reader of readers) {
      await waitFor(() => readAmendments(reader.doc).length === PROPOSALS, {
        what: 'ten amendments at every instance',
      })
      expect(readAmendments(reader.doc).map((a) => a.number)).toEqual(ONE_TO_TEN)
    }
    // And on: the next one, through the other instance, is 11.
    const eleventh = await boardApi<{ amendment: Amendment }>(
      urls[1]!,
      `/api/boards/${board.id}/amendments`,
      board.tokens.editor,
      {
        method: 'POST',
        body: {
          organisation: 'GGD',
          name: 'Aïsha',
          passage: { path: [3], from: 15, to: 27, text: 'samenwerking' },
          replacement: 'verbinding',
          reason: 'Warmer',
        },
      },
    )
    expect(eleventh.body.amendment.number).toBe(11)
  })

  it('M3: one instance on SQLite taking ten proposals at once numbers them 1 to 10, none twice', async () => {
    const { url } = await startTestServer(cleanup)
    const { board, readers } = await boardOnEvery(cleanup, [url])
    expect(await proposeAtOnce([url], board.id, board.tokens.editor)).toEqual(ONE_TO_TEN)
    await waitFor(() => readAmendments(readers[0]!.doc).length === PROPOSALS, {
      what: 'ten amendments',
    })
    expect(readAmendments(readers[0]!.doc).map((a) => a.number)).toEqual(ONE_TO_TEN)
  })
})
