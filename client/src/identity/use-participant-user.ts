import { useEffect, useState } from 'react'
import { atom, type Signal, type TLUser } from 'tldraw'
import type { Participant } from './participant'
import { participantToUser } from './participant-user'

/**
 * A stable signal of the participant as tldraw user: the store and presence are created once
 * with it, and a later name or organisation change flows through without rebuilding them.
 */
export function useParticipantUser(userId: string, participant: Participant): Signal<TLUser> {
  const [user] = useState(() => atom('stip participant', participantToUser(userId, participant)))
  useEffect(() => {
    user.set(participantToUser(userId, participant))
  }, [user, userId, participant])
  return user
}
