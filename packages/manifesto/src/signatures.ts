import { getSignatures } from '@stip/board/doc-layout'
import { diffWordsWithSpace } from 'diff'
import type * as Y from 'yjs'
import { readableManifestoText } from './readable-text'

/** One organisation's consent to one exact text; written into the doc only by the server. */
export interface Signature {
  organisationId: string
  organisationName: string
  signerName: string
  signerFunction: string
  signedAt: number
  hash: string
  /** The canonical text that was signed. */
  text: string
}

export interface TextChange {
  added?: boolean
  removed?: boolean
  value: string
}

export type SignatureStatus = { kind: 'current' } | { kind: 'stale'; changes: TextChange[] }

const stringFields = [
  'organisationId',
  'organisationName',
  'signerName',
  'signerFunction',
  'hash',
  'text',
] as const

function isSignature(value: unknown): value is Signature {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    stringFields.every((field) => typeof record[field] === 'string') &&
    typeof record.signedAt === 'number'
  )
}

/** The signatures in the doc, oldest first; malformed entries are skipped, never thrown on. */
export function readSignatures(doc: Y.Doc): Signature[] {
  const signatures: Signature[] = []
  for (const value of getSignatures(doc).values()) {
    if (isSignature(value)) signatures.push(value)
  }
  return signatures.sort((a, b) => a.signedAt - b.signedAt)
}

/**
 * Whether a signature covers the current text. A stale one carries a word diff from the text
 * that was signed to the text as it is now, so a signer sees exactly what changed since; the
 * diff is of the text as people read it, not of its Markdown.
 */
export function signatureStatus(
  signature: Signature,
  currentText: string,
  currentHash: string,
): SignatureStatus {
  if (signature.hash === currentHash) return { kind: 'current' }
  const before = readableManifestoText(signature.text)
  const after = readableManifestoText(currentText)
  const changes = diffWordsWithSpace(before, after).map((change) => {
    const out: TextChange = { value: change.value }
    if (change.added) out.added = true
    if (change.removed) out.removed = true
    return out
  })
  return { kind: 'stale', changes }
}
