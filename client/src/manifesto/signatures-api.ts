import type { Signature } from '@stip/manifesto'

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
  let response: Response
  try {
    response = await fetchImpl(`/api/boards/${encodeURIComponent(boardId)}/signatures`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(input),
    })
  } catch (error) {
    throw new SignError('failed', String(error))
  }
  const body = (await response.json().catch(() => null)) as {
    error?: unknown
    signature?: Signature
  } | null
  if (response.status === 201 && body?.signature) return body.signature
  const message = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`
  if (response.status === 409) throw new SignError('changed', message)
  if (response.status === 401 || response.status === 403) throw new SignError('forbidden', message)
  throw new SignError('failed', message)
}
