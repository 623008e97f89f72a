import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/**
 * An update a session sent, decoded once (SPEC.md, S2): the room judges its structs and delete
 * set before applying it, and applying it reuses that decoding instead of parsing the bytes a
 * second time.
 *
 * How: Yjs reads an update through a decoder object whose methods return one value each
 * (`readInfo`, `readString`, `readAny`, …) and reads the counts in between straight from its
 * byte cursor. Decoding for the guard goes through a decoder that records each value with the
 * cursor position after it; applying goes through one that plays the record back, moving the
 * cursor as the real one did. Both walks are Yjs's own and read in the same order (structs,
 * then the delete set), so the strings, numbers and objects reach the doc already parsed.
 */
export interface IncomingUpdate {
  /** The update as Yjs decodes it: what the role check judges (auth/update-effects.ts). */
  readonly decoded: DecodedUpdate
  /** Applies the update to `doc`, as `Y.applyUpdate(doc, bytes, origin)` would. */
  applyTo(doc: Y.Doc, origin: unknown): void
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Decodes an update; throws on malformed bytes, before anything is applied. */
export function decodeIncomingUpdate(bytes: Uint8Array): IncomingUpdate {
  const tape: Tape = { values: [], positions: [] }
  recording = tape
  let decoded: DecodedUpdate
  try {
    decoded = Y.decodeUpdateV2(bytes, RecordingDecoder as unknown as typeof Y.UpdateDecoderV1)
  } finally {
    recording = null
  }
  return {
    decoded,
    applyTo(doc, origin) {
      const replay = new ReplayDecoder(bytes, tape)
      Y.readUpdateV2(replay.restDecoder, doc, origin, replay as unknown as Y.UpdateDecoderV1)
      if (replay.unread() !== 0) {
        // Unreachable while Yjs reads an update the same way twice; loud if an upgrade changes it.
        throw new Error(`update replay left ${replay.unread()} values unread`)
      }
    },
  }
}

interface Tape {
  values: unknown[]
  /** The cursor position after each value was read. */
  positions: number[]
}

/**
 * The tape the RecordingDecoder being constructed writes to: Y.decodeUpdateV2 takes a decoder
 * class, not an instance, so the tape is handed over here for the one synchronous call.
 */
let recording: Tape | null = null

class RecordingDecoder extends Y.UpdateDecoderV1 {
  private readonly tape: Tape

  constructor(decoder: decoding.Decoder) {
    super(decoder)
    if (!recording) throw new Error('RecordingDecoder used outside decodeIncomingUpdate')
    this.tape = recording
  }

  private keep<T>(value: T): T {
    this.tape.values.push(value)
    this.tape.positions.push(this.restDecoder.pos)
    return value
  }

  override readDsClock() {
    return this.keep(super.readDsClock())
  }
  override readDsLen() {
    return this.keep(super.readDsLen())
  }
  override readLeftID() {
    return this.keep(super.readLeftID())
  }
  override readRightID() {
    return this.keep(super.readRightID())
  }
  override readClient() {
    return this.keep(super.readClient())
  }
  override readInfo() {
    return this.keep(super.readInfo())
  }
  override readString() {
    return this.keep(super.readString())
  }
  override readParentInfo() {
    return this.keep(super.readParentInfo())
  }
  override readTypeRef() {
    return this.keep(super.readTypeRef())
  }
  override readLen() {
    return this.keep(super.readLen())
  }
  override readAny() {
    return this.keep(super.readAny())
  }
  override readBuf() {
    return this.keep(super.readBuf())
  }
  override readJSON() {
    return this.keep(super.readJSON())
  }
  override readKey() {
    return this.keep(super.readKey())
  }
}

/** Plays a recorded tape back in place of UpdateDecoderV1, keeping its byte cursor in step. */
class ReplayDecoder {
  readonly restDecoder: decoding.Decoder
  private index = 0

  constructor(
    bytes: Uint8Array,
    private readonly tape: Tape,
  ) {
    this.restDecoder = decoding.createDecoder(bytes)
  }

  unread(): number {
    return this.tape.values.length - this.index
  }

  private next(): never {
    const index = this.index++
    if (index >= this.tape.values.length) throw new Error('update replay ran past its record')
    this.restDecoder.pos = this.tape.positions[index]!
    return this.tape.values[index] as never
  }

  resetDsCurVal(): void {}
  readDsClock = this.next
  readDsLen = this.next
  readLeftID = this.next
  readRightID = this.next
  readClient = this.next
  readInfo = this.next
  readString = this.next
  readParentInfo = this.next
  readTypeRef = this.next
  readLen = this.next
  readAny = this.next
  readBuf = this.next
  readJSON = this.next
  readKey = this.next
}
