import { loadConfig } from './config'
import { startServer } from './server'

/** Process entry: configuration from the environment, graceful shutdown on SIGTERM/SIGINT. */
const server = await startServer(loadConfig(process.env))
server.logger.info({ port: server.port, url: server.url }, 'listening')

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    server.logger.info({ signal }, 'shutting down: flushing every board')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
