import { parseVote } from '@stip/board/doc-model'
import { useEffect, useId, useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { AddNoteForm } from './add-note-form'
import { ListNote, listNoteId } from './list-note'
import { ListBallot, type ListResult, type ListVoting, useListResults } from './list-voting'
import type { BoardOutline, OutlineSection } from './read-board-outline'
import { useBoardOutline } from './use-board-outline'
import './list-view.css'

/**
 * The whole board without the canvas (issue 20, item 5): werkvormen and their sections as
 * headings, notes as lists with author and organisation. Reading, adding, editing, moving and
 * voting all work with the keyboard and a screen reader alone; every change goes through the
 * editor, so it is on everyone's canvas at once, and the canvas's changes show here.
 */
export function ListView() {
  const { t } = useI18n()
  const board = useBoardContext()
  const { editor } = board
  const outline = useBoardOutline(editor)
  const vote = useFacilitatorValue(board.connection.doc, 'vote', parseVote)
  const results = useListResults(vote)
  const [status, setStatus] = useState('')

  // The hidden canvas must not take keys: with the editor still focused, Backspace or Delete
  // typed here would remove the selected shape (see board-shell/canvas-focus.ts).
  useEffect(() => {
    if (editor?.getInstanceState().isFocused) editor.blur({ blurContainer: false })
  }, [editor])

  const onDone = (message: string, movedNoteId?: string) => {
    setStatus(message)
    if (movedNoteId) focusWhenThere(listNoteId(movedNoteId))
  }
  const openVote = vote?.phase === 'open' && !board.readOnly ? vote : null
  const voteFrame = openVote && outline.werkvormen.find((w) => w.frameId === openVote.frameId)

  return (
    <div className="list-view">
      <div className="list-view-inner">
        <h2 className="list-view-heading">{t('list.heading')}</h2>
        <p className="list-view-intro">{t('list.intro')}</p>
        {board.readOnly ? <p className="list-view-intro">{t('list.readOnly')}</p> : null}
        {!editor ? (
          <p className="list-view-empty" role="status">
            {t('board.loading')}
          </p>
        ) : openVote ? (
          <ListBallot vote={openVote} frameName={voteFrame?.name ?? t('voting.untitledFrame')}>
            {(voting) => (
              <Outline outline={outline} voting={voting} results={results} onDone={onDone} />
            )}
          </ListBallot>
        ) : (
          <Outline outline={outline} voting={null} results={results} onDone={onDone} />
        )}
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </div>
    </div>
  )
}

function Outline({
  outline,
  voting,
  results,
  onDone,
}: {
  outline: BoardOutline
  voting: ListVoting | null
  results: ReadonlyMap<string, ListResult>
  onDone(message: string, movedNoteId?: string): void
}) {
  const { t, locale } = useI18n()
  return (
    <>
      {outline.werkvormen.length === 0 ? (
        <p className="list-view-empty">{t('list.noWerkvormen')}</p>
      ) : null}
      {outline.werkvormen.map((werkvorm) => (
        <section
          key={werkvorm.instance}
          className="list-werkvorm"
          aria-labelledby={`list-werkvorm-${werkvorm.instance}`}
        >
          <h3 id={`list-werkvorm-${werkvorm.instance}`}>{werkvorm.name}</h3>
          {werkvorm.sections.map((section) => (
            <ListSection
              key={section.laneId}
              section={section}
              label={section.label[locale]}
              outline={outline}
              voting={voting}
              results={results}
              onDone={onDone}
            />
          ))}
        </section>
      ))}
      {outline.others.length > 0 ? (
        <section className="list-werkvorm" aria-labelledby="list-others">
          <h3 id="list-others">{t('list.others')}</h3>
          <p className="list-view-intro">{t('list.othersIntro')}</p>
          <ul className="list-notes">
            {outline.others.map((note) => (
              <ListNote
                key={note.id}
                note={note}
                laneId={null}
                werkvormen={outline.werkvormen}
                voting={voting}
                result={results.get(note.id)}
                onDone={onDone}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

function ListSection({
  section,
  label,
  outline,
  voting,
  results,
  onDone,
}: {
  section: OutlineSection
  label: string
  outline: BoardOutline
  voting: ListVoting | null
  results: ReadonlyMap<string, ListResult>
  onDone(message: string, movedNoteId?: string): void
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const headingId = useId()
  return (
    <section className="list-section" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {label}
        {section.notes.length > 0 ? (
          <span className="list-section-count">
            {' '}
            ({format('list.count', { n: section.notes.length })})
          </span>
        ) : null}
      </h4>
      {section.notes.length === 0 ? (
        <p className="list-view-empty">{t('list.noNotes')}</p>
      ) : (
        <ul className="list-notes">
          {section.notes.map((note) => (
            <ListNote
              key={note.id}
              note={note}
              laneId={section.laneId}
              werkvormen={outline.werkvormen}
              voting={voting}
              result={results.get(note.id)}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
      {!board.readOnly && board.editor ? (
        <AddNoteForm
          laneId={section.laneId as TLShapeId}
          sectionLabel={label}
          onAdded={() => onDone(fillTemplate(t('list.added'), { section: label }))}
        />
      ) : null}
    </section>
  )
}

/** Focuses an element once React has rendered it (a moved note lands in another list). */
function focusWhenThere(id: string, frames = 20) {
  const step = (left: number) => {
    const element = document.getElementById(id)
    if (element) element.focus()
    else if (left > 0) requestAnimationFrame(() => step(left - 1))
  }
  requestAnimationFrame(() => step(frames))
}
