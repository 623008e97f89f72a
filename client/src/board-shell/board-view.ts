import { useCallback, useState } from 'react'

/** How the board shows: the tldraw canvas, or the list view (list-view/). */
export type BoardView = 'board' | 'list'

const KEY = 'stip.boardView'

/** The view this browser chose last, on any board: a person who needs the list needs it everywhere. */
function rememberedView(): BoardView {
  try {
    return localStorage.getItem(KEY) === 'list' ? 'list' : 'board'
  } catch {
    return 'board'
  }
}

/** The board's view, remembered in this browser. */
export function useBoardView(): [BoardView, (view: BoardView) => void] {
  const [view, setView] = useState(rememberedView)
  const choose = useCallback((next: BoardView) => {
    setView(next)
    try {
      localStorage.setItem(KEY, next)
    } catch {
      // Without storage the choice lasts until the page closes.
    }
  }, [])
  return [view, choose]
}
