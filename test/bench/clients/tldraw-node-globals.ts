import { setMaxListeners } from 'node:events'
import { WebSocket } from 'ws'

const FRAME_MS = 1000 / 60

/**
 * tldraw's sync client is written for a browser tab: its socket adapter listens to `window`
 * and `document` for reconnect hints and opens a global `WebSocket`; its send and apply
 * throttles, and the store's listener batches, wait for `requestAnimationFrame`. Node has none
 * of these, so this installs the least that stands in for them, once per thread. Frames
 * follow a 60 Hz clock (the next 16.7 ms boundary, as vsync does), not a fixed 16 ms delay.
 */
export function installTldrawNodeGlobals(): void {
  const g = globalThis as Record<string, unknown>
  if (g.__benchTldrawGlobals) return
  g.__benchTldrawGlobals = true
  g.WebSocket ??= WebSocket
  // `devicePixelRatio` is read when the store creates its instance record.
  const window = Object.assign(new EventTarget(), { devicePixelRatio: 1 })
  const document = Object.assign(new EventTarget(), { hidden: false })
  // Every simulated client listens to both for reconnect hints; a hundred are expected.
  setMaxListeners(0, window, document)
  g.window ??= window
  g.document ??= document
  g.navigator ??= {}
  if (typeof g.requestAnimationFrame !== 'function') {
    g.requestAnimationFrame = (callback: (time: number) => void) => {
      const now = performance.now()
      const wait = FRAME_MS - (now % FRAME_MS)
      return setTimeout(() => callback(performance.now()), wait)
    }
    g.cancelAnimationFrame = (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle)
  }
}
