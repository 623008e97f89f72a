import { useEffect, useState } from 'react'
import { type BoardInfo, fetchBoardInfo } from '../api/boards-api'

export type SignsFor = NonNullable<BoardInfo['signsFor']>

/**
 * The organisation this link may sign for, asked of the server (it alone knows which links
 * are signing links). null for every other link, and while offline.
 */
export function useSignsFor(boardId: string, token: string): SignsFor | null {
  const [signsFor, setSignsFor] = useState<SignsFor | null>(null)
  useEffect(() => {
    let active = true
    fetchBoardInfo(boardId, token).then(
      (info) => active && setSignsFor(info.signsFor ?? null),
      // Without an answer there is nothing to sign with: the server would refuse it anyway.
      () => active && setSignsFor(null),
    )
    return () => {
      active = false
    }
  }, [boardId, token])
  return signsFor
}
