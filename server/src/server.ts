import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { CloseCode } from '@stip/protocol'
import { createApp } from './app'
import { openBackplane } from './backplane/open-backplane'
import { type Config, configWith } from './config'
import { createLogger, type Logger } from './logger'
import { createMetrics } from './metrics'
import { openStore } from './store/open-store'
import { RoomRegistry } from './sync/room-registry'

export interface StipServer {
  /** Base HTTP URL, e.g. http://127.0.0.1:8787 */
  url: string
  port: number
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
  const registry = new RoomRegistry(store, backplane, config, metrics, logger)
  const { app, nodeWs, stopWebsocket } = createApp({
    config,
    store,
    backplane,
    registry,
    metrics,
    logger,
  })

  const httpServer = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(server),
    )
    server.once('error', reject)
  })
  nodeWs.injectWebSocket(httpServer)
  const port = (httpServer.address() as AddressInfo).port
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    config,
    logger,
    close() {
      closing ??= (async () => {
        stopWebsocket()
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await registry.closeAll(CloseCode.goingAway)
        for (const socket of nodeWs.wss.clients) socket.terminate()
        nodeWs.wss.close()
        await httpClosed
        await backplane.close()
        await store.close()
      })()
      return closing
    },
  }
}
