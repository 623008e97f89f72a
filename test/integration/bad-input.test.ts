import { CloseCode } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import {
  type BoardClient,
  connectClient,
  MAP_NAME,
  readBoard,
  sorted,
  waitForEqual,
} from './helpers/clients'
import { getHealth } from './helpers/http'
import {
  closeCodeOf,
  mapUpdate,
  openRawSocket,
  seededBytes,
  sendFrame,
  updateFrame,
} from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const MAX_FRAME_BYTES = 64 * 1024

/** A valid update whose last bytes are cut off, so its Yjs payload cannot be decoded. */
function truncatedUpdate(): Uint8Array {
  const whole = mapUpdate(MAP_NAME, 'evil', 'e'.repeat(200))
  return whole.slice(0, whole.length - 60)
}

interface BadFrameCase {
  name: string
  frame: () => Uint8Array | string
  code: number
}

const badFrames: BadFrameCase[] = [
  { name: 'random bytes', frame: () => seededBytes(1024, 2040), code: CloseCode.invalidData },
  { name: 'a truncated varint', frame: () => new Uint8Array([0xff]), code: CloseCode.invalidData },
  {
    name: 'an unknown message type',
    frame: () => new Uint8Array([9, ...updateFrame(mapUpdate(MAP_NAME, 'evil', 'type 9'))]),
    code: CloseCode.invalidData,
  },
  {
    name: 'a frame over the size limit',
    frame: () => updateFrame(mapUpdate(MAP_NAME, 'evil', 'h'.repeat(100 * 1024))),
    code: CloseCode.messageTooBig,
  },
  {
    name: 'a sync update whose Yjs payload fails to decode',
    frame: () => updateFrame(truncatedUpdate()),
    code: CloseCode.invalidData,
  },
  {
    name: 'a text frame',
    frame: () => JSON.stringify({ evil: 'text' }),
    code: CloseCode.invalidData,
  },
]

describe('S2: bad input on the sync socket', () => {
  const cleanup = useCleanup()

  /** A board with a writer and an observer, another active room, and a server that limits frames. */
  async function busyServer() {
    const server = await startTestServer(cleanup, { maxFrameBytes: MAX_FRAME_BYTES })
    const target = await createBoard(server.url, { title: 'target' })
    const other = await createBoard(server.url, { title: 'other' })
    const connect = (board: typeof target) =>
      connectClient(cleanup, server.wsBase, board.id, { token: board.tokens.editor })
    const writer = await connect(target)
    const observer = await connect(target)
    const otherA = await connect(other)
    const otherB = await connect(other)
    writer.map.set('before', 'written before the bad frame')
    otherA.map.set('other-before', 1)
    await waitForEqual(writer, observer)
    await waitForEqual(otherA, otherB)
    /** Where a raw socket of an editor of the target board connects. */
    const targetUrl = `${server.wsBase}/${target.id}?token=${target.tokens.editor}`
    return { server, target, targetUrl, writer, observer, otherA, otherB }
  }

  /** Everything still works, and after a restart the board holds exactly what the writer wrote. */
  async function expectHealthyAndUntouched(setup: Awaited<ReturnType<typeof busyServer>>) {
    const { server, target, writer, observer, otherA, otherB } = setup
    writer.map.set('after', 'written after the bad frame')
    otherB.map.set('other-after', 2)
    await waitForEqual(writer, observer)
    await waitForEqual(otherA, otherB)
    expect(observer.map.get('after')).toBe('written after the bad frame')
    expect(otherA.map.get('other-after')).toBe(2)

    const health = await getHealth(server.url)
    expect(health.status).toBe(200)
    expect(health.body.ok).toBe(true)

    const written = sorted(writer.map.toJSON())
    for (const client of [writer, observer, otherA, otherB] as BoardClient[]) client.destroy()
    await server.restart()
    expect(
      sorted(await readBoard(cleanup, server.wsBase, target.id, target.tokens.editor)),
    ).toEqual(written)
    expect(written).toEqual({
      after: 'written after the bad frame',
      before: 'written before the bad frame',
    })
  }

  it('stores and relays a well-formed update sent over a raw socket (the control for the cases below)', async () => {
    const setup = await busyServer()
    const raw = await openRawSocket(cleanup, setup.targetUrl)
    await sendFrame(raw, updateFrame(mapUpdate(MAP_NAME, 'raw', 'accepted')))
    await waitFor(() => setup.observer.map.get('raw') === 'accepted', {
      what: 'the raw update to be relayed',
    })
    raw.ws.close()
    await setup.server.restart()
    expect(
      await readBoard(cleanup, setup.server.wsBase, setup.target.id, setup.target.tokens.editor),
    ).toMatchObject({
      raw: 'accepted',
    })
  })

  it('uses a Yjs payload that Yjs itself cannot decode (the precondition of the 1007 case)', () => {
    expect(() => Y.decodeUpdate(truncatedUpdate())).toThrow()
  })

  it.each(badFrames)(
    'closes a connection that sends $name with $code, stores nothing of it and keeps serving everyone else',
    async ({ frame, code }) => {
      const setup = await busyServer()
      const raw = await openRawSocket(cleanup, setup.targetUrl)
      await sendFrame(raw, frame()).catch(() => {
        // The server may close before ws finished writing a large frame; the close code decides.
      })
      expect(await closeCodeOf(raw)).toBe(code)
      await expectHealthyAndUntouched(setup)
    },
  )
})
