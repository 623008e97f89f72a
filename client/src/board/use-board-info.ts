import { useEffect, useState } from 'react'
import { BoardApiError, type BoardInfo, fetchBoardInfo } from '../api/boards-api'

export type BoardInfoState =
  | { kind: 'loading' }
  | { kind: 'ready'; info: BoardInfo }
  | { kind: 'denied' }
  /** Offline or server trouble: the board still works from local data, without title or role. */
  | { kind: 'unavailable' }

export function useBoardInfo(boardId: string, token: string): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ kind: 'loading' })
  useEffect(() => {
    let active = true
    setState({ kind: 'loading' })
    fetchBoardInfo(boardId, token).then(
      (info) => active && setState({ kind: 'ready', info }),
      (error: unknown) => {
        if (!active) return
        const denied = error instanceof BoardApiError && error.kind !== 'failed'
        setState({ kind: denied ? 'denied' : 'unavailable' })
      },
    )
    return () => {
      active = false
    }
  }, [boardId, token])
  return state
}
