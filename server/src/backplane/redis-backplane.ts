import { ROLES } from '@stip/protocol'
import { Redis } from 'ioredis'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { Backplane, BoardChannel, BoardPeerHandlers, Revocation } from './backplane'
import {
  BackplaneKind,
  type BackplaneKindValue,
  decodeBackplaneMessage,
  encodeBackplaneMessage,
  INSTANCE_ID_BYTES,
  newInstanceId,
} from './backplane-message'

const CHANNEL_PREFIX = 'stip:board:'

/**
 * Redis pub/sub between instances: one channel per board, subscribed while the board is
 * loaded here. On join, and again after a lost Redis connection comes back, the instance
 * exchanges state vectors with its peers, so updates missed meanwhile are caught up in both
 * directions. Publishing while Redis is down is skipped (not queued without bound): the
 * exchange after reconnecting delivers what was skipped.
 */
export async function createRedisBackplane(
  redisUrl: string,
  metrics: Metrics,
  logger: Logger,
): Promise<Backplane> {
  const log = logger.child({ module: 'backplane' })
  const self = newInstanceId()
  const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true }
  const publisher = new Redis(redisUrl, options)
  const subscriber = new Redis(redisUrl, { ...options, enableOfflineQueue: true })
  const boards = new Map<string, BoardPeerHandlers>()

  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) =>
      log.warn({ error: error.message }, 'redis connection error'),
    )
  }
  await Promise.all([publisher.connect(), subscriber.connect()])

  subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) => {
    const boardId = channel.toString().slice(CHANNEL_PREFIX.length)
    const handlers = boards.get(boardId)
    const message = decodeBackplaneMessage(frame)
    if (!handlers || !message || message.sender.equals(self)) return
    metrics.backplaneMessagesIn.inc()
    metrics.backplaneBytesIn.inc(frame.length)
    try {
      receive(boardId, handlers, message.kind, message.sender, message.payload)
    } catch (error) {
      log.warn({ boardId, error }, 'ignoring unreadable backplane message')
    }
  })

  // After either connection drops, catch up once both are back: a request published before
  // the subscriber listens would miss the replies, one before the publisher is up goes nowhere.
  let needsCatchUp = false
  for (const client of [publisher, subscriber]) {
    client.on('close', () => {
      needsCatchUp = true
    })
    client.on('ready', () => void catchUpIfReady())
  }

  async function catchUpIfReady(): Promise<void> {
    if (!needsCatchUp || publisher.status !== 'ready' || subscriber.status !== 'ready') return
    needsCatchUp = false
    log.info({ boards: boards.size }, 'redis is back: catching up with peers')
    await Promise.all(
      [...boards.keys()].map(async (boardId) => {
        await subscriber.subscribe(CHANNEL_PREFIX + boardId)
        askPeers(boardId)
      }),
    )
  }

  function publish(boardId: string, kind: BackplaneKindValue, ...parts: Uint8Array[]): void {
    if (publisher.status !== 'ready') return
    const frame = encodeBackplaneMessage(kind, self, ...parts)
    metrics.backplaneMessagesOut.inc()
    metrics.backplaneBytesOut.inc(frame.length)
    publisher.publish(CHANNEL_PREFIX + boardId, frame).catch((error: Error) => {
      log.warn({ boardId, error: error.message }, 'publish failed')
    })
  }

  function askPeers(boardId: string): void {
    const handlers = boards.get(boardId)
    if (!handlers) return
    publish(boardId, BackplaneKind.syncRequest, Uint8Array.of(1), handlers.stateVector())
    publish(boardId, BackplaneKind.awarenessRequest)
  }

  function receive(
    boardId: string,
    handlers: BoardPeerHandlers,
    kind: number,
    sender: Buffer,
    payload: Buffer,
  ): void {
    switch (kind) {
      case BackplaneKind.update:
        handlers.applyUpdate(payload)
        break
      case BackplaneKind.awareness:
        handlers.applyAwareness(payload)
        break
      case BackplaneKind.syncRequest: {
        const answerWithRequest = payload[0] === 1
        publish(boardId, BackplaneKind.syncReply, sender, handlers.diffSince(payload.subarray(1)))
        if (answerWithRequest) {
          publish(boardId, BackplaneKind.syncRequest, Uint8Array.of(0), handlers.stateVector())
        }
        break
      }
      case BackplaneKind.syncReply:
        if (payload.subarray(0, INSTANCE_ID_BYTES).equals(self)) {
          handlers.applyUpdate(payload.subarray(INSTANCE_ID_BYTES))
        }
        break
      case BackplaneKind.awarenessRequest: {
        const presence = handlers.localAwareness()
        if (presence) publish(boardId, BackplaneKind.awareness, presence)
        break
      }
      case BackplaneKind.deleted:
        handlers.onRevocation({ kind: 'board-deleted' })
        break
      case BackplaneKind.revoked: {
        const revocation = parseRevocation(payload)
        if (revocation) handlers.onRevocation(revocation)
        break
      }
    }
  }

  return {
    async join(boardId, handlers): Promise<BoardChannel> {
      boards.set(boardId, handlers)
      await subscriber.subscribe(CHANNEL_PREFIX + boardId)
      askPeers(boardId)
      return {
        publishUpdate: (update) => publish(boardId, BackplaneKind.update, update),
        publishAwareness: (update) => publish(boardId, BackplaneKind.awareness, update),
        async leave() {
          if (boards.get(boardId) !== handlers) return
          boards.delete(boardId)
          await subscriber.unsubscribe(CHANNEL_PREFIX + boardId).catch(() => {})
        },
      }
    },
    async announce(boardId, revocation) {
      // Awaited, unlike other frames: the caller answers only after peers were told.
      const frame =
        revocation.kind === 'board-deleted'
          ? encodeBackplaneMessage(BackplaneKind.deleted, self)
          : encodeBackplaneMessage(
              BackplaneKind.revoked,
              self,
              Buffer.from(JSON.stringify(revocation)),
            )
      metrics.backplaneMessagesOut.inc()
      metrics.backplaneBytesOut.inc(frame.length)
      await publisher.publish(CHANNEL_PREFIX + boardId, frame).catch((error: Error) => {
        log.warn({ boardId, error: error.message }, 'could not announce a revocation')
      })
    },
    status: () => ({
      kind: 'redis',
      ok: publisher.status === 'ready' && subscriber.status === 'ready',
    }),
    async close() {
      boards.clear()
      publisher.disconnect()
      subscriber.disconnect()
    },
  }
}

function parseRevocation(payload: Buffer): Revocation | null {
  const value = JSON.parse(payload.toString('utf8')) as Partial<Record<string, unknown>>
  const role = ROLES.find((known) => known === value.role)
  if (value.kind === 'link-renewed' && role) return { kind: 'link-renewed', role }
  if (value.kind === 'signing-link-renewed' && typeof value.organisationId === 'string') {
    return { kind: 'signing-link-renewed', organisationId: value.organisationId }
  }
  return null
}
