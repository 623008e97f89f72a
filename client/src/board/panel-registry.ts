import type { ComponentType } from 'react'
import type { MessageKey } from '../i18n/messages'
import type { BoardContextValue } from './board-context'

/** One tab of the board's side panel (werkvormen, stemmen, manifest, wie wordt gehoord, …). */
export interface BoardPanel {
  id: string
  labelKey: MessageKey
  Panel: ComponentType
  /** Hide the tab for some participants, e.g. facilitator-only tools. */
  isAvailable?(board: BoardContextValue): boolean
}

/** The panels in tab order; each feature adds its own entry (one line each). */
export const boardPanels: readonly BoardPanel[] = []
