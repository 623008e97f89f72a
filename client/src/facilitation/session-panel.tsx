import {
  parseAgenda,
  parsePresentation,
  parseSilentRound,
  writeFacilitator,
} from '@stip/board/doc-model'
import { listTemplateInstances } from '@stip/templates'
import { useId, useMemo, useState } from 'react'
import { useValue } from 'tldraw'
import { revealSilentRound } from '../api/sealed-api'
import { useBoardContext } from '../board/board-context'
import { templateShapesOf } from '../board/template-shapes'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { useSealedAccess } from '../board/use-sealed-access'
import { serverNow } from '../config/server-clock'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { newId } from '../identity/random-id'
import { isNote, noteAuthor } from '../notes/claim-note'
import { AgendaEditor } from './agenda-editor'
import { useFacilitatorUserId } from './facilitator-presence'
import { agendaAt, presentationOrder, startPresentation, stopPresentation } from './presentation'
import { templateOfFrame } from './presented-template'
import { TimerControls } from './timer-controls'

/** The Sessie tab: timer, view (iedereen naar mij, volg), presentation, stille ronde and agenda. */
export function SessionPanel() {
  return (
    <div className="panel-stack">
      <TimerControls />
      <ViewControls />
      <PresentationControls />
      <SilentRoundControls />
      <AgendaEditor />
    </div>
  )
}

function ViewControls() {
  const { t } = useI18n()
  const board = useBoardContext()
  const { editor } = board
  const id = useId()
  const [summoned, setSummoned] = useState(false)
  const facilitatorUser = useFacilitatorUserId(editor, board.connection.provider.awareness)
  const following = useValue(
    'stip following',
    () => editor?.getInstanceState().followingUserId ?? null,
    [editor],
  )

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('session.view')}</h3>
      {board.facilitator ? (
        <>
          <p className="hint">{t('session.summonHint')}</p>
          <div className="panel-actions">
            <button
              type="button"
              className="button primary small"
              disabled={!editor}
              onClick={() => {
                if (!editor) return
                const { x, y, w, h } = editor.getViewportPageBounds()
                writeFacilitator(board.connection.doc, 'summon', {
                  id: newId(),
                  userId: board.userId,
                  name: board.participant.name,
                  bounds: { x, y, w, h },
                  at: serverNow(),
                })
                setSummoned(true)
              }}
            >
              {t('session.summon')}
            </button>
          </div>
          {summoned ? (
            <p className="hint" role="status">
              {t('session.summonDone')}
            </p>
          ) : null}
        </>
      ) : (
        <div className="panel-actions">
          {following ? (
            <button
              type="button"
              className="button secondary small"
              onClick={() => editor?.stopFollowingUser()}
            >
              {t('session.stopFollow')}
            </button>
          ) : (
            <button
              type="button"
              className="button secondary small"
              disabled={!editor || !facilitatorUser}
              onClick={() => facilitatorUser && editor?.startFollowingUser(facilitatorUser)}
            >
              {t('session.follow')}
            </button>
          )}
          {facilitatorUser ? null : <p className="hint">{t('session.followAbsent')}</p>}
        </div>
      )}
    </section>
  )
}

/** Start and stop presentation mode; only the facilitator sees it (the strip shows the rest). */
function PresentationControls() {
  const { t } = useI18n()
  const board = useBoardContext()
  const { editor } = board
  const id = useId()
  const doc = board.connection.doc
  const presentation = useFacilitatorValue(doc, 'presentation', parsePresentation)
  const agenda = useFacilitatorValue(doc, 'agenda', parseAgenda)
  // A string compares by value, so moving a note does not re-render the panel.
  const werkvormen = useValue(
    'stip presentable werkvormen',
    () =>
      JSON.stringify(
        editor
          ? listTemplateInstances(templateShapesOf(editor)).map(({ frameId, templateId }) => ({
              frameId,
              templateId,
            }))
          : [],
      ),
    [editor],
  )
  const order = useMemo(
    () => presentationOrder(JSON.parse(werkvormen), agenda),
    [werkvormen, agenda],
  )
  if (!board.facilitator) return null
  const active = presentation?.active ? presentation : null
  const start = () => {
    const started = startPresentation(order, newId(), serverNow())
    if (!started) return
    writeFacilitator(doc, 'presentation', started)
    const movedAgenda = agendaAt(agenda, templateOfFrame(editor, started.frameIds[0]))
    if (movedAgenda) writeFacilitator(doc, 'agenda', movedAgenda)
  }

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('session.presentation')}</h3>
      <p className="hint">{t('session.presentationHint')}</p>
      <p className="hint">
        {order.length > 0
          ? fillTemplate(t('session.presentationCount'), { n: order.length })
          : t('session.presentationNone')}
      </p>
      <div className="panel-actions">
        {active ? (
          <button
            type="button"
            className="button secondary small"
            onClick={() => writeFacilitator(doc, 'presentation', stopPresentation(active))}
          >
            {t('session.presentationStop')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary small"
            disabled={order.length === 0}
            onClick={start}
          >
            {t('session.presentationStart')}
          </button>
        )}
      </div>
    </section>
  )
}

function SilentRoundControls() {
  const { t } = useI18n()
  const board = useBoardContext()
  const { editor } = board
  const id = useId()
  const doc = board.connection.doc
  const round = useFacilitatorValue(doc, 'silentRound', parseSilentRound)
  const active = round?.active ? round : null
  const access = useSealedAccess()
  const [error, setError] = useState<string | null>(null)
  // Others' notes never reach this browser before the reveal; one's own are counted here.
  const ownCount = useValue(
    'stip silent own',
    () =>
      editor && active
        ? editor
            .getCurrentPageShapes()
            .filter((shape) => isNote(shape) && noteAuthor(shape)?.silentRoundId === active.id)
            .length
        : 0,
    [editor, active?.id],
  )
  // The server puts every kept note on the board and ends the round in one change.
  const reveal = () => {
    setError(null)
    revealSilentRound(access).catch((reason: unknown) =>
      setError(String((reason as Error).message ?? reason)),
    )
  }

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('session.silent')}</h3>
      {active ? <p className="session-notice">{t('session.silentActive')}</p> : null}
      <p className="hint">{t('session.silentWarning')}</p>
      {active ? (
        <p className="hint" data-own-notes={ownCount}>
          {fillTemplate(t('session.silentOwnCount'), { n: ownCount })}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {fillTemplate(t('session.silentRevealFailed'), { reason: error })}
        </p>
      ) : null}
      {board.facilitator ? (
        <div className="panel-actions">
          {active ? (
            <button type="button" className="button primary small" onClick={reveal}>
              {t('session.silentReveal')}
            </button>
          ) : (
            <button
              type="button"
              className="button secondary small"
              onClick={() =>
                writeFacilitator(doc, 'silentRound', {
                  id: newId(),
                  active: true,
                  startedAt: serverNow(),
                })
              }
            >
              {t('session.silentStart')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  )
}
