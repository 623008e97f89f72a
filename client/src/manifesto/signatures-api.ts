import type { Signature } from '@stip/manifesto'
import { ApiError, apiJson, boardPath } from '../api/http'

export interface SignInput {
  signerName: string
  signerFunction: string
  /** The hash of the canonical text the signer saw; the server refuses it (409) if stale. */
  hash: string
}

/** Why signing failed, worded by the form: the text moved on, no right to sign, or other. */
export class SignError extends Error {
  constructor(
    readonly kind: 'changed' | 'forbidden' | 'failed',
    message: string,
  ) {
    super(message)
    this.name = 'SignError'
  }
}

/** `POST /api/boards/:id/signatures` with a signing link's token: 201 `{ signature }`. */
export async function signManifesto(
  boardId: string,
  token: string,
  input: SignInput,
  fetchImpl: typeof fetch = fetch,
): Promise<Signature> {
  try {
    const body = await apiJson<{ signature?: Signature }>(`${boardPath(boardId)}/signatures`, {
      method: 'POST',
      token,
      json: input,
      fetchImpl,
    })
    if (body.signature) return body.signature
    throw new SignError('failed', 'unexpected answer from /signatures')
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.kind === 'conflict') throw new SignError('changed', error.message)
    if (error.kind === 'unauthorized') throw new SignError('forbidden', error.message)
    throw new SignError('failed', error.message)
  }
}
