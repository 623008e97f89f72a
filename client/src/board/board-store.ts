import { bindPresence, bindStoreToDoc, type PresenceUser } from '@stip/board'
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLAssetStore,
  type TLStore,
  type TLUser,
} from 'tldraw'
import type { SealedAccess } from '../api/sealed-api'
import type { BoardConnection } from '../sync/board-connection'
import { createReadOnlyMirror } from '../sync/read-only-mirror'
import { createSilentRoundKeeper } from './silent-round-keeper'

export interface BoardStore {
  store: TLStore
  dispose(): void
}

/**
 * Creates a tldraw store already filled from the board's doc and kept in step with it,
 * plus presence over awareness. Binding happens before any editor sees the store, so the
 * editor never shows (or writes) a default page the doc does not have.
 */
export function createBoardStore(
  connection: BoardConnection,
  user: Signal<TLUser>,
  /** A viewer's link: the editor is read-only and nothing it writes leaves this browser. */
  readOnly: boolean,
  /** Uploads and resolves images through Stip's server; tldraw's default inlines them as base64. */
  assets?: TLAssetStore,
  /** Who writes: a silent round's notes go to the server under this access, not into the doc. */
  sealed?: SealedAccess,
): BoardStore {
  const mode = atom<'readonly' | 'readwrite'>(
    'stip board mode',
    readOnly ? 'readonly' : 'readwrite',
  )
  const mirror = readOnly ? createReadOnlyMirror(connection.doc) : null
  const online = atom<'online' | 'offline'>(
    'stip connection',
    toTldrawStatus(connection.getStatus()),
  )
  const store = createTLStore({
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    users: { currentUser: user },
    ...(assets ? { assets } : {}),
    // Setting collaboration makes tldraw show collaborator cursors and the offline state.
    collaboration: { status: online, mode },
  })
  const boundDoc = mirror?.doc ?? connection.doc
  const keeper = !readOnly && sealed ? createSilentRoundKeeper(connection.doc, sealed) : null
  const bind = () => {
    const unbind = bindStoreToDoc(store, boundDoc, keeper ? { keepLocal: keeper } : {})
    // Binding loads the doc, which never holds this author's silent notes: fetch them back.
    void keeper?.restore(store)
    return unbind
  }
  let unbindDoc: (() => void) | null = bind()
  const stopRestoring = keeper?.subscribe(() => void keeper.restore(store))
  // The binding batches edits per animation frame; a reload or closed tab inside that frame
  // would lose the last keystrokes from IndexedDB. Unbinding writes them out at once, and a
  // page restored from the back-forward cache binds again (which reconciles both sides).
  const onPageHide = () => {
    unbindDoc?.()
    unbindDoc = null
  }
  const onPageShow = () => {
    unbindDoc ??= bind()
  }
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', onPageShow)
  const unbindPresence = bindPresence(store, connection.provider.awareness, () =>
    presenceUser(user.get()),
  )
  const stopStatus = connection.onStatus((status) => online.set(toTldrawStatus(status)))

  return {
    store,
    dispose() {
      stopStatus()
      unbindPresence()
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('pageshow', onPageShow)
      unbindDoc?.()
      unbindDoc = null
      stopRestoring?.()
      keeper?.dispose()
      mirror?.dispose()
    },
  }
}

/** The package's view of the participant; tldraw's user ids carry a `user:` prefix it adds itself. */
function presenceUser(user: TLUser): PresenceUser {
  const meta = user.meta as { organisation?: string; role?: string }
  return {
    id: user.id.replace(/^user:/, ''),
    name: user.name,
    color: user.color,
    organisation: meta.organisation,
    role: meta.role,
  }
}

function toTldrawStatus(status: string): 'online' | 'offline' {
  return status === 'connected' ? 'online' : 'offline'
}
