import { type NoteReactions, REACTION_KINDS, type ReactionKind } from '@stip/board/doc-model'
import { useRef, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useKeysKeptFromCanvas } from '../board/keep-keys-from-canvas'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { useBoardNotes } from '../notes/use-board-notes'
import { useNoteAnchors } from '../notes/use-note-anchors'
import { AddReactionIcon, ReactionIcon } from './reaction-icon'
import { useNoteReactions } from './use-note-reactions'
import './note-reactions.css'

const kindLabel = (kind: ReactionKind) => `reactions.kind.${kind}` as MessageKey

/**
 * Quick reactions on the notes, drawn in front of the canvas at each note's bottom-left: the
 * counts for everyone, live; for participants a toggle per kind and a button that offers the
 * whole set (shown on the note under the pointer or selected, and when reached by keyboard).
 * A viewer sees the counts and cannot react: the server keeps a view link read-only.
 */
export function NoteReactionBadges() {
  const board = useBoardContext()
  const editor = useEditor()
  const notes = useBoardNotes(editor).filter((note) => !note.hidden)
  const reactions = useNoteReactions(board.connection.doc, board.userId)
  // Narrower than 120 px on screen, a row would cover the note's words.
  const anchors = useNoteAnchors(
    notes.map((note) => note.id),
    'bottom-left',
    120,
  )
  const pointedAt = useValue(
    'stip reaction target',
    () => [editor.getHoveredShapeId(), editor.getOnlySelectedShapeId()],
    [editor],
  )
  const [openFor, setOpenFor] = useState<string | null>(null)

  return (
    <div className="note-reactions-layer">
      {notes.map((note) => {
        const anchor = anchors.get(note.id)
        if (!anchor) return null
        return (
          <NoteReactionRow
            key={note.id}
            noteId={note.id}
            text={note.text}
            reactions={reactions.byNote.get(note.id)}
            active={pointedAt.includes(note.id)}
            open={openFor === note.id}
            readOnly={board.readOnly}
            onOpen={(open) => setOpenFor(open ? note.id : null)}
            onToggle={(kind) => reactions.toggle(note.id, kind)}
            style={{ left: anchor.left, top: anchor.top }}
          />
        )
      })}
    </div>
  )
}

function NoteReactionRow({
  noteId,
  text,
  reactions,
  active,
  open,
  readOnly,
  onOpen,
  onToggle,
  style,
}: {
  noteId: string
  text: string
  reactions: NoteReactions | undefined
  active: boolean
  open: boolean
  readOnly: boolean
  onOpen(open: boolean): void
  onToggle(kind: ReactionKind): void
  style: { left: number; top: number }
}) {
  const { t, format } = useI18n()
  const trigger = useRef<HTMLButtonElement>(null)
  const noteText = text || t('reactions.emptyNote')
  const given = REACTION_KINDS.filter((kind) => (reactions?.counts[kind] ?? 0) > 0)

  const close = () => {
    onOpen(false)
    trigger.current?.focus()
  }
  // The board's own shortcuts (Enter edits, Escape deselects) stay out of these buttons.
  const keepKeys = useKeysKeptFromCanvas<HTMLDivElement>(() => open && close())
  if (readOnly && given.length === 0) return null

  return (
    // biome-ignore lint/a11y/useSemanticElements: a note's set of toggles, not a form's fieldset
    <div
      className="note-reactions"
      role="group"
      aria-label={format('reactions.choose', { text: noteText })}
      data-note-id={noteId}
      data-active={active || open || undefined}
      style={style}
      ref={keepKeys}
      onBlur={(event) => {
        // Focus gone elsewhere (the canvas, a panel): the offered set closes.
        if (open && !event.currentTarget.contains(event.relatedTarget)) onOpen(false)
      }}
    >
      {open ? (
        <div className="note-reaction-picker">
          {REACTION_KINDS.map((kind, index) => (
            <button
              key={kind}
              type="button"
              className={`note-reaction-choice reaction-${kind}`}
              aria-pressed={reactions?.mine.includes(kind) ?? false}
              // The set opens with the focus on its first choice, so the keys can pick at once.
              // biome-ignore lint/a11y/noAutofocus: focus moves into the set the user just opened
              autoFocus={index === 0}
              onClick={() => {
                onToggle(kind)
                close()
              }}
            >
              <ReactionIcon kind={kind} />
              <span>{t(kindLabel(kind))}</span>
            </button>
          ))}
        </div>
      ) : null}
      {given.map((kind) => {
        const n = reactions?.counts[kind] ?? 0
        const mine = reactions?.mine.includes(kind) ?? false
        const label = format(mine ? 'reactions.countMine' : 'reactions.count', {
          kind: t(kindLabel(kind)),
          n,
        })
        return readOnly ? (
          <span
            key={kind}
            className={`note-reaction-count reaction-${kind}`}
            role="img"
            aria-label={label}
            data-kind={kind}
            data-count={n}
          >
            <ReactionIcon kind={kind} />
            <span aria-hidden="true">{n}</span>
          </span>
        ) : (
          <button
            key={kind}
            type="button"
            className={`note-reaction-count reaction-${kind}`}
            aria-pressed={mine}
            aria-label={label}
            data-kind={kind}
            data-count={n}
            onClick={() => onToggle(kind)}
          >
            <ReactionIcon kind={kind} />
            <span aria-hidden="true">{n}</span>
          </button>
        )
      })}
      {readOnly ? null : (
        <button
          ref={trigger}
          type="button"
          className="note-reaction-add"
          aria-label={format('reactions.add', { text: noteText })}
          aria-expanded={open}
          onClick={() => onOpen(!open)}
        >
          <AddReactionIcon />
        </button>
      )}
    </div>
  )
}
