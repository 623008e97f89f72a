import { useBoardContext } from '../board/board-context'
import { useTemplateGuard } from './use-template-guard'

/** Renders nothing; mounted beside the canvas so the lock holds while the panel is closed. */
export function TemplateGuardMount() {
  const board = useBoardContext()
  useTemplateGuard(board.editor, board.facilitator)
  return null
}
