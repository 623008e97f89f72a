import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BACKPLANE_ORIGIN,
  connectionOrigin,
  originOf,
  RESTORE_ORIGIN,
  routeOf,
  SERVER_ORIGIN,
  type UpdateOrigin,
} from './origins'
import { Room } from './room'
import type { Session } from './session'

const session: Session = {
  id: 's',
  role: 'editor',
  send() {},
  close() {},
  bufferedAmount: () => 0,
}

describe('origins (sync SPEC S4)', () => {
  it('S4: stores and publishes what a connection, the server or a restore changed, not what was relayed', () => {
    expect(routeOf(connectionOrigin(session))).toEqual({ store: true, publish: true })
    expect(routeOf(SERVER_ORIGIN)).toEqual({ store: true, publish: true })
    expect(routeOf(RESTORE_ORIGIN)).toEqual({ store: true, publish: true })
    expect(routeOf(BACKPLANE_ORIGIN)).toEqual({ store: false, publish: false })
  })

  it('S4: a relayed update reaches every local session, and the hook sees it as relayed', () => {
    const seen: Array<UpdateOrigin | null> = []
    const frames: Uint8Array[] = []
    const room = new Room('board', new Y.Doc(), {
      maxBufferedBytes: 1024,
      onUpdate: (_update, origin) => seen.push(origin),
    })
    room.join({ ...session, send: (frame) => frames.push(frame) })
    const framesAfterJoin = frames.length
    const peer = new Y.Doc()
    peer.getMap('m').set('k', 1)
    room.applyRelayedUpdate(Y.encodeStateAsUpdate(peer))
    room.flush()
    expect(seen.map((origin) => origin?.kind)).toEqual(['backplane'])
    expect(frames.length).toBe(framesAfterJoin + 1)
  })

  it('reads anything that is not one of ours as no origin', () => {
    expect(originOf(undefined)).toBeNull()
    expect(originOf('server')).toBeNull()
    expect(originOf({ kind: 'elsewhere' })).toBeNull()
    expect(originOf(SERVER_ORIGIN)).toBe(SERVER_ORIGIN)
  })
})
