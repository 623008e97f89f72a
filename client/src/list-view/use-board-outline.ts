import { useMemo } from 'react'
import { type Editor, useValue } from 'tldraw'
import { type BoardOutline, readBoardOutline } from './read-board-outline'

const EMPTY: BoardOutline = { werkvormen: [], others: [] }

/**
 * The board's outline, kept up to date. Compared as JSON so a drag that changes no order does
 * not re-render the list (and take a half-typed note's focus along) on every frame.
 */
export function useBoardOutline(editor: Editor | null): BoardOutline {
  const json = useValue(
    'stip board outline',
    () => JSON.stringify(editor ? readBoardOutline(editor) : EMPTY),
    [editor],
  )
  return useMemo(() => JSON.parse(json) as BoardOutline, [json])
}
