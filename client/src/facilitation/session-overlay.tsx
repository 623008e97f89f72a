import { useMemo } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { noteColourFor } from '../notes/note-color'
import { useNoteOwnership, useOrganisationColours } from '../notes/use-note-ownership'
import './facilitation.css'
import {
  parseAgenda,
  parsePresentation,
  parseSilentRound,
  parseSummon,
  parseTimer,
  type TimerState,
} from '@stip/board/doc-model'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { fillTemplate } from '../i18n/fill-template'
import { useAnnounceFacilitator } from './facilitator-presence'
import { PresentationBar } from './presentation-bar'
import { TimerDisplay } from './timer-display'
import { usePresentation } from './use-presentation'
import { useSummon } from './use-summon'

/** The step chip already names the step; the timer beside it need not say it again. */
function withoutRepeatedLabel(timer: TimerState, stepTitle: string | undefined): TimerState {
  if (!timer.label || timer.label !== stepTitle) return timer
  const { label: _label, ...rest } = timer
  return rest
}

/**
 * Above the canvas, for everyone and whether or not the side panel is open: the timer, the
 * current agenda step and the silent-round notice. It also runs what must work while the
 * panels are closed: note ownership, the silent-round view, "iedereen naar mij" and following
 * a presentation.
 */
export function SessionOverlay() {
  const board = useBoardContext()
  const { t } = useI18n()
  const doc = board.connection.doc
  const timer = useFacilitatorValue(doc, 'timer', parseTimer)
  const round = useFacilitatorValue(doc, 'silentRound', parseSilentRound)
  const summon = useFacilitatorValue(doc, 'summon', parseSummon)
  const agenda = useFacilitatorValue(doc, 'agenda', parseAgenda)
  const presentation = useFacilitatorValue(doc, 'presentation', parsePresentation)
  const silentRoundId = round?.active ? round.id : null
  const owner = useMemo(
    () => ({
      userId: board.userId,
      name: board.participant.name,
      organisation: board.participant.organisation,
      colour: noteColourFor(board.color),
      silentRoundId,
    }),
    [board.userId, board.participant, board.color, silentRoundId],
  )
  useNoteOwnership(board.editor, owner)
  useOrganisationColours(board.editor, board.organisations)
  useAnnounceFacilitator(board.connection.provider.awareness, board.facilitator)
  const summonedBy = useSummon(board.editor, summon, board.userId)
  const presentationView = usePresentation(board.editor, presentation)
  const presenting = presentation?.active ? presentation : null
  const step = agenda?.steps.find((candidate) => candidate.id === agenda.currentStepId)

  if (!timer && !silentRoundId && !summonedBy && !step && !presenting) return null
  return (
    <section className="session-overlay" aria-label={t('session.overlay')}>
      {presenting ? <PresentationBar presentation={presenting} view={presentationView} /> : null}
      {step || timer ? (
        <div className="session-overlay-row">
          {step ? (
            <span className="session-step">
              {fillTemplate(t('session.agendaStepNow'), { title: step.title })}
            </span>
          ) : null}
          {timer ? (
            <TimerDisplay timer={withoutRepeatedLabel(timer, step?.title)} announce />
          ) : null}
        </div>
      ) : null}
      {silentRoundId ? (
        <p className="session-banner">
          <strong>{t('session.silentActive')}</strong>{' '}
          <span className="session-banner-detail">{t('session.silentWarning')}</span>
        </p>
      ) : null}
      {summonedBy ? (
        <p className="session-banner" role="status">
          {fillTemplate(t('session.summoned'), { name: summonedBy })}
        </p>
      ) : null}
    </section>
  )
}
