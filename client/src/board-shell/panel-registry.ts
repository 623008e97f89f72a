import type { ComponentType } from 'react'
import { ArrangePanel } from '../arrange/arrange-panel'
import type { BoardContextValue } from '../board/board-context'
import { CommentsPanel } from '../comments/comments-panel'
import { OpenCommentsBadge } from '../comments/open-comments-badge'
import { SessionPanel } from '../facilitation/session-panel'
import { ParticipantsPanel } from '../heard/participants-panel'
import type { MessageKey } from '../i18n/messages'
import { ManifestoPanel } from '../manifesto/manifesto-panel'
import { OpenAmendmentsBadge } from '../manifesto/open-amendments-badge'
import { ProgressPanel } from '../progress/progress-panel'
import { SearchPanel } from '../search/search-panel'
import { VersionsPanel } from '../versions/versions-panel'
import { VotingPanel } from '../voting/voting-panel'
import { WerkvormenPanel } from '../werkvormen/werkvormen-panel'

/** One tab of the board's side panel (werkvormen, stemmen, manifest, wie wordt gehoord, …). */
export interface BoardPanel {
  id: string
  labelKey: MessageKey
  Panel: ComponentType
  /**
   * The panel starts with its own h2; the others get the tab's name as an (unseen) h2, so their
   * h3 sections follow the page's h1 in order.
   */
  ownHeading?: boolean
  /** A small count beside the tab's name (what waits there), or nothing. */
  Badge?: ComponentType
  /** Hide the tab for some participants, e.g. facilitator-only tools. */
  isAvailable?(board: BoardContextValue): boolean
}

/** The panels in tab order; each feature adds its own entry (one line each). */
export const boardPanels: readonly BoardPanel[] = [
  { id: 'werkvormen', labelKey: 'werkvormen.tab', Panel: WerkvormenPanel, ownHeading: true },
  { id: 'session', labelKey: 'session.tab', Panel: SessionPanel },
  {
    id: 'arrange',
    labelKey: 'arrange.tab',
    Panel: ArrangePanel,
    isAvailable: (board) => !board.readOnly,
  },
  { id: 'voting', labelKey: 'voting.tab', Panel: VotingPanel },
  {
    id: 'manifesto',
    labelKey: 'manifesto.tab',
    Panel: ManifestoPanel,
    ownHeading: true,
    Badge: OpenAmendmentsBadge,
  },
  {
    id: 'comments',
    labelKey: 'comments.tab',
    Panel: CommentsPanel,
    ownHeading: true,
    Badge: OpenCommentsBadge,
  },
  { id: 'progress', labelKey: 'progress.tab', Panel: ProgressPanel },
  { id: 'participants', labelKey: 'participants.tab', Panel: ParticipantsPanel },
  { id: 'versions', labelKey: 'versions.tab', Panel: VersionsPanel },
  { id: 'search', labelKey: 'search.tab', Panel: SearchPanel },
]
