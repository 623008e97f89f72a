import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  type BoardConnection,
  type ConnectOptions,
  type EditStamp,
  SYNC_TIMEOUT_MS,
  stampOf,
  waitFor,
} from './board-connection'

/**
 * A participant over Yjs: each has its own Y.Doc; its record is one key of the map `bench`,
 * board records are keys of the map `records`. The transport is y-websocket's
 * WebsocketProvider (Stip, the reference) or @hocuspocus/provider (Hocuspocus).
 */
export function connectYjs(
  protocol: 'y-websocket' | 'hocuspocus',
  options: ConnectOptions,
): BoardConnection {
  const doc = new Y.Doc()
  const edits = doc.getMap<unknown>('bench')
  const records = doc.getMap<unknown>('records')
  edits.observe((event) => {
    if (event.transaction.local || options.onRemoteEdit === undefined) return
    const receivedAt = performance.timeOrigin + performance.now()
    for (const key of event.keysChanged) {
      const stamp = stampOf(edits.get(key))
      if (stamp !== null) options.onRemoteEdit(key, stamp, receivedAt)
    }
  })
  const transport = protocol === 'y-websocket' ? yWebsocket(doc, options) : hocuspocus(doc, options)
  return {
    synced: transport.synced,
    edit: (stamp, bytes) => edits.set(options.key, makeEditRecord(options.key, stamp, bytes)),
    putBoardRecords: (indexes, bytes) =>
      doc.transact(() => {
        for (const i of indexes) records.set(`shape:${i}`, makeBoardRecord(i, bytes))
      }),
    boardRecordCount: () => records.size,
    editRecordCount: () => edits.size,
    digest: () =>
      [...edits.entries()]
        .map(([key, value]) => `${key}=${stampOf(value)?.n ?? '?'}`)
        .sort()
        .join(','),
    close: () => {
      transport.close()
      doc.destroy()
    },
  }
}

function yWebsocket(doc: Y.Doc, options: ConnectOptions) {
  const provider = new WebsocketProvider(options.wsBase, options.room, doc, {
    params: options.params,
    // biome-ignore lint/suspicious/noExplicitAny: ws's class is what y-websocket wants in Node
    WebSocketPolyfill: WebSocket as any,
    // Same-process BroadcastChannel would carry updates between clients of one room
    // around the server and make the benchmark meaningless.
    disableBc: true,
  })
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') options.onDisconnect?.()
  })
  const synced = provider.synced
    ? Promise.resolve()
    : waitFor('y-websocket sync', SYNC_TIMEOUT_MS, (done) => {
        const onSync = (isSynced: boolean) => {
          if (!isSynced) return
          provider.off('sync', onSync)
          done()
        }
        provider.on('sync', onSync)
      })
  return { synced, close: () => provider.destroy() }
}

function hocuspocus(doc: Y.Doc, options: ConnectOptions) {
  // One socket per participant, as separate people would have.
  const socket = new HocuspocusProviderWebsocket({
    url: options.wsBase,
    WebSocketPolyfill: WebSocket,
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.room,
    document: doc,
  })
  provider.on('disconnect', () => options.onDisconnect?.())
  const synced = waitFor('Hocuspocus sync', SYNC_TIMEOUT_MS, (done) => {
    if (provider.isSynced) return done()
    provider.on('synced', done)
  })
  provider.attach()
  return {
    synced,
    close: () => {
      provider.destroy()
      socket.destroy()
    },
  }
}

/** A tldraw-like shape record, padded to about `bytes` of JSON. */
function makeEditRecord(key: string, stamp: EditStamp, bytes: number) {
  const record = {
    ...stamp,
    id: `shape:${key}`,
    typeName: 'shape',
    type: 'geo',
    x: Math.round(Math.random() * 2000),
    y: Math.round(Math.random() * 2000),
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { w: 160, h: 90, geo: 'rectangle', color: 'blue', fill: 'semi', text: '' },
    meta: {},
  }
  const missing = bytes - JSON.stringify(record).length
  if (missing > 0) record.props.text = 'x'.repeat(missing)
  return record
}

function makeBoardRecord(i: number, bytes: number) {
  const record = {
    id: `shape:${i}`,
    typeName: 'shape',
    type: 'note',
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 220,
    rotation: 0,
    index: `a${i.toString(36)}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { color: 'yellow', size: 'm', font: 'draw', align: 'middle', text: '' },
    meta: {},
  }
  const missing = bytes - JSON.stringify(record).length
  if (missing > 0) record.props.text = 'y'.repeat(missing)
  return record
}
