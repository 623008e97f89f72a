import { useEffect } from 'react'
import { useBoardContext } from '../board/board-context'
import { showAbcdStep } from './abcd-step'
import { useSessions } from './use-progress-doc'

const arrivedKey = (boardId: string) => `stip.followUpArrived.${boardId}`

function hasArrived(boardId: string): boolean {
  try {
    return localStorage.getItem(arrivedKey(boardId)) === '1'
  } catch {
    return false
  }
}

function markArrived(boardId: string): void {
  try {
    localStorage.setItem(arrivedKey(boardId), '1')
  } catch {
    // Without storage the board opens on the step again next time; nothing else changes.
  }
}

/**
 * Renders nothing. On a vervolgsessie's first opening in this browser, the camera goes to the
 * ABCD step the previous session stopped at; later openings keep the usual view.
 */
export function FollowUpArrival() {
  const { editor, boardId } = useBoardContext()
  const step = useSessions().previous?.abcdStep?.sectionKey ?? null
  useEffect(() => {
    if (!editor || !step || hasArrived(boardId)) return
    const arrive = () => {
      if (!showAbcdStep(editor, step, false)) return false
      markArrived(boardId)
      return true
    }
    if (arrive()) return
    // The werkvorm's records may still be on their way from the server.
    const stop = editor.store.listen(
      () => {
        if (arrive()) stop()
      },
      { scope: 'document' },
    )
    return stop
  }, [editor, step, boardId])
  return null
}
