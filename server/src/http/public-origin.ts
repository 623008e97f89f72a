import type { Context } from 'hono'
import type { Config } from '../config'

/**
 * The origin people reach Stip at, for the links it hands out (share and signing links):
 * PUBLIC_URL when set; otherwise, behind trusted reverse proxies (`TRUSTED_PROXIES`), the
 * scheme and host the outermost trusted proxy received (X-Forwarded-Proto, X-Forwarded-Host),
 * so a TLS proxy yields https:// links; otherwise the request's own origin.
 */
export function publicOrigin(
  c: Context,
  config: Pick<Config, 'publicUrl' | 'trustedProxies'>,
): string {
  if (config.publicUrl) return config.publicUrl
  return originBehindProxies(
    new URL(c.req.url).origin,
    { proto: c.req.header('x-forwarded-proto'), host: c.req.header('x-forwarded-host') },
    config.trustedProxies,
  )
}

/**
 * Without trusted proxies the headers are ignored: anyone can send them. A proxy that appends
 * to a header (rather than replacing it) leaves one entry per hop; counting `trustedProxies`
 * entries from the right gives the outermost trusted proxy's, as for X-Forwarded-For, and
 * entries further left, written by the client, are never read. A value that is not a plain
 * scheme or host is ignored, and the request's own part stands.
 */
export function originBehindProxies(
  requestOrigin: string,
  forwarded: { proto?: string | undefined; host?: string | undefined },
  trustedProxies: number,
): string {
  const own = new URL(requestOrigin)
  if (trustedProxies <= 0) return own.origin
  const proto = hopValue(forwarded.proto, trustedProxies)?.toLowerCase()
  const scheme = proto === 'http' || proto === 'https' ? proto : own.protocol.slice(0, -1)
  const host = plainHost(hopValue(forwarded.host, trustedProxies), scheme) ?? own.host
  return new URL(`${scheme}://${host}`).origin
}

function hopValue(header: string | undefined, trustedProxies: number): string | undefined {
  const entries = (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries[Math.max(0, entries.length - trustedProxies)]
}

/** `host` or `host:port` and nothing else (no credentials, path, query or fragment). */
function plainHost(value: string | undefined, scheme: string): string | undefined {
  if (value === undefined || /[/?#@\\\s]/.test(value)) return undefined
  try {
    const url = new URL(`${scheme}://${value}`)
    return url.host === '' ? undefined : url.host
  } catch {
    return undefined
  }
}
