import { createNodeWebSocket } from '@hono/node-ws'
import { PROTOCOL_VERSION } from '@stip/protocol'
import { Hono } from 'hono'
import type { AuditLog } from './audit/audit-log'
import { createBoardAccess } from './auth/board-access'
import type { Backplane } from './backplane/backplane'
import type { Config } from './config'
import { accessLog } from './http/access-log'
import { createBoardsApi } from './http/boards-api'
import { resolveClientAddress } from './http/client-address'
import { CREATION_KEY_HEADER, creationRules } from './http/creation-guard'
import { httpError, jsonErrors } from './http/http-error'
import { mountOperatorRoutes } from './http/operator-routes'
import { securityHeaders } from './http/security-headers'
import { mountStaticClient } from './http/static-client'
import {
  warnAboutTldrawLicenceAtStart,
  warnAboutTldrawLicenceOnce,
} from './http/tldraw-licence-warning'
import { mountWebsocket } from './http/websocket-adapter'
import type { Limits } from './limits/open-limits'
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
  audit: AuditLog
  limits: Limits
}

/** The HTTP and websocket routes of one server instance. */
export function createApp(deps: AppDeps) {
  const { config, store, backplane, registry, metrics, logger, audit, limits } = deps
  const app = new Hono()
  const nodeWs = createNodeWebSocket({ app })
  const access = createBoardAccess(store, limits.failedTokens)
  const creation = creationRules(config, limits.failedTokens)

  app.use('*', securityHeaders())
  app.use('*', resolveClientAddress(config.trustedProxies))
  if (!config.tldrawLicenseKey && !warnAboutTldrawLicenceAtStart(config, logger)) {
    app.use('*', warnAboutTldrawLicenceOnce(config, logger))
  }
  if (config.accessLog) app.use('*', accessLog(logger))

  mountOperatorRoutes(
    app,
    { config, store, backplane, registry, metrics, startedAt: Date.now() },
    'public',
  )

  // serverTime lets browsers agree on shared times (the facilitator's timer) across clocks.
  app.get('/api/config', (c) =>
    c.json({
      tldrawLicenseKey: config.tldrawLicenseKey ?? null,
      serverTime: Date.now(),
      protocolVersion: PROTOCOL_VERSION,
      // What the start page must ask before creating a board (docs/operations.md).
      boardCreation: {
        keyRequired: creation.keyRequired,
        keyHeader: CREATION_KEY_HEADER,
        addressAllowed: creation.addressAllowed(c),
      },
    }),
  )
  app.route(
    '/api/boards',
    createBoardsApi({
      store,
      registry,
      access,
      limits,
      creation,
      audit,
      config,
      logger,
    }),
  )

  const websocket = mountWebsocket(app, nodeWs, {
    registry,
    access,
    config,
    metrics,
    logger,
    store,
    audit,
  })

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
