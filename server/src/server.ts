import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { CloseCode } from '@stip/protocol'
import { Hono } from 'hono'
import { assembleServer } from './assemble-server'
import { type Config, configWith } from './config'
import { mountOperatorRoutes } from './http/operator-routes'
import type { Logger } from './logger'
import { startRetentionSweep } from './retention/retention'

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
  const { logger, metrics, store, backplane, limits, audit, registry, app, nodeWs, stopWebsocket } =
    await assembleServer(config)
  const stopRetention = startRetentionSweep(
    { store, deleteBoard: (boardId) => registry.deleteBoard(boardId), audit, log: logger },
    config,
  )

  const httpServer = await listen(app, config.port, config.host)
  nodeWs.injectWebSocket(httpServer)
  const port = portOf(httpServer)
  const url = baseUrl(config.host, port)
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
