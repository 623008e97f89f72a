/** Messages between the benchmark's main thread and its client worker threads. */
import type { ClientProtocol } from './clients/board-connection'

/** One simulated client: its room, its map key, and optionally which server instance it joins. */
export interface BenchClientSpec {
  room: string
  key: string
  params: Record<string, string>
  /** Overrides the request's wsBase (several server instances). */
  wsBase?: string
  /** Index of the server instance the client joins; edits carry it so receivers can tell
   * same-instance from cross-instance deliveries. */
  instance?: number
}

export type WorkerRequest =
  | {
      type: 'connect'
      protocol: ClientProtocol
      wsBase: string
      clients: BenchClientSpec[]
    }
  | {
      type: 'run'
      editsPerSecond: number
      payloadBytes: number
      /** Wall-clock epoch milliseconds (performance.timeOrigin + performance.now()). */
      editStart: number
      editEnd: number
      measureStart: number
      measureEnd: number
    }
  | { type: 'digest' }
  | { type: 'collect' }
  | { type: 'close' }

export type WorkerResult =
  | { type: 'connected'; ms: number }
  | { type: 'ran' }
  | {
      type: 'result'
      histogram: Uint32Array
      /** Latencies of deliveries whose sender joined another server instance than the receiver. */
      crossHistogram: Uint32Array
      /** How late edit timers fired (generator saturation). */
      lag: Uint32Array
      /** tldraw only: latencies until the edit reached the receiving socket (before its throttle). */
      wireHistogram: Uint32Array
      /** Per room, each client's digest of every participant's last sequence number. */
      digestsByRoom: Record<string, string[]>
      /** Per room, how many participant records each client holds. */
      recordCountsByRoom: Record<string, number[]>
      /** Edits sent inside the measurement window, per room. */
      sentByRoom: Record<string, number>
      received: number
      receivedInWindow: number
      disconnects: number
    }
  | { type: 'closed' }
  | { type: 'digests'; digestsByRoom: Record<string, string[]> }
  | { type: 'error'; message: string }
