import { createApp } from './app'
import { createAuditLog } from './audit/audit-log'
import { openBackplane } from './backplane/open-backplane'
import type { Config } from './config'
import { openLimits } from './limits/open-limits'
import { createLogger } from './logger'
import { createMetrics } from './metrics'
import { openStore } from './store/open-store'
import { RoomRegistry } from './sync/room-registry'

/**
 * Every part of one Stip instance, wired together but not yet listening: the server starts it
 * on a port (server.ts), the route tests call its app directly (http/app-under-test.ts), so
 * both run the same assembly.
 */
export async function assembleServer(config: Config) {
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
  return { logger, metrics, store, backplane, limits, audit, registry, app, nodeWs, stopWebsocket }
}
