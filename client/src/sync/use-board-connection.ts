import { useEffect, useState } from 'react'
import type { BoardConnection } from './board-connection'
import type { ConnectionStatus } from './connection-status'
import { acquireBoardConnection, type RecoveryNotice } from './shared-board-connection'

export interface BoardConnectionState {
  /** Set once the doc is loaded (IndexedDB + first sync or timeout); null before. */
  connection: BoardConnection | null
  status: ConnectionStatus
  /** Set when the server refused this browser's copy and the board was loaded afresh. */
  notice: RecoveryNotice | null
}

/** Thin React wrapper: the board's shared connection, let go on unmount. */
export function useBoardConnection(boardId: string, token: string | null): BoardConnectionState {
  const [state, setState] = useState<BoardConnectionState>({
    connection: null,
    status: 'connecting',
    notice: null,
  })
  useEffect(() => {
    const held = acquireBoardConnection(boardId, token)
    let active = true
    let stopStatus = () => {}
    let current: BoardConnection | null = null
    const follow = (connection: BoardConnection, notice: RecoveryNotice | null) => {
      current = connection
      stopStatus()
      setState((prev) => ({
        connection: null,
        status: connection.getStatus(),
        notice: notice ?? prev.notice,
      }))
      stopStatus = connection.onStatus((status) => setState((prev) => ({ ...prev, status })))
      void connection.ready.then(() => {
        if (active && current === connection)
          setState((prev) => ({ ...prev, connection, status: connection.getStatus() }))
      })
    }
    follow(held.connection, held.notice)
    const stopReplaced = held.onReplaced(follow)
    return () => {
      active = false
      stopStatus()
      stopReplaced()
      held.release()
    }
  }, [boardId, token])
  return state
}
