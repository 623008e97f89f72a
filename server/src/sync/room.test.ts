import { CloseCode, MessageType, type Role } from '@stip/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeAwareness, encodeUpdate } from './messages'
import { Room, type RoomOptions } from './room'
import { manualScheduler } from './scheduler'
import type { Session } from './session'

/** A session that records what the room sends it. */
class RecordingSession implements Session {
  readonly sent: Uint8Array[] = []
  closedWith: number | null = null
  buffered = 0
  constructor(
    readonly id: string,
    readonly role: Role = 'editor',
  ) {}
  send(message: Uint8Array) {
    this.sent.push(message)
  }
  close(code: number) {
    this.closedWith = code
  }
  bufferedAmount() {
    return this.buffered
  }
  /** Applies every sync frame received so far to a fresh doc: what a client would see. */
  view(): Y.Doc {
    const doc = new Y.Doc()
    for (const frame of this.sent) {
      const decoder = decoding.createDecoder(frame)
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null)
    }
    return doc
  }
}

function makeRoom(overrides: Partial<RoomOptions> = {}) {
  const clock = manualScheduler()
  const stored: Uint8Array[] = []
  const room = new Room('board', new Y.Doc(), {
    maxBufferedBytes: 1024,
    scheduler: clock.scheduler,
    onUpdate: (update) => stored.push(update),
    ...overrides,
  })
  return { room, stored, advance: clock.advance }
}

function updateFrame(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  edit(doc)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

function frame(...varuints: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const value of varuints) encoding.writeVarUint(encoder, value)
  return encoding.toUint8Array(encoder)
}

