/** Messages between the benchmark's main thread and its client worker threads. */
export type WorkerRequest =
  | {
      type: 'connect'
      wsBase: string
      clients: { room: string; key: string; params: Record<string, string> }[]
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
