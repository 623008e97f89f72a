import { useEffect, useState } from 'react'
import type { Signal, TLAssetStore, TLStore, TLUser } from 'tldraw'
import type { SealedAccess } from '../api/sealed-api'
import type { BoardConnection } from '../sync/board-connection'
import { createBoardStore } from './board-store'
import { markBoardLoad } from './load-marks'

/** The bound tldraw store for a ready connection (null until then); rebuilt if the role changes. */
export function useBoardStore(
  connection: BoardConnection | null,
  user: Signal<TLUser>,
  readOnly: boolean,
  assets?: TLAssetStore,
  sealed?: SealedAccess,
): TLStore | null {
  const [store, setStore] = useState<TLStore | null>(null)
  useEffect(() => {
    if (!connection) return
    const bound = createBoardStore(connection, user, readOnly, assets, sealed)
    markBoardLoad('store-bound')
    setStore(bound.store)
    return () => {
      bound.dispose()
      setStore(null)
    }
  }, [connection, user, readOnly, assets, sealed])
  return store
}
