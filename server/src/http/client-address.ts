import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/** The peer address of a request (the reverse proxy's, when there is one). */
export function clientAddress(c: Context): string {
  return (c.env as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress ?? 'unknown'
}
