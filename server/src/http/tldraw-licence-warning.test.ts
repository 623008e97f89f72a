import { Hono } from 'hono'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import {
  isTldrawProductionOrigin,
  warnAboutTldrawLicenceAtStart,
  warnAboutTldrawLicenceOnce,
} from './tldraw-licence-warning'

function capturedLogger() {
  const lines: { msg: string; level: number }[] = []
  const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) })
  return { logger, lines }
}

describe("tldraw's production origins", () => {
  it('are HTTPS on a host that is not loopback', () => {
    expect(isTldrawProductionOrigin('https://stip.gemeente.nl')).toBe(true)
    expect(isTldrawProductionOrigin('https://192.168.1.20:8443')).toBe(true)
    expect(isTldrawProductionOrigin('http://stip.gemeente.nl')).toBe(false)
    expect(isTldrawProductionOrigin('http://192.168.1.20:8787')).toBe(false)
    expect(isTldrawProductionOrigin('https://localhost:8787')).toBe(false)
    expect(isTldrawProductionOrigin('https://127.0.0.1')).toBe(false)
    expect(isTldrawProductionOrigin('https://[::1]:8787')).toBe(false)
    // tldraw's production build treats *.localhost as production, whatever the scheme.
    expect(isTldrawProductionOrigin('http://stip.localhost')).toBe(true)
  })
})

describe('the licence warning at start', () => {
  it('warns when PUBLIC_URL is a production origin and no key is set', () => {
    const { logger, lines } = capturedLogger()
    expect(
      warnAboutTldrawLicenceAtStart(
        { publicUrl: 'https://stip.gemeente.nl', tldrawLicenseKey: undefined },
        logger,
      ),
    ).toBe(true)
    expect(lines).toHaveLength(1)
    expect(lines[0]?.msg).toContain('TLDRAW_LICENSE_KEY')
  })

  it('says nothing with a key, without PUBLIC_URL, or on a development origin', () => {
    const { logger, lines } = capturedLogger()
    const https = 'https://stip.gemeente.nl'
    warnAboutTldrawLicenceAtStart({ publicUrl: https, tldrawLicenseKey: 'key' }, logger)
    warnAboutTldrawLicenceAtStart({ publicUrl: undefined, tldrawLicenseKey: undefined }, logger)
    warnAboutTldrawLicenceAtStart(
      { publicUrl: 'http://192.168.1.20:8787', tldrawLicenseKey: undefined },
      logger,
    )
    expect(lines).toEqual([])
  })
})

describe('the licence warning on the first production request', () => {
  function appWith(trustedProxies: number) {
    const { logger, lines } = capturedLogger()
    const app = new Hono()
    app.use('*', warnAboutTldrawLicenceOnce({ trustedProxies }, logger))
    app.get('*', (c) => c.text('ok'))
    return { app, lines }
  }
  const viaTls = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'stip.gemeente.nl' }

  it('warns once when a trusted TLS proxy forwards a request for a public name', async () => {
    const { app, lines } = appWith(1)
    await app.request('http://10.0.0.5:8787/', { headers: { host: '10.0.0.5:8787' } })
    expect(lines).toEqual([])
    for (let i = 0; i < 3; i++) {
      const response = await app.request('http://10.0.0.5:8787/b/x', { headers: viaTls })
      expect(response.status).toBe(200)
    }
    expect(lines).toHaveLength(1)
    expect(lines[0]?.msg).toContain('Production Environment')
  })

  it('ignores forwarded headers from proxies it does not trust', async () => {
    const { app, lines } = appWith(0)
    await app.request('http://10.0.0.5:8787/', { headers: viaTls })
    expect(lines).toEqual([])
  })
})
