import type { Role } from '@stip/protocol'
import { createContext, useContext } from 'react'
import type { Editor } from 'tldraw'
import type { BoardOrganisation } from '../api/boards-api'
import type { Participant } from '../identity/participant'
import type { BoardConnection } from '../sync/board-connection'

/** What every board panel may use: who you are, the shared doc, the editor once mounted. */
export interface BoardContextValue {
  boardId: string
  /** The token of the link this board was opened with; board API calls send it. */
  token: string
  /** null while offline before the server told us. */
  role: Role | null
  readOnly: boolean
  facilitator: boolean
  connection: BoardConnection
  /** null until tldraw has mounted. */
  editor: Editor | null
  userId: string
  participant: Participant
  /** The participant's organisation colour on this board. */
  color: string
  organisations: BoardOrganisation[]
  /** Shows one side-panel tab (see panel-registry.ts), then focuses `focus` inside it if given. */
  openPanel(panelId: string, focus?: string): void
  /** Hides the side panel and gives the keys back to the canvas (Escape in a panel). */
  closePanels(): void
}

const BoardContext = createContext<BoardContextValue | null>(null)

export const BoardContextProvider = BoardContext.Provider

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoardContext needs a BoardContextProvider above it')
  return value
}
