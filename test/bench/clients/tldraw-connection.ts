import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import * as syncCore from '@tldraw/sync-core'
import { type TLPersistentClientSocket, TLSyncClient } from '@tldraw/sync-core'
import {
  createShapeId,
  createTLSchema,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLStoreProps,
} from '@tldraw/tlschema'
import {
  type BoardConnection,
  type ConnectOptions,
  type EditStamp,
  SYNC_TIMEOUT_MS,
  stampOf,
  waitFor,
} from './board-connection'
import { installTldrawNodeGlobals } from './tldraw-node-globals'

const schema = createTLSchema()

// useSync's own socket adapter: exported by @tldraw/sync-core at run time, but left out of its
// published types (marked internal), so it is typed here by the public interface it implements.
const { ClientWebSocketAdapter } = syncCore as unknown as {
  ClientWebSocketAdapter: new (getUri: () => string) => TLPersistentClientSocket<object, object>
}
const EDIT_PREFIX = 'shape:edit-'
const BOARD_PREFIX = 'shape:board-'

/**
 * A participant over tldraw sync: a tldraw store (default schema) with @tldraw/sync-core's
 * own `TLSyncClient` and `ClientWebSocketAdapter`, as `useSync` wires them in a browser. Its
 * record is a geo shape it moves; the edit's stamp is in `meta`. A remote edit counts when it
 * is in this client's store (an after-change side effect, which runs as the record is put).
 */
export function connectTldraw(options: ConnectOptions): BoardConnection {
  installTldrawNodeGlobals()
  const store = new Store<TLRecord, TLStoreProps>({
    schema,
    // Only an editor reads these; the sync client never does.
    props: {} as TLStoreProps,
  })
  const ownId = createShapeId(`edit-${options.key}`)
  const onShape = (shape: TLShape, source: 'user' | 'remote') => {
    if (source !== 'remote' || shape.id === ownId || !shape.id.startsWith(EDIT_PREFIX)) return
    const stamp = stampOf(shape.meta)
    if (stamp === null) return
    options.onRemoteEdit?.(
      shape.id.slice(EDIT_PREFIX.length),
      stamp,
      performance.timeOrigin + performance.now(),
    )
  }
  store.sideEffects.registerAfterCreateHandler('shape', (shape, source) => onShape(shape, source))
  store.sideEffects.registerAfterChangeHandler('shape', (_prev, next, source) =>
    onShape(next, source),
  )
  const query = new URLSearchParams({ ...options.params, sessionId: `${options.key}-${rand()}` })
  const socket = new ClientWebSocketAdapter(
    () => `${options.wsBase}/connect/${encodeURIComponent(options.room)}?${query}`,
  )
  if (options.onWireEdit !== undefined) {
    const onWireEdit = options.onWireEdit
    socket.onReceiveMessage((message) => {
      const receivedAt = performance.timeOrigin + performance.now()
      for (const [id, stamp] of stampsInMessage(message)) {
        if (id !== ownId && id.startsWith(EDIT_PREFIX))
          onWireEdit(id.slice(EDIT_PREFIX.length), stamp, receivedAt)
      }
    })
  }
  socket.onStatusChange(({ status }) => {
    if (status !== 'online') options.onDisconnect?.()
  })
  let loaded: () => void = () => {}
  const synced = waitFor('tldraw sync load', SYNC_TIMEOUT_MS, (done) => {
    loaded = done
  })
  const client = new TLSyncClient({
    store,
    socket,
    presence: atom('presence', null),
    onLoad: () => loaded(),
    onSyncError: (reason) => {
      throw new Error(`tldraw sync error: ${reason}`)
    },
  })
  const shapes = () => store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')
  return {
    synced,
    edit: (stamp, bytes) => store.put([makeGeoShape(ownId, stamp, bytes)]),
    putBoardRecords: (indexes, bytes) =>
      store.put(indexes.map((i) => makeNoteShape(createShapeId(`board-${i}`), i, bytes))),
    boardRecordCount: () => shapes().filter((s) => s.id.startsWith(BOARD_PREFIX)).length,
    editRecordCount: () => shapes().filter((s) => s.id.startsWith(EDIT_PREFIX)).length,
    digest: () =>
      shapes()
        .filter((s) => s.id.startsWith(EDIT_PREFIX))
        .map((s) => `${s.id.slice(EDIT_PREFIX.length)}=${stampOf(s.meta)?.n ?? '?'}`)
        .sort()
        .join(','),
    close: () => {
      client.close()
      socket.close()
    },
  }
}

const rand = () => Math.random().toString(36).slice(2, 8)

/**
 * Stamps of shapes in a server message: a `data` batch of `patch` events whose diff puts a
 * whole record or patches its `meta` (sync-core's RecordOpType / ValueOpType: 'put', 'patch').
 */
function* stampsInMessage(message: unknown): Generator<[string, EditStamp]> {
  const m = message as { type?: string; data?: unknown[]; diff?: unknown }
  const events = m.type === 'data' ? (m.data ?? []) : m.type === 'patch' ? [m] : []
  for (const event of events as Array<{ type?: string; diff?: Record<string, unknown[]> }>) {
    if (event.type !== 'patch' || event.diff === undefined) continue
    for (const [id, op] of Object.entries(event.diff)) {
      let meta: unknown
      if (op[0] === 'put') meta = (op[1] as { meta?: unknown }).meta
      else if (op[0] === 'patch') {
        const field = (op[1] as { meta?: unknown[] }).meta
        if (field?.[0] === 'put') meta = field[1]
        else if (field?.[0] === 'patch') {
          const sub = field[1] as Record<string, unknown[]>
          meta = Object.fromEntries(Object.entries(sub).map(([k, v]) => [k, v[1]]))
        }
      }
      const stamp = stampOf(meta)
      if (stamp !== null) yield [id, stamp]
    }
  }
}

const richText = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }],
})

/** A moved geo shape: the same kind of record the Yjs clients write, padded to about `bytes`. */
function makeGeoShape(id: TLShapeId, stamp: EditStamp, bytes: number): TLShape {
  const shape = createShape({
    id,
    type: 'geo',
    x: Math.round(Math.random() * 2000),
    y: Math.round(Math.random() * 2000),
    parentId: 'page:page',
    index: 'a1',
    meta: { ...stamp },
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 160,
      h: 90,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'blue',
      fill: 'semi',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: richText(''),
    },
  })
  return padded(shape, bytes)
}

function makeNoteShape(id: TLShapeId, i: number, bytes: number): TLShape {
  const shape = createShape({
    id,
    type: 'note',
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 220,
    parentId: 'page:page',
    // Fractional index keys are a format of their own; one key for all is valid (ties are fine).
    index: 'a1',
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richText(''),
      scale: 1,
      textLastEditedBy: null,
    },
  })
  return padded(shape, bytes)
}

/** The schema's shape type fills in what is not given (rotation, opacity, ...). */
function createShape(partial: Record<string, unknown>): TLShape {
  return schema.types.shape.create(partial as Partial<TLShape>) as TLShape
}

/** Pads the label so the record is about `bytes` of JSON (a bare tldraw shape may be larger). */
function padded(shape: TLShape, bytes: number): TLShape {
  const missing = bytes - JSON.stringify(shape).length
  if (missing <= 0) return shape
  return { ...shape, props: { ...shape.props, richText: richText('x'.repeat(missing)) } } as TLShape
}
