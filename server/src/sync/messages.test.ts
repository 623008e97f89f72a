import { MessageType } from '@stip/protocol'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import { encodeSyncStep1For, encodeSyncStep2, encodeUpdate } from './messages'

/** The frame as lib0's encoder lays it out, the way y-protocols writes its messages. */
function reference(syncMessageType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncMessageType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

describe('sync frames', () => {
  // Lengths around the varuint's byte boundaries, and a board-sized payload.
  const lengths = [0, 1, 127, 128, 16_383, 16_384, 1_350_000]

  it.each(lengths)(
    'lays out a payload of %i bytes exactly as lib0 and y-protocols do',
    (length) => {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 31) & 255)
      expect(encodeSyncStep1For(payload)).toEqual(
        reference(syncProtocol.messageYjsSyncStep1, payload),
      )
      expect(encodeSyncStep2(payload)).toEqual(reference(syncProtocol.messageYjsSyncStep2, payload))
      const update = encoding.createEncoder()
      encoding.writeVarUint(update, MessageType.sync)
      syncProtocol.writeUpdate(update, payload)
      expect(encodeUpdate(payload)).toEqual(encoding.toUint8Array(update))
    },
  )
})
