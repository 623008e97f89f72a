import { useEffect, useState } from 'react'
import { type BoardInfo, fetchBoardInfo } from '../api/boards-api'
import { ApiError } from '../api/http'

export type BoardInfoState =
  | { kind: 'loading' }
  | { kind: 'ready'; info: BoardInfo }
  | { kind: 'denied' }
  /** Offline or server trouble: the board still works from local data, without title or role. */
  | { kind: 'unavailable' }

/** The board's metadata for this link; a link without a token is denied without asking. */
export function useBoardInfo(boardId: string, token: string | null): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ kind: token ? 'loading' : 'denied' })
  useEffect(() => {
    if (!token) {
      setState({ kind: 'denied' })
      return
    }
    let active = true
    setState({ kind: 'loading' })
    fetchBoardInfo(boardId, token).then(
      (info) => active && setState({ kind: 'ready', info }),
      (error: unknown) => {
        if (!active) return
        const denied =
          error instanceof ApiError && (error.kind === 'unauthorized' || error.kind === 'not-found')
        setState({ kind: denied ? 'denied' : 'unavailable' })
      },
    )
    return () => {
      active = false
    }
  }, [boardId, token])
  return state
}
