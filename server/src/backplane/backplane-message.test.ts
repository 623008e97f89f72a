import { describe, expect, it } from 'vitest'
import {
  BackplaneKind,
  decodeBackplaneMessage,
  encodeBackplaneMessage,
  newInstanceId,
} from './backplane-message'

describe('backplane frames', () => {
  it('carry kind, sender and payload through a round trip', () => {
    const sender = newInstanceId()
    const frame = encodeBackplaneMessage(BackplaneKind.update, sender, Uint8Array.of(1, 2, 3))
    const message = decodeBackplaneMessage(frame)
    expect(message?.kind).toBe(BackplaneKind.update)
    expect(message?.sender.equals(sender)).toBe(true)
    expect([...(message?.payload ?? [])]).toEqual([1, 2, 3])
  })

  it('reads a frame too short for its header as nothing', () => {
    expect(decodeBackplaneMessage(Buffer.from([BackplaneKind.update, 1, 2]))).toBeNull()
  })
})
