import { readFileSync } from 'node:fs'
import { bindStoreToDoc, getRecordsArray } from '@stip/board'
import { WS_PATH } from '@stip/protocol'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

type TLStore = Parameters<typeof bindStoreToDoc>[0]
type StoreRecord = Parameters<TLStore['put']>[0][number]

interface TldrawForNode {
  createTLStore(options: { shapeUtils: unknown; bindingUtils: unknown }): TLStore
  defaultShapeUtils: unknown
  defaultBindingUtils: unknown
}

// `tldraw` is a dependency of @stip/board, not of this test package, so it is loaded from
// the board package's own tree (same files the binding uses, so one tldraw instance).
const TLDRAW_DIR = new URL('../../../packages/board/node_modules/tldraw/', import.meta.url)

async function loadTldraw(): Promise<TldrawForNode> {
  const manifest = JSON.parse(readFileSync(new URL('package.json', TLDRAW_DIR), 'utf8')) as {
    exports: { '.': { import: string } }
  }
  return (await import(new URL(manifest.exports['.'].import, TLDRAW_DIR).href)) as TldrawForNode
}

/**
 * tldraw's store delivers listener batches with requestAnimationFrame outside vitest; Node has
 * none, so a 16 ms timer stands in (as in packages/board/bench/initial-load.bench.ts).
 */
export function installFramePolyfill(): void {
  globalThis.requestAnimationFrame ??= (cb) =>
    setTimeout(() => cb(performance.now()), 16) as unknown as number
  globalThis.cancelAnimationFrame ??= (handle) => clearTimeout(handle)
}

/** A second participant in Node: a tldraw store bound to the board's doc over the real wire. */
export interface NodeBoardClient {
  store: TLStore
  doc: Y.Doc
  /** Puts records as a local user edit; the binding writes them in one transaction. */
  put(records: Array<Record<string, unknown>>): void
  /** Resolves once the doc holds `count` shapes (the binding writes them on its next frame). */
  waitForShapesInDoc(count: number, timeoutMs: number): Promise<void>
  close(): void
}

function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve()
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`))
      setTimeout(tick, 10)
    }
    tick()
  })
}

export async function connectNodeClient(options: {
  serverUrl: string
  boardId: string
  token: string
}): Promise<NodeBoardClient> {
  const tldraw = await loadTldraw()
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${options.serverUrl.replace(/^http/, 'ws')}${WS_PATH}`,
    options.boardId,
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: options.token },
      disableBc: true,
    },
  )
  await waitFor(() => provider.synced, 10_000, 'the Node client to sync')
  const store = tldraw.createTLStore({
    shapeUtils: tldraw.defaultShapeUtils,
    bindingUtils: tldraw.defaultBindingUtils,
  })
  // The default document and page an editor would create on mount (runtime-only API).
  ;(store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable()
  const unbind = bindStoreToDoc(store, doc)

  return {
    store,
    doc,
    put(records) {
      store.put(records as unknown as StoreRecord[])
    },
    async waitForShapesInDoc(count, timeoutMs) {
      // The store holds them at once; the doc only after the binding's next frame.
      const records = getRecordsArray(doc)
      const shapesInDoc = () =>
        records.toArray().filter((entry) => entry.key.startsWith('shape:')).length
      await waitFor(() => shapesInDoc() >= count, timeoutMs, `${count} shapes in the doc`)
    },
    close() {
      unbind()
      provider.destroy()
      doc.destroy()
    },
  }
}
