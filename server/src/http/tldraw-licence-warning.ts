import type { MiddlewareHandler } from 'hono'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { originBehindProxies } from './public-origin'

/** tldraw's page on licence keys: trial, commercial and hobby licences. */
const LICENCE_OPTIONS = 'https://tldraw.dev/sdk-features/license-key'

const WARNING =
  'tldraw (the canvas) needs a licence key on this origin: without TLDRAW_LICENSE_KEY it ' +
  'removes the canvas a few seconds after a board opens over HTTPS on a non-local host, and ' +
  "tldraw's licence counts any deployment serving end users as a Production Environment. " +
  `Set TLDRAW_LICENSE_KEY (trial, commercial or hobby keys: ${LICENCE_OPTIONS}).`

/**
 * Whether tldraw's LicenseManager (production build) treats a page on `origin` as production:
 * HTTPS on a host that is not loopback. Plain HTTP, and HTTPS on localhost, 127.x or ::1, count
 * as development; a `*.localhost` name counts as production in a production build.
 */
export function isTldrawProductionOrigin(origin: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host.endsWith('.localhost')) return true
  if (url.protocol !== 'https:') return false
  return !(host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host))
}

/**
 * Warns at start when PUBLIC_URL is a production origin for tldraw and no key is set; true when
 * it warned (the first-request check is then not needed).
 */
export function warnAboutTldrawLicenceAtStart(
  config: Pick<Config, 'publicUrl' | 'tldrawLicenseKey'>,
  logger: Logger,
): boolean {
  if (config.tldrawLicenseKey || !config.publicUrl) return false
  if (!isTldrawProductionOrigin(config.publicUrl)) return false
  logger.warn({ publicUrl: config.publicUrl, licence: 'tldraw' }, WARNING)
  return true
}

/**
 * Warns once, on the first request reaching Stip at a production origin for tldraw (through a
 * TLS proxy Stip trusts, `TRUSTED_PROXIES`), when no key is set. Every later request passes
 * through untouched.
 */
export function warnAboutTldrawLicenceOnce(
  config: Pick<Config, 'trustedProxies'>,
  logger: Logger,
): MiddlewareHandler {
  let warned = false
  return async (c, next) => {
    if (!warned) {
      const origin = originBehindProxies(
        new URL(c.req.url).origin,
        { proto: c.req.header('x-forwarded-proto'), host: c.req.header('x-forwarded-host') },
        config.trustedProxies,
      )
      if (isTldrawProductionOrigin(origin)) {
        warned = true
        logger.warn({ origin, licence: 'tldraw' }, WARNING)
      }
    }
    await next()
  }
}
