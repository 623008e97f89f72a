import { useEffect, useState } from 'react'
import type { BoardConnection } from './board-connection'
import type { ConnectionStatus } from './connection-status'
import { acquireBoardConnection } from './shared-board-connection'

export interface BoardConnectionState {
  /** Set once the doc is loaded (IndexedDB + first sync or timeout); null before. */
  connection: BoardConnection | null
  status: ConnectionStatus
}

/** Thin React wrapper: the board's shared connection, let go on unmount. */
export function useBoardConnection(boardId: string, token: string | null): BoardConnectionState {
  const [state, setState] = useState<BoardConnectionState>({
    connection: null,
    status: 'connecting',
  })

  useEffect(() => {
    const { connection, release } = acquireBoardConnection(boardId, token)
    let active = true
    setState({ connection: null, status: connection.getStatus() })
    const stopStatus = connection.onStatus((status) => setState((prev) => ({ ...prev, status })))
    void connection.ready.then(() => {
      if (active) setState({ connection, status: connection.getStatus() })
    })
    return () => {
      active = false
      stopStatus()
      release()
    }
  }, [boardId, token])

  return state
}
