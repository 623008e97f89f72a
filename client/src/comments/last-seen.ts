import { useState } from 'react'
import { serverNow } from '../config/server-clock'

const key = (boardId: string) => `stip.comments.seen.${boardId}`

function readSeen(storage: Storage, boardId: string): number | null {
  try {
    const value = Number(storage.getItem(key(boardId)))
    return Number.isFinite(value) && value > 0 ? value : null
  } catch {
    // Blocked storage: everything counts as new, which is the safe side.
    return null
  }
}

function writeSeen(storage: Storage, boardId: string, at: number): void {
  try {
    storage.setItem(key(boardId), String(at))
  } catch {
    // Not remembering the visit only means more "nieuw" next time.
  }
}

/**
 * When this device last opened the comment overview of this board (server clock, as thread
 * times are), read once as the overview mounts; the visit is stored at the same moment.
 */
export function useLastSeen(boardId: string): number | null {
  const [seen] = useState(() => {
    const previous = readSeen(localStorage, boardId)
    writeSeen(localStorage, boardId, serverNow())
    return previous
  })
  return seen
}
