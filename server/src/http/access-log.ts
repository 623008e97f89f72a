import type { ServerResponse } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../logger'
import { clientAddress } from './client-address'

/**
 * One access-log line per HTTP request (module "access"): method, path, status, duration,
 * bytes sent and the client's address. The path is written without its query string, which
 * may carry a download link's token; a link's fragment never reaches the server at all.
 * Websocket sessions get their own line when they end (websocket-adapter.ts).
 */
export function accessLog(logger: Logger): MiddlewareHandler {
  const log = logger.child({ module: 'access' })
  return async (c, next) => {
    const started = performance.now()
    await next()
    // An accepted websocket gets its line when the session ends; one refused before the
    // upgrade (bad origin, bad board id) is an ordinary refused request.
    if (c.req.path.startsWith('/ws/') && c.res.status < 400) return
    const line = () => ({
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      address: clientAddress(c),
    })
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing
    if (!outgoing) {
      log.info({ ...line(), bytes: Number(c.res.headers.get('content-length') ?? 0) }, 'request')
      return
    }
    // Counted as the body is written (streamed bodies have no Content-Length), and logged once
    // the response left, so duration and size include the body.
    let bytes = 0
    const count = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === 'string') {
        bytes += Buffer.byteLength(
          chunk,
          typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
        )
      } else if (chunk instanceof Uint8Array) bytes += chunk.byteLength
    }
    const write = outgoing.write.bind(outgoing)
    const end = outgoing.end.bind(outgoing)
    outgoing.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk, rest[0])
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof outgoing.write
    outgoing.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') count(chunk, rest[0])
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest)
    }) as typeof outgoing.end
    outgoing.once('close', () => log.info({ ...line(), bytes }, 'request'))
  }
}
