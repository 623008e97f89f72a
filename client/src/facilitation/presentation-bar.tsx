import { type PresentationState, parseAgenda, writeFacilitator } from '@stip/board/doc-model'
import { useEffect, useRef } from 'react'
import { type TLShapeId, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { agendaAt, stepForKey, stepPresentation, stopPresentation } from './presentation'
import { templateOfFrame } from './presented-template'
import type { PresentationView } from './use-presentation'

/** Whether a key press is someone typing (a field, a note being edited), not a command. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || Boolean(target.closest('input, textarea, select'))
}

/**
 * The strip's presentation controls: the facilitator steps (buttons, ←/→, PageUp/PageDown),
 * everyone else sees who presents and may look around on their own.
 */
export function PresentationBar({
  presentation,
  view,
}: {
  presentation: PresentationState
  view: PresentationView
}) {
  const board = useBoardContext()
  const { t } = useI18n()
  const { editor } = board
  const doc = board.connection.doc
  const bar = useRef<HTMLFieldSetElement>(null)
  const frameId = presentation.frameIds[presentation.index]
  const name = useValue('stip presented werkvorm', () => {
    const shape = frameId && editor?.getShape(frameId as TLShapeId)
    return shape && 'name' in shape.props && typeof shape.props.name === 'string'
      ? shape.props.name
      : ''
  }, [editor, frameId])
  const agenda = useFacilitatorValue(doc, 'agenda', parseAgenda)
  const latest = useRef(presentation)
  latest.current = presentation
  const step = (by: -1 | 1) => {
    const next = stepPresentation(latest.current, by)
    if (next === latest.current) return
    writeFacilitator(doc, 'presentation', next)
    // Presenting a werkvorm the agenda names moves the agenda to that step as well.
    const movedAgenda = agendaAt(agenda, templateOfFrame(editor, next.frameIds[next.index]))
    if (movedAgenda) writeFacilitator(doc, 'agenda', movedAgenda)
  }
  const stepRef = useRef(step)
  stepRef.current = step

  // Keys only while the canvas or this bar has the focus: a panel's keys stay its own.
  useEffect(() => {
    if (!board.facilitator || !editor) return
    const onKey = (event: KeyboardEvent) => {
      const by = stepForKey(event.key)
      if (by === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const inBar = event.target instanceof Node && bar.current?.contains(event.target)
      const onCanvas =
        editor.getInstanceState().isFocused &&
        editor.getEditingShapeId() === null &&
        !isTyping(event.target)
      if (!inBar && !onCanvas) return
      // Before tldraw sees it: during a presentation the arrows step, they do not nudge.
      event.preventDefault()
      event.stopPropagation()
      stepRef.current(by)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [board.facilitator, editor])

  const position = fillTemplate(t('session.presentationPosition'), {
    n: presentation.index + 1,
    total: presentation.frameIds.length,
    name,
  })
  const last = presentation.frameIds.length - 1

  return (
    <fieldset ref={bar} className="presentation-bar" aria-label={t('session.presentationBar')}>
      {board.facilitator ? (
        <>
          <button
            type="button"
            className="button secondary small"
            disabled={presentation.index === 0}
            onClick={() => step(-1)}
          >
            ← {t('session.presentationPrevious')}
          </button>
          <span className="presentation-position" aria-live="polite">
            {position}
          </span>
          <button
            type="button"
            className="button primary small"
            disabled={presentation.index === last}
            onClick={() => step(1)}
          >
            {t('session.presentationNext')} →
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() => writeFacilitator(doc, 'presentation', stopPresentation(latest.current))}
          >
            {t('session.presentationEnd')}
          </button>
        </>
      ) : (
        <>
          <span className="presentation-position" aria-live="polite">
            <strong>{t('session.presentationPresenting')}</strong> · {position}
          </span>
          {view.following ? (
            <button
              type="button"
              className="button secondary small"
              onClick={() => view.setFollowing(false)}
            >
              {t('session.presentationLookAround')}
            </button>
          ) : (
            <button
              type="button"
              className="button primary small"
              onClick={() => view.setFollowing(true)}
            >
              {t('session.presentationFollowAgain')}
            </button>
          )}
        </>
      )}
    </fieldset>
  )
}
