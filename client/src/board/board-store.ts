import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLStore,
  type TLUser,
} from 'tldraw'
import type { BoardConnection } from '../sync/board-connection'
import { bindPresence, bindStoreToDoc } from '../sync/board-binding'

export interface BoardStore {
  store: TLStore
  dispose(): void
}

/**
 * Creates a tldraw store already filled from the board's doc and kept in step with it,
 * plus presence over awareness. Binding happens before any editor sees the store, so the
 * editor never shows (or writes) a default page the doc does not have.
 */
export function createBoardStore(connection: BoardConnection, user: Signal<TLUser>): BoardStore {
  const online = atom<'online' | 'offline'>('stip connection', toTldrawStatus(connection.getStatus()))
  const store = createTLStore({
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    users: { currentUser: user },
    // Setting collaboration makes tldraw show collaborator cursors and the offline state.
    collaboration: { status: online, mode: null },
  })
  const unbindDoc = bindStoreToDoc(store, connection.doc)
  const unbindPresence = bindPresence({ store, awareness: connection.provider.awareness, user })
  const stopStatus = connection.onStatus((status) => online.set(toTldrawStatus(status)))

  return {
    store,
    dispose() {
      stopStatus()
      unbindPresence()
      unbindDoc()
    },
  }
}

function toTldrawStatus(status: string): 'online' | 'offline' {
  return status === 'connected' ? 'online' : 'offline'
}
