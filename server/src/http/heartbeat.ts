import type { WebSocket } from 'ws'

/**
 * Pings every socket it watches each interval and cuts the ones that did not answer the
 * previous ping: a peer that vanished without a close (a laptop lid shut, a dropped network)
 * is noticed within two intervals instead of holding its room and presence for good.
 */
export function startHeartbeat(intervalMs: number, onDead: () => void) {
  const alive = new Map<WebSocket, boolean>()
  const timer = setInterval(() => {
    for (const [socket, answered] of alive) {
      if (!answered) {
        onDead()
        socket.terminate()
        continue
      }
      alive.set(socket, false)
      socket.ping()
    }
  }, intervalMs)
  timer.unref()
  return {
    watch(socket: WebSocket): void {
      alive.set(socket, true)
      socket.on('pong', () => alive.set(socket, true))
    },
    forget(socket: WebSocket): void {
      alive.delete(socket)
    },
    stop(): void {
      clearInterval(timer)
    },
  }
}