describe('Room', () => {
  it('S1: starts the handshake with sync step 1 on join', () => {
    const { room } = makeRoom()
    const session = new RecordingSession('a')
    room.join(session)
    const decoder = decoding.createDecoder(session.sent[0]!)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync)
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1)
  })

  it('S1: sends a joiner the presence it knows, and answers its sync step 1 with only what it lacks', () => {
    const { room, advance } = makeRoom()
    const alice = new RecordingSession('alice')
    room.join(alice)
    const client = new awarenessProtocol.Awareness(new Y.Doc())
    client.setLocalState({ name: 'Alice' })
    room.receive(
      alice,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])),
    )
    const replica = new Y.Doc()
    replica.getMap('m').set('known', 1)
    room.receive(alice, encodeUpdate(Y.encodeStateAsUpdate(replica)))
    room.receive(
      alice,
      updateFrame((doc) => doc.getMap('m').set('missing', 2)),
    )
    advance(20)

    const bob = new RecordingSession('bob')
    room.join(bob)
    const [step1, presence] = bob.sent.map((sent) => decoding.createDecoder(sent))
    expect(decoding.readVarUint(step1!)).toBe(MessageType.sync)
    expect(decoding.readVarUint(step1!)).toBe(syncProtocol.messageYjsSyncStep1)
    expect(decoding.readVarUint(presence!)).toBe(MessageType.awareness)
    const seen = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(presence!), null)
    expect(seen.getStates().get(client.clientID)).toEqual({ name: 'Alice' })

    // Bob already holds what the replica holds: the answer carries only the rest.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeSyncStep1(encoder, replica)
    const before = bob.sent.length
    room.receive(bob, encoding.toUint8Array(encoder))
    expect(bob.sent.length).toBe(before + 1)
    const answer = decoding.createDecoder(bob.sent[before]!)
    expect(decoding.readVarUint(answer)).toBe(MessageType.sync)
    expect(decoding.readVarUint(answer)).toBe(syncProtocol.messageYjsSyncStep2)
    const lacking = new Y.Doc()
    Y.applyUpdate(lacking, decoding.readVarUint8Array(answer))
    expect(lacking.getMap('m').toJSON()).toEqual({ missing: 2 })
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(lacking))
    expect(replica.getMap('m').toJSON()).toEqual({ known: 1, missing: 2 })
    client.destroy()
    seen.destroy()
  })

  it('S3: relays an update to the other sessions, not back to its sender, and stores it', () => {
    const { room, stored, advance } = makeRoom()
    const alice = new RecordingSession('alice')
    const bob = new RecordingSession('bob')
    room.join(alice)
    room.join(bob)
    const sentToAliceBefore = alice.sent.length
    room.receive(
      alice,
      updateFrame((doc) => doc.getMap('m').set('k', 'v')),
    )
    advance(0)
    expect(bob.view().getMap('m').get('k')).toBe('v')
    expect(alice.sent.length).toBe(sentToAliceBefore)
    expect(stored).toHaveLength(1)
  })

  it('S9: merges the updates that arrive while a send is pending into one frame per session', () => {
    const { room, advance } = makeRoom()
    const writer = new RecordingSession('writer')
    const other = new RecordingSession('other')
    const reader = new RecordingSession('reader')
    for (const session of [writer, other, reader]) room.join(session)
    const before = reader.sent.length
    for (let i = 0; i < 10; i++) {
      room.receive(
        i % 2 === 0 ? writer : other,
        updateFrame((doc) => doc.getMap('m').set(`k${i}`, i)),
      )
    }
    expect(reader.sent.length).toBe(before)
    advance(0)
    expect(reader.sent.length).toBe(before + 1)
    expect(reader.view().getMap('m').size).toBe(10)
    // Each sender gets the others' updates, never its own back.
    expect(writer.view().getMap('m').size).toBe(5)
    expect(other.view().getMap('m').size).toBe(5)
  })

  it('S9: sends at once, with no tick to wait for, when the room is idle', () => {
    const { room, advance } = makeRoom()
    const writer = new RecordingSession('writer')
    const reader = new RecordingSession('reader')
    room.join(writer)
    for (let i = 0; i < 20; i++) room.join(new RecordingSession(`watcher-${i}`))
    room.join(reader)
    const before = reader.sent.length
    for (let i = 0; i < 3; i++) {
      room.receive(
        writer,
        updateFrame((doc) => doc.getMap('m').set(`k${i}`, i)),
      )
      // The clock does not move: each update goes out in the turn after it arrived.
      advance(0)
      expect(reader.sent.length).toBe(before + i + 1)
    }
  })

  it('S2: closes a session that sends an unknown message type with 1007 and keeps the others', () => {
    const { room, stored, advance } = makeRoom()
    const bad = new RecordingSession('bad')
    const good = new RecordingSession('good')
    room.join(bad)
    room.join(good)
    room.receive(bad, frame(9))
    expect(bad.closedWith).toBe(CloseCode.invalidData)
    room.receive(
      good,
      updateFrame((doc) => doc.getMap('m').set('still', 'here')),
    )
    advance(0)
    expect(room.doc.getMap('m').get('still')).toBe('here')
    expect(stored).toHaveLength(1)
    expect(room.sessionCount).toBe(1)
  })

  it('S2: refuses an update that fails to decode, storing nothing of it', () => {
    const { room, stored } = makeRoom()
    const bad = new RecordingSession('bad')
    room.join(bad)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate)
    encoding.writeVarUint8Array(encoder, new Uint8Array([1, 200, 3, 255, 255, 7, 9]))
    room.receive(bad, encoding.toUint8Array(encoder))
    expect(bad.closedWith).toBe(CloseCode.invalidData)
    expect(stored).toHaveLength(0)
  })

  it('S2: closes on a truncated varint and on trailing bytes', () => {
    const { room } = makeRoom()
    const truncated = new RecordingSession('truncated')
    const trailing = new RecordingSession('trailing')
    room.join(truncated)
    room.join(trailing)
    room.receive(truncated, new Uint8Array([0xff]))
    room.receive(trailing, frame(MessageType.queryAwareness, 1, 2))
    expect(truncated.closedWith).toBe(CloseCode.invalidData)
    expect(trailing.closedWith).toBe(CloseCode.invalidData)
  })

  it('S5: removes the presence of a session that leaves, for everyone', () => {
    const { room, advance } = makeRoom()
    const alice = new RecordingSession('alice')
    const bob = new RecordingSession('bob')
    room.join(alice)
    room.join(bob)
    const client = new awarenessProtocol.Awareness(new Y.Doc())
    client.setLocalState({ name: 'Alice' })
    room.receive(
      alice,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])),
    )
    advance(20)
    expect(room.awareness.getStates().get(client.clientID)).toEqual({ name: 'Alice' })
    room.leave(alice)
    expect(room.awareness.getStates().has(client.clientID)).toBe(false)
    client.destroy()
  })

  it('S5: ignores presence a session sends for a client id another session owns', () => {
    const { room } = makeRoom()
    const alice = new RecordingSession('alice')
    const mallory = new RecordingSession('mallory')
    room.join(alice)
    room.join(mallory)
    const client = new awarenessProtocol.Awareness(new Y.Doc())
    client.setLocalState({ name: 'Alice' })
    room.receive(
      alice,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])),
    )
    client.setLocalState({ name: 'Not Alice' })
    room.receive(
      mallory,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])),
    )
    expect(room.awareness.getStates().get(client.clientID)).toEqual({ name: 'Alice' })
    client.destroy()
  })

  it('S5: closes a session with an oversized awareness state with 1009', () => {
    const { room } = makeRoom({ maxAwarenessStateBytes: 100 })
    const session = new RecordingSession('big')
    room.join(session)
    const client = new awarenessProtocol.Awareness(new Y.Doc())
    client.setLocalState({ name: 'x'.repeat(200) })
    room.receive(
      session,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])),
    )
    expect(session.closedWith).toBe(CloseCode.messageTooBig)
    expect(room.awareness.getStates().has(client.clientID)).toBe(false)
    client.destroy()
  })

  it('S6: disconnects a slow consumer instead of queueing more for it', () => {
    const { room, advance } = makeRoom()
    const writer = new RecordingSession('writer')
    const slow = new RecordingSession('slow')
    room.join(writer)
    room.join(slow)
    slow.buffered = 4096
    room.receive(
      writer,
      updateFrame((doc) => doc.getMap('m').set('k', 'v')),
    )
    advance(0)
    expect(slow.closedWith).toBe(CloseCode.slowConsumer)
    expect(room.sessionCount).toBe(1)
  })

  it('S2: refuses updates the role check rejects with 4403 and applies nothing', () => {
    const { room, stored } = makeRoom({
      authorize: (session) => (session.role === 'viewer' ? 'read only' : null),
    })
    const viewer = new RecordingSession('viewer', 'viewer')
    room.join(viewer)
    room.receive(
      viewer,
      updateFrame((doc) => doc.getMap('m').set('k', 'v')),
    )
    expect(viewer.closedWith).toBe(CloseCode.forbidden)
    expect(room.doc.getMap('m').size).toBe(0)
    expect(stored).toHaveLength(0)
  })

  it('S10: refuses updates past the board size limit with 4413 and keeps what is there', () => {
    const { room } = makeRoom({ maxBoardBytes: 2000 })
    const writer = new RecordingSession('writer')
    room.join(writer)
    room.receive(
      writer,
      updateFrame((doc) => doc.getMap('m').set('small', 'x'.repeat(500))),
    )
    expect(writer.closedWith).toBeNull()
    room.receive(
      writer,
      updateFrame((doc) => doc.getMap('m').set('big', 'x'.repeat(3000))),
    )
    expect(writer.closedWith).toBe(CloseCode.boardTooLarge)
    expect(room.doc.getMap('m').has('small')).toBe(true)
    expect(room.doc.getMap('m').has('big')).toBe(false)
  })
})
