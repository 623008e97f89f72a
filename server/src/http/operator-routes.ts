import { timingSafeEqual } from 'node:crypto'
import type { Context, Hono } from 'hono'
import type { Backplane } from '../backplane/backplane'
import type { Config } from '../config'
import type { Metrics } from '../metrics'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { httpError } from './http-error'

export interface OperatorDeps {
  config: Pick<Config, 'metricsToken' | 'metricsPort'>
  store: BoardStore
  backplane: Backplane
  registry: RoomRegistry
  metrics: Metrics
  startedAt: number
}

/**
 * /healthz and /metrics. `public` is the app on PORT: there /metrics is left out when
 * METRICS_PORT moves it to its own listener, and needs the bearer METRICS_TOKEN when that is
 * set; /healthz tells only ok or not once the operator locked metrics down. On the metrics
 * listener both tell everything.
 */
export function mountOperatorRoutes(app: Hono, deps: OperatorDeps, listener: 'public' | 'metrics') {
  const { config, store, backplane, registry, metrics } = deps
  const lockedDown = config.metricsToken !== undefined || config.metricsPort !== undefined
  const isOperator = (c: Context) =>
    listener === 'metrics' || !lockedDown || hasMetricsToken(c, config.metricsToken)

  app.get('/healthz', async (c) => {
    const storeOk = await store.ping().then(
      () => true,
      () => false,
    )
    const backplaneStatus = backplane.status()
    const ok = storeOk && backplaneStatus.ok
    const status = ok ? 200 : 503
    if (!isOperator(c)) return c.json({ ok }, status)
    return c.json(
      {
        ok,
        store: { kind: store.kind, ok: storeOk },
        backplane: backplaneStatus,
        rooms: registry.openRooms,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      },
      status,
    )
  })

  if (listener === 'public' && config.metricsPort !== undefined) {
    app.get('/metrics', () => {
      throw httpError(404, 'metrics are served on their own port (METRICS_PORT)')
    })
    return
  }
  app.get('/metrics', async (c) => {
    if (listener === 'public' && config.metricsToken !== undefined) {
      if (!hasMetricsToken(c, config.metricsToken)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"')
        throw httpError(401, '/metrics needs the metrics token')
      }
    }
    c.header('Content-Type', metrics.registry.contentType)
    return c.body(await metrics.registry.metrics())
  })
}

function hasMetricsToken(c: Context, expected: string | undefined): boolean {
  if (expected === undefined) return false
  const presented = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? ''
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
