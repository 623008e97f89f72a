import { randomUUID } from 'node:crypto'
import type { NodeWebSocket } from '@hono/node-ws'
import { BOARD_ID_PATTERN, CloseCode, PROTOCOL_VERSION, type Role } from '@stip/protocol'
import type { Hono } from 'hono'
import type { WebSocket } from 'ws'
import type { AuditLog } from '../audit/audit-log'
import { type BoardAccess, isOriginAllowed } from '../auth/board-access'
import type { Config } from '../config'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import type { Session } from '../sync/session'
import { clientAddress } from './client-address'
import { startHeartbeat } from './heartbeat'
import { httpError } from './http-error'
import { createMessageRate } from './message-rate'
import { createSharedFrameSender } from './shared-frame-sender'

/** How long a peer has to complete a close handshake before its socket is dropped. */
const CLOSE_GRACE_MS = 5000

type Admission = { role: Role; signsFor?: string } | { closeCode: number; reason: string }

/**
 * Feeds websocket connections at /ws/:boardId?token=… into the room registry. Everything about
 * sockets lives here: the Origin check, the token, frame size (ws closes oversized frames with
 * 1009 before buffering them), text frames, message rate, pings and dead peers. Rooms only see
 * the Session interface.
 *
 * A wrong token is answered after the upgrade, with close code 4401, because a browser's
 * WebSocket cannot read the status of a refused upgrade.
 */
export function mountWebsocket(
  app: Hono,
  nodeWs: NodeWebSocket,
  deps: {
    registry: RoomRegistry
    access: BoardAccess
    config: Config
    metrics: Metrics
    logger: Logger
    store: BoardStore
    audit: AuditLog
  },
): { stop(): void } {
  const { registry, access, config, metrics, store, audit } = deps
  const log = deps.logger.child({ module: 'ws' })
  const accessLog = deps.logger.child({ module: 'access' })

  /**
   * A refused update (4403) or a connection ended because its link was renewed (4401) goes
   * into the board's audit log; not when the board itself was deleted (its log went with it).
   */
  const auditClose = async (boardId: string, session: Session, code: number, reason: string) => {
    if (code !== CloseCode.forbidden && code !== CloseCode.unauthorized) return
    if (!(await store.getBoard(boardId))) return
    await audit.record(
      boardId,
      code === CloseCode.forbidden ? 'update.refused' : 'session.revoked',
      { role: session.role, organisation: session.signsFor ?? null },
      { reason },
    )
  }
  nodeWs.wss.options.maxPayload = config.maxFrameBytes
  const sendShared = createSharedFrameSender()
  const heartbeat = startHeartbeat(config.pingIntervalMs, () =>
    log.info('terminating connection that missed a pong'),
  )

  /**
   * A clean close, then the socket is cut if the peer does not finish the handshake in time:
   * a slow consumer's close frame waits behind its full buffer, and the room already stopped
   * queueing for it, so its memory stays bounded until then.
   */
  const closeSession = (socket: WebSocket, code: number, reason: string) => {
    socket.close(code, reason)
    setTimeout(() => {
      if (socket.readyState !== socket.CLOSED) socket.terminate()
    }, CLOSE_GRACE_MS).unref()
  }

  const closeWith = (socket: WebSocket, code: number, reason: string) => {
    metrics.connectionsClosed.inc({ code: String(code) })
    socket.close(code, reason)
  }

  app.get(
    '/ws/:boardId',
    async (c, next) => {
      if (!BOARD_ID_PATTERN.test(c.req.param('boardId'))) {
        throw httpError(400, 'board id must be 1-64 letters, digits, "-" or "_"')
      }
      const origin = c.req.header('origin')
      if (origin && !isOriginAllowed(origin, c.req.header('host'), config.allowedOrigins)) {
        throw httpError(403, `origin ${origin} may not open this websocket`)
      }
      await next()
    },
    nodeWs.upgradeWebSocket(async (c) => {
      const boardId = c.req.param('boardId')!
      const result = await access(boardId, c.req.query('token'), clientAddress(c))
      const version = c.req.query('v')
      const admission: Admission =
        version !== undefined && version !== String(PROTOCOL_VERSION)
          ? { closeCode: CloseCode.versionMismatch, reason: 'reload the page: Stip was updated' }
          : result.ok
            ? { role: result.role, signsFor: result.signsFor?.organisationId }
            : result.reason === 'too-many-failures'
              ? { closeCode: CloseCode.tooMany, reason: 'too many wrong tokens; wait a minute' }
              : { closeCode: CloseCode.unauthorized, reason: 'missing or wrong token' }
      let connection: ReturnType<RoomRegistry['connect']> | null = null
      const withinRate = createMessageRate(config.maxMessagesPerSecond)
      const address = clientAddress(c)
      const traffic = { bytesIn: 0, bytesOut: 0 }

      return {
        onOpen(_event, ws) {
          const socket = ws.raw as WebSocket
          const openedAt = performance.now()
          if (config.accessLog) {
            // One line per session when it ends: who (role, never the token), how long, how much.
            socket.once('close', (closeCode: number) => {
              accessLog.info(
                {
                  method: 'WS',
                  path: `/ws/${boardId}`,
                  role: 'role' in admission ? admission.role : null,
                  closeCode,
                  ms: Math.round(performance.now() - openedAt),
                  bytesIn: traffic.bytesIn,
                  bytesOut: traffic.bytesOut,
                  address,
                },
                'websocket session',
              )
            })
          }
          if ('closeCode' in admission) {
            closeWith(socket, admission.closeCode, admission.reason)
            return
          }
          const session: Session = {
            id: randomUUID(),
            role: admission.role,
            signsFor: admission.signsFor,
            send: (frame) => {
              traffic.bytesOut += frame.byteLength
              sendShared(socket, frame)
            },
            close: (code, reason) => {
              closeSession(socket, code, reason)
              auditClose(boardId, session, code, reason).catch((error: unknown) =>
                log.error({ boardId, error }, 'audit record failed'),
              )
            },
            bufferedAmount: () => socket.bufferedAmount,
          }
          heartbeat.watch(socket)
          socket.on('error', (error) => {
            const code = error.message.includes('Max payload')
              ? CloseCode.messageTooBig
              : CloseCode.invalidData
            metrics.connectionsClosed.inc({ code: String(code) })
            log.warn({ boardId, error: error.message }, 'websocket error')
          })
          metrics.connections.inc()
          connection = registry.connect(boardId, session)
          // Retention counts from the last opening (docs/operations.md).
          store
            .markOpened(boardId, Date.now())
            .catch((error: unknown) => log.error({ boardId, error }, 'could not mark opened'))
        },
        onMessage(event, ws) {
          if (!connection) return
          const socket = ws.raw as WebSocket
          const data = event.data
          if (!(data instanceof ArrayBuffer))
            return closeWith(socket, CloseCode.invalidData, 'binary frames only')
          if (!withinRate())
            return closeWith(socket, CloseCode.tooMany, 'too many messages per second')
          metrics.messagesIn.inc()
          metrics.bytesIn.inc(data.byteLength)
          traffic.bytesIn += data.byteLength
          connection.receive(new Uint8Array(data))
        },
        onClose(_event, ws) {
          if (!connection) return
          heartbeat.forget(ws.raw as WebSocket)
          metrics.connections.dec()
          connection.closed()
        },
      }
    }),
  )

  return {
    stop() {
      heartbeat.stop()
    },
  }
}
