import type { BoardOrganisation } from '../api/boards-api'
import { organisationColor } from '../identity/organisation-color'

const normalised = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ')

/** The board's organisation with this name (ignoring case and spacing), if the board has one. */
export function findBoardOrganisation(
  name: string,
  organisations: readonly BoardOrganisation[],
): BoardOrganisation | undefined {
  const key = normalised(name)
  return organisations.find((organisation) => normalised(organisation.name) === key)
}

/**
 * A participant's colour: the one the facilitator gave their organisation on this board, or,
 * on a board without that organisation, the colour its name always gets.
 */
export function colorInBoard(name: string, organisations: readonly BoardOrganisation[]): string {
  return findBoardOrganisation(name, organisations)?.color ?? organisationColor(name)
}
