import { randomUUID } from 'node:crypto'
import type { NodeWebSocket } from '@hono/node-ws'
import { BOARD_ID_PATTERN, CloseCode } from '@stip/protocol'
import type { Hono } from 'hono'
import type { WebSocket } from 'ws'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { RoomRegistry } from './room-registry'
import type { Session } from './session'

export interface WebsocketAdapterOptions {
  pingIntervalMs: number
  maxFrameBytes: number
}

/**
 * Feeds websocket connections at /ws/:boardId into the room registry. Everything about
 * sockets lives here: frame size (ws closes oversized frames with 1009 before buffering
 * them), text frames, pings and dead peers. Rooms only see the Session interface.
 */
export function mountWebsocket(
  app: Hono,
  nodeWs: NodeWebSocket,
  registry: RoomRegistry,
  options: WebsocketAdapterOptions,
  metrics: Metrics,
  logger: Logger,
): { stop(): void } {
  const log = logger.child({ module: 'ws' })
  nodeWs.wss.options.maxPayload = options.maxFrameBytes
  const alive = new Map<WebSocket, boolean>()

  const heartbeat = setInterval(() => {
    for (const [socket, answered] of alive) {
      if (!answered) {
        log.info('terminating connection that missed a pong')
        socket.terminate()
        continue
      }
      alive.set(socket, false)
      socket.ping()
    }
  }, options.pingIntervalMs)
  heartbeat.unref()

  app.get(
    '/ws/:boardId',
    async (c, next) => {
      if (!BOARD_ID_PATTERN.test(c.req.param('boardId'))) {
        return c.json({ error: 'board id must be 1-64 letters, digits, "-" or "_"' }, 400)
      }
      await next()
    },
    nodeWs.upgradeWebSocket((c) => {
      const boardId = c.req.param('boardId')!
      let connection: ReturnType<RoomRegistry['connect']> | null = null
      return {
        onOpen(_event, ws) {
          const socket = ws.raw as WebSocket
          const session: Session = {
            id: randomUUID(),
            send: (frame) => socket.send(frame),
            close: (code, reason) => {
              socket.close(code, reason)
            },
            bufferedAmount: () => socket.bufferedAmount,
          }
          alive.set(socket, true)
          socket.on('pong', () => alive.set(socket, true))
          socket.on('error', (error) => {
            const code = error.message.includes('Max payload')
              ? CloseCode.messageTooBig
              : CloseCode.invalidData
            metrics.connectionsClosed.inc({ code: String(code) })
            log.warn({ boardId, error: error.message }, 'websocket error')
          })
          metrics.connections.inc()
          connection = registry.connect(boardId, session)
        },
        onMessage(event, ws) {
          const data = event.data
          if (!(data instanceof ArrayBuffer)) {
            metrics.connectionsClosed.inc({ code: String(CloseCode.invalidData) })
            ws.close(CloseCode.invalidData, 'binary frames only')
            return
          }
          metrics.messagesIn.inc()
          metrics.bytesIn.inc(data.byteLength)
          connection?.receive(new Uint8Array(data))
        },
        onClose(_event, ws) {
          alive.delete(ws.raw as WebSocket)
          metrics.connections.dec()
          connection?.closed()
        },
      }
    }),
  )

  return {
    stop() {
      clearInterval(heartbeat)
    },
  }
}
