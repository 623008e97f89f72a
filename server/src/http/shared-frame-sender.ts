import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/** Payloads up to this size are framed into one buffer; larger ones go through ws as they are. */
const MAX_SHARED_FRAME_BYTES = 64 * 1024

/**
 * Sends binary messages, framing a message once for every socket it goes to. A room hands the
 * same Uint8Array to each session of a broadcast (sync/room.ts); ws would build a header per
 * socket and write header and payload as two buffers. Here the first send builds the whole
 * websocket frame (server frames are unmasked, so it is the same bytes for everyone) and every
 * socket gets it in one write: one per session per flush, as writes in the same run of
 * JavaScript are corked together.
 *
 * The frame is written to ws's own net.Socket, which is safe while ws queues nothing of its
 * own: no extension (permessage-deflate) is negotiated and only buffers are sent. Anything else
 * goes through `socket.send`. ws's bufferedAmount counts these bytes like its own.
 */
export function createSharedFrameSender(): (socket: WebSocket, payload: Uint8Array) => void {
  let lastPayload: Uint8Array | null = null
  let lastFrame: Buffer | null = null
  // Sockets written to in this run of JavaScript stay corked until it ends, so everything a
  // room's flush sends one session (a merged update, presence) leaves in one write.
  const corked = new Set<Socket>()
  const uncorkAll = () => {
    for (const raw of corked) raw.uncork()
    corked.clear()
  }
  return (socket, payload) => {
    const raw = (socket as unknown as { _socket?: Socket })._socket
    if (
      socket.readyState !== socket.OPEN ||
      socket.extensions !== '' ||
      !raw ||
      payload.length > MAX_SHARED_FRAME_BYTES
    ) {
      socket.send(payload)
      return
    }
    if (payload !== lastPayload || !lastFrame) {
      lastFrame = binaryFrame(payload)
      lastPayload = payload
    }
    if (!corked.has(raw)) {
      if (corked.size === 0) process.nextTick(uncorkAll)
      raw.cork()
      corked.add(raw)
    }
    raw.write(lastFrame)
  }
}

/** One unmasked, final binary websocket frame (RFC 6455 5.2) holding `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length
  const headerBytes = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = 0x82 // FIN + opcode 2 (binary)
  if (length < 126) {
    frame[1] = length
  } else if (length < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerBytes)
  return frame
}
