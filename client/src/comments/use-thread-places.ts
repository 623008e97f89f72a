import { type CommentThread, commentTargetShapeId } from '@stip/board/doc-model'
import { useMemo } from 'react'
import { type Editor, type TLFrameShape, type TLShapeId, useValue } from 'tldraw'
import { isWerkvormFrame } from './comment-targets'

/** Where a board thread's shape is now: gone, or in which werkvorm (if any). */
export interface ThreadPlace {
  onBoard: boolean
  werkvormId: string | null
  werkvormName: string | null
}

function placeOf(editor: Editor, shapeId: string): ThreadPlace {
  const shape = editor.getShape(shapeId as TLShapeId)
  if (!shape) return { onBoard: false, werkvormId: null, werkvormName: null }
  const frame = (
    isWerkvormFrame(shape) ? shape : editor.findShapeAncestor(shape, isWerkvormFrame)
  ) as TLFrameShape | undefined
  return {
    onBoard: true,
    werkvormId: frame?.id ?? null,
    werkvormName: frame ? frame.props.name : null,
  }
}

/**
 * The place of each thread's note or werkvorm, read for those shapes only: a board has
 * thousands of notes and a handful of threads, so this never walks the page.
 */
export function useThreadPlaces(
  editor: Editor | null,
  threads: readonly CommentThread[],
): Map<string, ThreadPlace> {
  const ids = [
    ...new Set(
      threads
        .map((thread) => commentTargetShapeId(thread.target))
        .filter((id): id is string => id !== null),
    ),
  ].sort()
  // As a string, so a note moving inside its werkvorm does not re-render the overview.
  const json = useValue(
    'comment thread places',
    () => JSON.stringify(editor ? ids.map((id) => [id, placeOf(editor, id)]) : []),
    [editor, ids.join(' ')],
  )
  return useMemo(() => new Map<string, ThreadPlace>(JSON.parse(json)), [json])
}
