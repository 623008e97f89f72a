import { createUserId, type TLUser, UserRecordType } from 'tldraw'
import { organisationColor } from './organisation-color'
import type { Participant } from './participant'

/** The label others see next to this participant's cursor. */
export function participantLabel(participant: Participant): string {
  return `${participant.name} · ${participant.organisation}`
}

/**
 * tldraw's user record for a participant: drives cursor name, colour and shape attribution.
 * `color` is the organisation's colour on the board when it has one.
 */
export function participantToUser(
  userId: string,
  participant: Participant,
  color: string = organisationColor(participant.organisation),
): TLUser {
  return UserRecordType.create({
    id: createUserId(userId),
    name: participantLabel(participant),
    color,
    meta: { organisation: participant.organisation, role: participant.role },
  })
}
