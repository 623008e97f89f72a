/** Messages between the benchmark's main thread and its client worker threads. */
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
      /** Edits sent inside the measurement window, per room. */
      sentByRoom: Record<string, number>
      received: number
      receivedInWindow: number
      disconnects: number
    }
  | { type: 'closed' }
  | { type: 'error'; message: string }
