import type { Amendment, AmendmentStance } from '@stip/board/doc-model'
import type { PassageSelection } from '@stip/manifesto'
import { apiJson, boardPath } from '../api/http'

/*
 * Amendments to the manifesto go through the server (server/src/http/amendments-api.ts): it
 * checks who may propose, answer and decide, and writes the board's `amendments` map, which
 * no client may write. The board then shows the result over the ordinary sync.
 */

export interface AmendmentAccess {
  boardId: string
  token: string
}

export interface ProposalInput {
  /** The organisation spoken for; a signing link's own organisation always wins. */
  organisation: string
  name: string
  passage: PassageSelection & { text: string }
  replacement: string
  reason: string
}

const base = (access: AmendmentAccess) => `${boardPath(access.boardId)}/amendments`

export async function proposeAmendment(
  access: AmendmentAccess,
  input: ProposalInput,
): Promise<Amendment> {
  const body = await apiJson<{ amendment: Amendment }>(base(access), {
    method: 'POST',
    token: access.token,
    json: input,
  })
  return body.amendment
}

export async function respondToAmendment(
  access: AmendmentAccess,
  amendmentId: string,
  input: { organisation: string; name: string; stance: AmendmentStance; reason: string },
): Promise<void> {
  await apiJson(`${base(access)}/${encodeURIComponent(amendmentId)}/responses`, {
    method: 'POST',
    token: access.token,
    json: input,
  })
}

export async function decideAmendment(
  access: AmendmentAccess,
  amendmentId: string,
  decision: 'accepted' | 'rejected',
  note: string,
): Promise<void> {
  await apiJson(`${base(access)}/${encodeURIComponent(amendmentId)}/decision`, {
    method: 'POST',
    token: access.token,
    json: { decision, note },
  })
}
