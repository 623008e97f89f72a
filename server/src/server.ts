import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { CloseCode } from '@stip/protocol'
import { Hono } from 'hono'
import { createApp } from './app'
import { createAuditLog } from './audit/audit-log'
import { openBackplane } from './backplane/open-backplane'
import { type Config, configWith } from './config'
import { mountOperatorRoutes } from './http/operator-routes'
import { openLimits } from './limits/open-limits'
import { createLogger, type Logger } from './logger'
import { createMetrics } from './metrics'
import { startRetentionSweep } from './retention/retention'
import { openStore } from './store/open-store'
import { RoomRegistry } from './sync/room-registry'

export interface StipServer {
  /** Base HTTP URL, e.g. http://127.0.0.1:8787 */
  url: string
  port: number
  /** Base URL of the metrics listener when METRICS_PORT is set. */
  metricsUrl: string | undefined
  config: Config
  logger: Logger
  /** Flushes every room, closes every socket with 1001 and releases the store. */
  close(): Promise<void>
}

/** Starts one Stip server; `overrides` replace the defaults (tests pass port 0 and a temp dir). */
export async function startServer(overrides: Partial<Config> = {}): Promise<StipServer> {
  const config = configWith(overrides)
  const logger = createLogger(config.logLevel)
  const metrics = createMetrics()
  const store = await openStore(config)
  const backplane = await openBackplane(config, metrics, logger)
  const limits = await openLimits(config, logger)
  const audit = createAuditLog(store, logger)
  const auditLog = logger.child({ module: 'audit' })
  const registry = new RoomRegistry(
    store,
    backplane,
    {
      ...config,
      // Freezing and unfreezing happen in the document; the audit log hears of them here.
      onBoardEvent: (boardId, event) => {
        const act = event.kind === 'manifesto-frozen' ? 'manifesto.frozen' : 'manifesto.unfrozen'
        audit
          .record(boardId, act, { role: event.role, organisation: event.organisation })
          .catch((error: unknown) => auditLog.error({ boardId, error }, 'audit record failed'))
      },
    },
    metrics,
    logger,
  )
  const { app, nodeWs, stopWebsocket } = createApp({
    config,
    store,
    backplane,
    registry,
    metrics,
    logger,
    audit,
    limits,
  })
  const stopRetention = startRetentionSweep(
    { store, deleteBoard: (boardId) => registry.deleteBoard(boardId), audit, log: logger },
    config,
  )

  const httpServer = await listen(app, config.port, config.host)
  nodeWs.injectWebSocket(httpServer)
  const port = (httpServer.address() as AddressInfo).port
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const metricsServer =
    config.metricsPort === undefined
      ? null
      : await listen(metricsApp(), config.metricsPort, config.metricsHost)

  function metricsApp() {
    const operator = new Hono()
    mountOperatorRoutes(
      operator,
      { config, store, backplane, registry, metrics, startedAt: Date.now() },
      'metrics',
    )
    return operator
  }

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    metricsUrl: metricsServer ? baseUrl(config.metricsHost, portOf(metricsServer)) : undefined,
    config,
    logger,
    close() {
      closing ??= (async () => {
        stopRetention()
        stopWebsocket()
        metricsServer?.close()
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await registry.closeAll(CloseCode.goingAway)
        for (const socket of nodeWs.wss.clients) socket.terminate()
        nodeWs.wss.close()
        await httpClosed
        await backplane.close()
        await limits.close()
        await store.close()
      })()
      return closing
    },
  }
}

function listen(app: Hono, port: number, hostname: string) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server))
    server.once('error', reject)
  })
}

function portOf(server: ReturnType<typeof serve>): number {
  return (server.address() as AddressInfo).port
}

function baseUrl(listenHost: string, port: number): string {
  const host = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}
