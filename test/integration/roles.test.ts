import { CloseCode, MessageType, PROTOCOL_VERSION } from '@stip/protocol'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import {
  closeCodeOf,
  mapUpdate,
  openRawSocket,
  sendFrame,
  updateFrame,
  upgradeStatus,
} from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

/** A sync step 2 frame carrying `update`, as a client sends it in reply to the server's step 1. */
function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('roles on the websocket, with raw protocol frames', () => {
  const cleanup = useCleanup()

  it('A8: closes a connection without a token, or with a wrong one, with 4401', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const missing = await openRawSocket(cleanup, `${wsBase}/${board.id}`)
    const wrong = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${'A'.repeat(32)}`)
    const otherBoard = await openRawSocket(
      cleanup,
      `${wsBase}/not-a-board?token=${board.tokens.editor}`,
    )
    expect(await closeCodeOf(missing)).toBe(CloseCode.unauthorized)
    expect(await closeCodeOf(wrong)).toBe(CloseCode.unauthorized)
    expect(await closeCodeOf(otherBoard)).toBe(CloseCode.unauthorized)
  })

  it('closes a page of another Stip version with 4426, and takes its own version or none', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const socket = (query: string) =>
      openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens.editor}${query}`)
    expect(await closeCodeOf(await socket('&v=1'))).toBe(CloseCode.versionMismatch)
    expect(await closeCodeOf(await socket(`&v=${PROTOCOL_VERSION}`), 300)).toBe('still open')
    expect(await closeCodeOf(await socket(''), 300)).toBe('still open')
  })

  it('A2: lets a viewer connect and send the empty sync step 2, but drops its updates and closes it with 4403', async () => {
    const { wsBase, url, restart } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    editor.map.set('by-editor', 1)
    const viewer = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.viewer}`,
    )
    const emptyDoc = new Y.Doc()
    await sendFrame(viewer, syncStep2Frame(Y.encodeStateAsUpdate(emptyDoc)))
    await sleep(200)
    expect(await closeCodeOf(viewer, 100)).toBe('still open')
    await sendFrame(viewer, updateFrame(mapUpdate('content', 'by-viewer', 1)))
    expect(await closeCodeOf(viewer)).toBe(CloseCode.forbidden)
    await sleep(100)
    expect(editor.map.has('by-viewer')).toBe(false)
    editor.destroy()
    await restart()
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(reader.map.toJSON()).toEqual({ 'by-editor': 1 })
  })

  it('A4: refuses an editor update to facilitator-only state, even from a modified client', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const editor = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.editor}`,
    )
    for (const root of ['facilitator', 'organisations']) {
      const raw =
        root === 'facilitator'
          ? editor
          : await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens.editor}`)
      await sendFrame(raw, updateFrame(mapUpdate(root, 'timer', { endsAt: 1 })))
      expect(await closeCodeOf(raw)).toBe(CloseCode.forbidden)
    }
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    expect(facilitator.doc.getMap('facilitator').size).toBe(0)
    facilitator.doc.getMap('facilitator').set('timer', { endsAt: 2 })
    const viewer = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    await waitFor(() => viewer.doc.getMap('facilitator').get('timer'), {
      what: 'the facilitator\u2019s timer to reach a viewer',
    })
  })

  it('A7: stops old tokens at once when the facilitator renews a link, closing their connections', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const oldEditor = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.editor}`,
    )
    await sleep(100)
    const response = await fetch(`${url}/api/boards/${board.id}/links/editor`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(response.status).toBe(200)
    const { link } = (await response.json()) as { link: string }
    expect(await closeCodeOf(oldEditor)).toBe(CloseCode.unauthorized)
    const again = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens.editor}`)
    expect(await closeCodeOf(again)).toBe(CloseCode.unauthorized)
    const newToken = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!
    const renewed = await connectClient(cleanup, wsBase, board.id, { token: newToken })
    expect(renewed.provider.wsconnected).toBe(true)

    const byEditor = await fetch(`${url}/api/boards/${board.id}/links/viewer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${newToken}` },
    })
    expect(byEditor.status).toBe(403)
  })

  it('refuses a browser Origin that is not the server\u2019s own, and accepts its own', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const target = `${wsBase}/${board.id}?token=${board.tokens.editor}`
    expect(await upgradeStatus(target, { origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus(target, { origin: url })).toBeNull()
  })

  it('A8: slows an address that keeps guessing tokens with 4429 and 429, yet admits its valid links', async () => {
    const { wsBase, url } = await startTestServer(cleanup, { maxFailedTokensPerMinute: 3 })
    const board = await createBoard(url)
    for (let i = 0; i < 3; i++) {
      const guess = await openRawSocket(
        cleanup,
        `${wsBase}/${board.id}?token=${'B'.repeat(30)}${i}`,
      )
      expect(await closeCodeOf(guess)).toBe(CloseCode.unauthorized)
    }
    const blockedGuess = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${'B'.repeat(31)}`,
    )
    expect(await closeCodeOf(blockedGuess)).toBe(CloseCode.tooMany)
    const wrongHttp = await fetch(`${url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${'B'.repeat(31)}` },
    })
    expect(wrongHttp.status).toBe(429)
    // A colleague behind the same address with a valid link is not shut out (issue 18).
    const rightHttp = await fetch(`${url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${board.tokens.editor}` },
    })
    expect(rightHttp.status).toBe(200)
    const right = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    expect(right.closeCodes).toEqual([])
  })

  it('closes connections past the per-board limit with 4429 and keeps the others', async () => {
    const { wsBase, url } = await startTestServer(cleanup, { maxConnectionsPerBoard: 2 })
    const board = await createBoard(url)
    const first = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const third = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens.editor}`)
    expect(await closeCodeOf(third)).toBe(CloseCode.tooMany)
    first.map.set('still', 'works')
    expect(first.provider.wsconnected).toBe(true)
  })

  it('closes a connection that floods messages with 4429', async () => {
    const { wsBase, url } = await startTestServer(cleanup, { maxMessagesPerSecond: 20 })
    const board = await createBoard(url)
    const flood = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens.editor}`)
    const query = Uint8Array.of(MessageType.queryAwareness)
    for (let i = 0; i < 100; i++) flood.ws.send(query)
    expect(await closeCodeOf(flood)).toBe(CloseCode.tooMany)
  })

  it('S10: refuses updates once a board reaches its size limit, keeping what it holds', async () => {
    const { wsBase, url } = await startTestServer(cleanup, { maxBoardBytes: 20_000 })
    const board = await createBoard(url)
    const writer = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.editor}`,
    )
    await sendFrame(writer, updateFrame(mapUpdate('content', 'first', 'x'.repeat(5_000))))
    await sendFrame(writer, updateFrame(mapUpdate('content', 'second', 'y'.repeat(30_000))))
    expect(await closeCodeOf(writer)).toBe(CloseCode.boardTooLarge)
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(Object.keys(reader.map.toJSON())).toEqual(['first'])
  })
})
