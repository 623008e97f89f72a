import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'

/** Addresses resolved from X-Forwarded-For, per request, when proxies are trusted. */
const forwardedAddresses = new WeakMap<Request, string>()

/**
 * The address a request came from: the peer of the socket, or, behind trusted reverse
 * proxies (`TRUSTED_PROXIES`), the address the outermost trusted proxy saw. Per-address
 * limits (failed tokens, new boards) count by it.
 */
export function clientAddress(c: Context): string {
  return forwardedAddresses.get(c.req.raw) ?? socketAddress(c)
}

/** Resolves every request's client address once, before any route reads it. */
export function resolveClientAddress(trustedProxies: number): MiddlewareHandler {
  return async (c, next) => {
    if (trustedProxies > 0) {
      const address = addressBehindProxies(
        socketAddress(c),
        c.req.header('x-forwarded-for'),
        trustedProxies,
      )
      forwardedAddresses.set(c.req.raw, address)
    }
    await next()
  }
}

/**
 * Each proxy appends the address it received the request from to X-Forwarded-For, and the
 * last proxy is the socket's peer. Counting `trustedProxies` hops back from the socket gives
 * the client; entries further left were written by the client itself and prove nothing.
 */
export function addressBehindProxies(
  peer: string,
  forwardedFor: string | undefined,
  trustedProxies: number,
): string {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  chain.push(peer)
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer
}

function socketAddress(c: Context): string {
  return (c.env as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress ?? 'unknown'
}
