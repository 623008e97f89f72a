import { useEffect, useState } from 'react'
import { atom, type Signal, type TLUser } from 'tldraw'
import type { Participant } from './participant'
import { participantToUser } from './participant-user'

/**
 * A stable signal of the participant as tldraw user: the store and presence are created once
 * with it, and a later name or organisation change flows through without rebuilding them.
 */
export function useParticipantUser(
  userId: string,
  participant: Participant,
  /** The organisation's colour on this board; undefined falls back to the name's colour. */
  color?: string,
): Signal<TLUser> {
  const [user] = useState(() =>
    atom('stip participant', participantToUser(userId, participant, color)),
  )
  useEffect(() => {
    user.set(participantToUser(userId, participant, color))
  }, [user, userId, participant, color])
  return user
}
