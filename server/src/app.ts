import { createNodeWebSocket } from '@hono/node-ws'
import { PROTOCOL_VERSION } from '@stip/protocol'
import { Hono } from 'hono'
import { AddressCounter } from './auth/address-counter'
import { createBoardAccess } from './auth/board-access'
import type { Backplane } from './backplane/backplane'
import type { Config } from './config'
import { createBoardsApi } from './http/boards-api'
import { resolveClientAddress } from './http/client-address'
import { httpError, jsonErrors } from './http/http-error'
import { securityHeaders } from './http/security-headers'
import { mountStaticClient } from './http/static-client'
import {
  warnAboutTldrawLicenceAtStart,
  warnAboutTldrawLicenceOnce,
} from './http/tldraw-licence-warning'
import { mountWebsocket } from './http/websocket-adapter'
import type { Logger } from './logger'
import type { Metrics } from './metrics'
import type { BoardStore } from './store/board-store'
import type { RoomRegistry } from './sync/room-registry'

export interface AppDeps {
  config: Config
  store: BoardStore
  backplane: Backplane
  registry: RoomRegistry
  metrics: Metrics
  logger: Logger
}

/** Boards created per address per minute before creation is refused for the rest of it. */
const BOARD_CREATIONS_PER_MINUTE = 30

/** The HTTP and websocket routes of one server instance. */
export function createApp(deps: AppDeps) {
  const { config, store, backplane, registry, metrics, logger } = deps
  const app = new Hono()
  const nodeWs = createNodeWebSocket({ app })
  const access = createBoardAccess(store, new AddressCounter(config.maxFailedTokensPerMinute))
  const startedAt = Date.now()

  app.use('*', securityHeaders())
  app.use('*', resolveClientAddress(config.trustedProxies))
  if (!config.tldrawLicenseKey && !warnAboutTldrawLicenceAtStart(config, logger)) {
    app.use('*', warnAboutTldrawLicenceOnce(config, logger))
  }

  app.get('/healthz', async (c) => {
    const storeOk = await store.ping().then(
      () => true,
      () => false,
    )
    const backplaneStatus = backplane.status()
    const ok = storeOk && backplaneStatus.ok
    return c.json(
      {
        ok,
        store: { kind: store.kind, ok: storeOk },
        backplane: backplaneStatus,
        rooms: registry.openRooms,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      },
      ok ? 200 : 503,
    )
  })

  app.get('/metrics', async (c) => {
    c.header('Content-Type', metrics.registry.contentType)
    return c.body(await metrics.registry.metrics())
  })

  // serverTime lets browsers agree on shared times (the facilitator's timer) across clocks.
  app.get('/api/config', (c) =>
    c.json({
      tldrawLicenseKey: config.tldrawLicenseKey ?? null,
      serverTime: Date.now(),
      protocolVersion: PROTOCOL_VERSION,
    }),
  )
  app.route(
    '/api/boards',
    createBoardsApi({
      store,
      registry,
      access,
      boardCreations: new AddressCounter(BOARD_CREATIONS_PER_MINUTE),
      config,
    }),
  )

  const websocket = mountWebsocket(app, nodeWs, { registry, access, config, metrics, logger })

  app.all('/api/*', (c) => {
    throw httpError(404, `no such endpoint: ${c.req.method} ${c.req.path}`)
  })
  app.all('/ws/*', () => {
    throw httpError(400, 'websocket path is /ws/:boardId')
  })
  mountStaticClient(app, config.clientDir)
  app.onError(jsonErrors(logger))

  return { app, nodeWs, stopWebsocket: websocket.stop }
}
