import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createLocalBackplane } from '../backplane/backplane'
import { configWith } from '../config'
import { createLogger } from '../logger'
import { createMetrics } from '../metrics'
import { openSqliteBoardStore } from '../store/sqlite-board-store'
import { RoomRegistry } from '../sync/room-registry'
import { jsonErrors } from './http-error'
import { mountOperatorRoutes } from './operator-routes'

const TOKEN = 'metrics-token-for-tests'

function operatorApp(
  settings: { metricsToken?: string; metricsPort?: number },
  listener: 'public' | 'metrics' = 'public',
) {
  const config = configWith(settings)
  const store = openSqliteBoardStore(fs.mkdtempSync(path.join(os.tmpdir(), 'stip-op-')))
  const backplane = createLocalBackplane()
  const metrics = createMetrics()
  const logger = createLogger('silent')
  const registry = new RoomRegistry(store, backplane, config, metrics, logger)
  const app = new Hono()
  mountOperatorRoutes(app, { config, store, backplane, registry, metrics, startedAt: 0 }, listener)
  app.onError(jsonErrors(logger))
  return app
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

describe('metrics and health for operators', () => {
  it('serves /metrics and a detailed /healthz to anyone when nothing is locked down', async () => {
    const app = operatorApp({})
    expect((await app.request('/metrics')).status).toBe(200)
    expect(await (await app.request('/healthz')).json()).toMatchObject({ ok: true, rooms: 0 })
  })

  it('wants the bearer METRICS_TOKEN for /metrics and then tells /healthz only ok', async () => {
    const app = operatorApp({ metricsToken: TOKEN })
    const refused = await app.request('/metrics')
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toContain('Bearer')
    expect((await app.request('/metrics', bearer('wrong-token-of-same-size'))).status).toBe(401)
    const scraped = await app.request('/metrics', bearer(TOKEN))
    expect(scraped.status).toBe(200)
    expect(await scraped.text()).toContain('stip_')
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true })
    expect(await (await app.request('/healthz', bearer(TOKEN))).json()).toMatchObject({ rooms: 0 })
  })

  it('leaves /metrics off the public port when METRICS_PORT gives it its own listener', async () => {
    const pub = operatorApp({ metricsPort: 9464 })
    expect((await pub.request('/metrics')).status).toBe(404)
    expect(await (await pub.request('/healthz')).json()).toEqual({ ok: true })
    const own = operatorApp({ metricsPort: 9464 }, 'metrics')
    expect((await own.request('/metrics')).status).toBe(200)
    expect(await (await own.request('/healthz')).json()).toMatchObject({ rooms: 0 })
  })
})
