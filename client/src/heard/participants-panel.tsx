import { useMemo } from 'react'
import { useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { legendOrganisations, OrganisationLegend } from '../notes/organisation-legend'
import { useBoardNotes } from '../notes/use-board-notes'
import { HeardTable } from './heard-table'

/** The Deelnemers tab: who is who by colour, filter and highlight, and who is heard. */
export function ParticipantsPanel() {
  const board = useBoardContext()
  const { editor } = board
  const notes = useBoardNotes(editor)
  // Everyone on the board now counts too: a partner that joined but wrote nothing stands out.
  const presentJson = useValue(
    'stip present organisations',
    () =>
      JSON.stringify(
        (editor?.getCollaborators() ?? [])
          .map((presence) => presence.meta.organisation)
          .filter((name): name is string => typeof name === 'string'),
      ),
    [editor],
  )
  const present = useMemo(
    () => [board.participant.organisation, ...(JSON.parse(presentJson) as string[])],
    [board.participant.organisation, presentJson],
  )
  const organisations = legendOrganisations(board.organisations, notes, present).map(
    (org) => org.name,
  )
  return (
    <div className="panel-stack">
      <OrganisationLegend notes={notes} present={present} />
      <HeardTable notes={notes} organisations={organisations} />
    </div>
  )
}
