import { useMemo } from 'react'
import type { SealedAccess } from '../api/sealed-api'
import { participantSecret } from '../identity/participant-secret'
import { useBoardContext } from './board-context'

/** The link's token and this browser's secret, for what the server keeps per person. */
export function useSealedAccess(): SealedAccess {
  const { boardId, token } = useBoardContext()
  return useMemo(() => ({ boardId, token, secret: participantSecret(boardId) }), [boardId, token])
}
