import { useId } from 'react'
import { type TLShapeId, useValue } from 'tldraw'
import type { BoardOrganisation } from '../api/boards-api'
import { useBoardContext } from '../board/board-context'
import { colorInBoard } from '../board/organisation-in-board'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { noteColourFor, TLDRAW_NOTE_COLOURS } from './note-color'
import { normaliseOrganisation, noteViewOf, updateNoteView } from './note-view'
import type { BoardNote } from './use-board-notes'

/**
 * The board's organisations, then any other that is present or wrote a note, each with its
 * colour on this board.
 */
export function legendOrganisations(
  organisations: readonly BoardOrganisation[],
  notes: readonly BoardNote[],
  present: readonly string[] = [],
): { name: string; color: string }[] {
  const seen = new Map<string, { name: string; color: string }>()
  const add = (name: string) => {
    const key = normaliseOrganisation(name)
    if (key && !seen.has(key)) seen.set(key, { name, color: colorInBoard(name, organisations) })
  }
  for (const organisation of organisations) add(organisation.name)
  for (const name of present) add(name)
  for (const note of notes) if (note.organisation) add(note.organisation)
  return [...seen.values()]
}

/** Who is who by colour, with "only this organisation" and "highlight" per organisation. */
export function OrganisationLegend({ notes, present }: { notes: BoardNote[]; present: string[] }) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const { editor } = board
  const id = useId()
  const filter = useValue(
    'stip organisation filter',
    () => (editor ? noteViewOf(editor).get().organisationFilter : null),
    [editor],
  )
  const organisations = legendOrganisations(board.organisations, notes, present)
  const notesOf = (name: string) =>
    notes.filter(
      (note) =>
        !note.promotedCopy &&
        note.organisation &&
        normaliseOrganisation(note.organisation) === normaliseOrganisation(name),
    )
  const filtered = organisations.find((org) => normaliseOrganisation(org.name) === filter)

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('participants.legend')}</h3>
      <p className="hint">{t('participants.legendHint')}</p>
      {organisations.length === 0 ? (
        <p className="muted">{t('participants.noOrganisations')}</p>
      ) : null}
      {filtered ? (
        <p className="session-notice" role="status">
          {fillTemplate(t('participants.filtering'), { organisation: filtered.name })}
        </p>
      ) : null}
      <ul className="legend-list">
        {organisations.map((org) => {
          const noteColour = noteColourFor(org.color)
          const key = normaliseOrganisation(org.name)
          const own = notesOf(org.name)
          return (
            <li key={key} className="legend-item" data-organisation={org.name}>
              <span className="legend-swatches" aria-hidden="true">
                <span className="legend-dot" style={{ background: org.color }} />
                <span
                  className="legend-note"
                  style={{ background: TLDRAW_NOTE_COLOURS[noteColour].noteFill }}
                />
              </span>
              <span className="legend-text">
                <span className="legend-name">{org.name}</span>
                <span className="muted">
                  {fillTemplate(t('participants.noteColour'), { name: t(`colour.${noteColour}`) })}
                  {' · '}
                  {format('participants.notesCount', { n: own.length })}
                </span>
              </span>
              <span className="legend-actions">
                <button
                  type="button"
                  className="button secondary small"
                  aria-pressed={filter === key}
                  disabled={!editor}
                  onClick={() =>
                    editor &&
                    updateNoteView(editor, { organisationFilter: filter === key ? null : key })
                  }
                >
                  {fillTemplate(t('participants.filter'), { organisation: org.name })}
                </button>
                <button
                  type="button"
                  className="button quiet small"
                  disabled={!editor || own.length === 0}
                  onClick={() => {
                    if (!editor) return
                    editor.select(...own.map((note) => note.id as TLShapeId))
                    editor.zoomToSelection({ animation: { duration: 300 } })
                  }}
                >
                  {fillTemplate(t('participants.highlight'), { organisation: org.name })}
                </button>
              </span>
            </li>
          )
        })}
      </ul>
      {filter !== null ? (
        <button
          type="button"
          className="button secondary small"
          onClick={() => editor && updateNoteView(editor, { organisationFilter: null })}
        >
          {t('participants.showAll')}
        </button>
      ) : null}
    </section>
  )
}
