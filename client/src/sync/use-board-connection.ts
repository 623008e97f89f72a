import { WS_PATH } from '@stip/protocol'
import { useEffect, useState } from 'react'
import { type BoardConnection, createBoardConnection, sameOriginWsBase } from './board-connection'
import type { ConnectionStatus } from './connection-status'

export interface BoardConnectionState {
  /** Set once the doc is loaded (IndexedDB + first sync or timeout); null before. */
  connection: BoardConnection | null
  status: ConnectionStatus
}

/** Thin React wrapper: one BoardConnection per board id, destroyed on unmount. */
export function useBoardConnection(boardId: string, token: string | null): BoardConnectionState {
  const [state, setState] = useState<BoardConnectionState>({
    connection: null,
    status: 'connecting',
  })

  useEffect(() => {
    const connection = createBoardConnection({
      boardId,
      token,
      wsBase: sameOriginWsBase(window.location, WS_PATH),
    })
    let active = true
    setState({ connection: null, status: connection.getStatus() })
    const stopStatus = connection.onStatus((status) => setState((prev) => ({ ...prev, status })))
    void connection.ready.then(() => {
      if (active) setState({ connection, status: connection.getStatus() })
    })
    return () => {
      active = false
      stopStatus()
      connection.destroy()
    }
  }, [boardId, token])

  return state
}
