import type { CommentAuthor } from '@stip/board/doc-model'
import type { Role } from '@stip/protocol'
import { httpError } from '../http/http-error'
import type { BoardRecord } from '../store/board-store'

/** What the facilitator is called when speaking for no organisation of the board. */
export const FACILITATOR_AUTHOR = 'Facilitator'

/** Who asks, as the link and the person tell it. */
export interface CommentCaller {
  role: Role
  /** The organisation a signing link was issued for; it cannot speak for any other. */
  signsFor: { organisationId: string } | undefined
  /** What the person chose on joining (`Stip-Participant-Organisation`), if sent. */
  declaredOrganisation: string | null
}

const normalised = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')

/**
 * The author of a comment (SPEC C2). A signing link is its own organisation; the facilitator is
 * one of the board's organisations when naming one, else "Facilitator"; an editor must name one
 * of the board's organisations, unless the board has none, when their own words stand, as on a
 * note. The editor's claim is as trusted as the organisation they chose on joining.
 */
export function commentAuthor(
  board: BoardRecord,
  caller: CommentCaller,
  name: string,
  named: string | undefined,
): CommentAuthor {
  if (caller.signsFor) {
    const { organisationId } = caller.signsFor
    const own = board.organisations.find((o) => o.id === organisationId)
    return { name, organisation: own?.name ?? organisationId }
  }
  const wanted = named ?? caller.declaredOrganisation ?? undefined
  const found =
    wanted === undefined
      ? undefined
      : board.organisations.find(
          (o) => o.id === wanted || normalised(o.name) === normalised(wanted),
        )
  if (found) return { name, organisation: found.name }
  if (caller.role === 'facilitator') return { name, organisation: FACILITATOR_AUTHOR }
  if (wanted === undefined) {
    throw httpError(400, 'organisation: name the organisation you speak for')
  }
  if (board.organisations.length > 0) {
    throw httpError(400, `organisation: the board has no organisation "${wanted}"`)
  }
  return { name, organisation: wanted.trim().slice(0, 80) }
}
