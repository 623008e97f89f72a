import { createHash } from 'node:crypto'
import { httpError } from '../http/http-error'

/** The header a browser sends its own secret in, for what the server keeps per person. */
export const PARTICIPANT_HEADER = 'stip-participant'

const SECRET_SHAPE = /^[A-Za-z0-9_-]{22,128}$/

/**
 * Who is voting or writing in silence, without saying who: the SHA-256 of the board id and
 * a secret only that browser holds. Only the holder can read or change what is stored under
 * it, and the same secret gives unrelated hashes on two boards. Share links are shared by a
 * whole organisation, so the link's token cannot tell two people apart.
 */
export function participantHash(boardId: string, secret: string | undefined): string {
  if (!secret || !SECRET_SHAPE.test(secret)) {
    throw httpError(400, `the ${PARTICIPANT_HEADER} header must hold this browser's secret`)
  }
  return createHash('sha256').update(`${boardId}:${secret}`, 'utf8').digest('hex')
}
