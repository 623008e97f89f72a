import { useId, useRef, useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { colorInBoard } from '../board/organisation-in-board'
import { ShapeCommentButton } from '../comments/shape-comment-button'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import type { Locale } from '../i18n/messages'
import type { BoardNote } from '../notes/use-board-notes'
import type { ListResult, ListVoting } from './list-voting'
import { editNoteText, moveNoteToSection } from './note-actions'
import type { OutlineNote, OutlineWerkvorm } from './read-board-outline'

/** The element id of a note in the list, for handing focus to it after a move. */
export const listNoteId = (noteId: string) => `list-note-${noteId.replace(/[^\w-]/g, '-')}`

/**
 * Brings a note in the shown list view into sight and focuses it, as a jump on the canvas
 * would select it. False when the list is not shown (or does not list the note).
 */
export function focusListNote(noteId: string): boolean {
  const element = document.getElementById(listNoteId(noteId))
  if (!element) return false
  element.scrollIntoView({ block: 'center' })
  element.focus()
  return true
}

/**
 * One note: its text, who wrote it for which organisation, and what a participant can do with
 * it without the canvas: edit it in place, move it to another section, vote on it.
 */
export function ListNote({
  note,
  laneId,
  werkvormen,
  voting,
  result,
  onDone,
}: {
  note: OutlineNote
  /** The section the note is in now, if any. */
  laneId: string | null
  werkvormen: readonly OutlineWerkvorm[]
  voting: ListVoting | null
  /** Its dots and place after the reveal, if it got any. */
  result?: ListResult
  /** Says what happened (a polite status) and, for a move, where the note went. */
  onDone(message: string, movedNoteId?: string): void
}) {
  const { t, locale, format } = useI18n()
  const board = useBoardContext()
  const baseId = useId()
  const [editing, setEditing] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const canEdit = !board.readOnly && board.editor !== null
  const text = note.text || t('voting.emptyNote')
  const colour = note.organisation ? colorInBoard(note.organisation, board.organisations) : null
  const votable = voting !== null && note.frameId === voting.frameId

  const finishEditing = (message?: string) => {
    setEditing(false)
    if (message) onDone(message)
    requestAnimationFrame(() => editButton.current?.focus())
  }

  return (
    <li>
      <article
        id={listNoteId(note.id)}
        className="list-note"
        data-note-id={note.id}
        tabIndex={-1}
        aria-labelledby={`${baseId}-text`}
        aria-describedby={result ? `${baseId}-by ${baseId}-result` : `${baseId}-by`}
      >
        {editing && board.editor ? (
          <EditNote
            note={note}
            onSave={(next) => {
              if (board.editor) editNoteText(board.editor, note.id, next)
              finishEditing(t('list.saved'))
            }}
            onCancel={() => finishEditing()}
          />
        ) : (
          <p id={`${baseId}-text`} className="list-note-text">
            {text}
          </p>
        )}
        <p id={`${baseId}-by`} className="list-note-by">
          {colour ? (
            <span className="list-note-dot" aria-hidden="true" style={{ background: colour }} />
          ) : null}
          {note.authorName || t(note.example ? 'list.example' : 'list.unknownAuthor')}
          {note.organisation ? `, ${note.organisation}` : ''}
        </p>
        {result ? (
          <p
            id={`${baseId}-result`}
            className="list-note-result"
            data-count={result.count}
            data-rank={result.rank}
          >
            {format('list.result', { n: result.count, rank: result.rank })}
          </p>
        ) : null}
        {canEdit || votable || board.readOnly ? (
          <div className="list-note-actions">
            {votable ? <VoteToggle note={note} text={text} voting={voting} /> : null}
            <ShapeCommentButton kind="note" shapeId={note.id} quote={text} />
            {canEdit && !editing ? (
              <button
                ref={editButton}
                type="button"
                className="button secondary small"
                aria-label={fillTemplate(t('list.editOf'), { text })}
                onClick={() => setEditing(true)}
              >
                {t('list.edit')}
              </button>
            ) : null}
            {canEdit ? (
              <MoveNote
                note={note}
                text={text}
                laneId={laneId}
                werkvormen={werkvormen}
                onMoved={(laneLabel) =>
                  onDone(fillTemplate(t('list.moved'), { section: laneLabel }), note.id)
                }
                locale={locale}
              />
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  )
}

function VoteToggle({ note, text, voting }: { note: BoardNote; text: string; voting: ListVoting }) {
  const { t } = useI18n()
  const mine = voting.dotsOn(note.id)
  return (
    <button
      type="button"
      className="button secondary small list-note-vote"
      aria-pressed={mine > 0}
      data-dots={mine}
      // With no dots left, a note without one of yours cannot take one; yours can be taken back.
      disabled={mine === 0 && voting.left === 0}
      aria-label={fillTemplate(t('voting.voteOn'), { text })}
      onClick={() => voting.toggle(note.id)}
    >
      <span aria-hidden="true">{mine > 0 ? '●'.repeat(Math.min(mine, 5)) : '○'}</span>{' '}
      {t('voting.vote')}
    </button>
  )
}

function EditNote({
  note,
  onSave,
  onCancel,
}: {
  note: BoardNote
  onSave(text: string): void
  onCancel(): void
}) {
  const { t } = useI18n()
  const id = useId()
  const [value, setValue] = useState(note.text)
  return (
    <form
      className="list-note-edit"
      onSubmit={(event) => {
        event.preventDefault()
        onSave(value.trim())
      }}
    >
      <label htmlFor={id}>{t('list.editLabel')}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        // Opening the editor is the user's own request: the field is where they want to be.
        // biome-ignore lint/a11y/noAutofocus: focus follows the Bewerken button that opened it
        autoFocus
        // The caret goes after the text, where a correction or an addition usually starts.
        onFocus={(event) => {
          const end = event.currentTarget.value.length
          event.currentTarget.setSelectionRange(end, end)
        }}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onCancel()
          }
        }}
      />
      <div className="list-note-actions">
        <button type="submit" className="button primary small">
          {t('list.save')}
        </button>
        <button type="button" className="button quiet small" onClick={onCancel}>
          {t('list.cancel')}
        </button>
      </div>
    </form>
  )
}

function MoveNote({
  note,
  text,
  laneId,
  werkvormen,
  onMoved,
  locale,
}: {
  note: BoardNote
  text: string
  laneId: string | null
  werkvormen: readonly OutlineWerkvorm[]
  onMoved(sectionLabel: string): void
  locale: Locale
}) {
  const { t } = useI18n()
  const board = useBoardContext()
  const id = useId()
  const [target, setTarget] = useState('')
  const choices = werkvormen.filter((werkvorm) => werkvorm.sections.length > 0)
  if (choices.length === 0) return null
  const move = () => {
    const section = choices
      .flatMap((werkvorm) => werkvorm.sections)
      .find((candidate) => candidate.laneId === target)
    if (!section || !board.editor) return
    if (moveNoteToSection(board.editor, note.id, section.laneId as TLShapeId)) {
      setTarget('')
      onMoved(section.label[locale])
    }
  }
  return (
    <span className="list-note-move">
      <label htmlFor={id} className="visually-hidden">
        {fillTemplate(t('list.moveOf'), { text })}
      </label>
      <select id={id} value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">{t('list.moveLabel')}</option>
        {choices.map((werkvorm) => (
          <optgroup key={werkvorm.instance} label={werkvorm.name}>
            {werkvorm.sections.map((section) => (
              <option
                key={section.laneId}
                value={section.laneId}
                disabled={section.laneId === laneId}
              >
                {section.label[locale]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button
        type="button"
        className="button secondary small"
        disabled={target === ''}
        aria-label={`${t('list.move')}: ${text}`}
        onClick={move}
      >
        {t('list.move')}
      </button>
    </span>
  )
}
