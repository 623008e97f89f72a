import { Worker } from 'node:worker_threads'
import type { WorkerRequest, WorkerResult } from './worker-messages'

/** A set of client worker threads, each answering one request at a time. */
export interface WorkerPool {
  size: number
  /** Sends a request to worker `index` and resolves with its answer. */
  ask(index: number, request: WorkerRequest, timeoutMs?: number): Promise<WorkerResult>
  /** Sends the same request to every worker. */
  askAll(requests: WorkerRequest | WorkerRequest[], timeoutMs?: number): Promise<WorkerResult[]>
  terminate(): Promise<void>
}

const DEFAULT_TIMEOUT_MS = 120_000

export function createWorkerPool(size: number): WorkerPool {
  // The worker is TypeScript; its .mjs entry registers tsx inside the thread first.
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('./client-worker-entry.mjs', import.meta.url)),
  )
  const ask = (index: number, request: WorkerRequest, timeoutMs = DEFAULT_TIMEOUT_MS) => {
    const worker = workers[index]
    if (worker === undefined) throw new Error(`no worker ${index}`)
    return new Promise<WorkerResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`worker ${index} did not answer '${request.type}' in ${timeoutMs} ms`))
      }, timeoutMs)
      const onMessage = (result: WorkerResult) => {
        cleanup()
        if (result.type === 'error') reject(new Error(`worker ${index}: ${result.message}`))
        else resolve(result)
      }
      const onError = (error: Error) => {
        cleanup()
        reject(error)
      }
      const cleanup = () => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
      }
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.postMessage(request)
    })
  }
  return {
    size,
    ask,
    askAll: (requests, timeoutMs) =>
      Promise.all(
        workers.map((_, i) =>
          ask(i, Array.isArray(requests) ? (requests[i] as WorkerRequest) : requests, timeoutMs),
        ),
      ),
    terminate: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
