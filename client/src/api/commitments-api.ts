import type { Commitment, CommitmentStatus } from '@stip/board/doc-model'
import type { Role } from '@stip/protocol'
import { apiFetch, apiJson, boardPath } from './http'

/*
 * Commitments ("Voortgang") and the vervolgsessie (server/src/http/commitments-api.ts and
 * follow-up-api.ts). The server writes both into the board; these calls only ask it to.
 */

export interface CommitmentAccess {
  boardId: string
  token: string
}

const commitmentsUrl = (boardId: string) => `${boardPath(boardId)}/commitments`

/** Makes a note a commitment; the facilitator may name the organisation of a note without one. */
export async function makeCommitment(
  access: CommitmentAccess,
  input: { noteId: string; person?: string; due?: string | null; organisation?: string },
): Promise<Commitment> {
  const body = await apiJson<{ commitment: Commitment }>(commitmentsUrl(access.boardId), {
    token: access.token,
    method: 'POST',
    json: input,
  })
  return body.commitment
}

export interface CommitmentChange {
  status?: CommitmentStatus
  person?: string
  due?: string | null
}

/** Changes a commitment; only its organisation and the facilitator may (403 otherwise). */
export async function changeCommitment(
  access: CommitmentAccess,
  commitmentId: string,
  change: CommitmentChange,
): Promise<Commitment> {
  const url = `${commitmentsUrl(access.boardId)}/${encodeURIComponent(commitmentId)}`
  const body = await apiJson<{ commitment: Commitment }>(url, {
    token: access.token,
    method: 'PATCH',
    json: change,
  })
  return body.commitment
}

/** The facilitator takes a commitment back. */
export async function removeCommitment(
  access: CommitmentAccess,
  commitmentId: string,
): Promise<void> {
  const url = `${commitmentsUrl(access.boardId)}/${encodeURIComponent(commitmentId)}`
  await apiFetch(url, { token: access.token, method: 'DELETE' })
}

export interface FollowUpBoard {
  id: string
  title: string
  links: Record<Role, string>
}

/** The facilitator starts a vervolgsessie; the answer carries the new board's links. */
export function startFollowUp(
  access: CommitmentAccess,
  input: { title?: string; locale: 'nl' | 'en' },
): Promise<FollowUpBoard> {
  return apiJson<FollowUpBoard>(`${boardPath(access.boardId)}/follow-up`, {
    token: access.token,
    method: 'POST',
    json: input,
  })
}
