import { createUserId, type TLUser, UserRecordType } from 'tldraw'
import { organisationColor } from './organisation-color'
import type { Participant } from './participant'

/** The label others see next to this participant's cursor. */
export function participantLabel(participant: Participant): string {
  return `${participant.name} · ${participant.organisation}`
}

/** tldraw's user record for a participant: drives cursor name, colour and shape attribution. */
export function participantToUser(userId: string, participant: Participant): TLUser {
  return UserRecordType.create({
    id: createUserId(userId),
    name: participantLabel(participant),
    color: organisationColor(participant.organisation),
    meta: { organisation: participant.organisation, role: participant.role },
  })
}
