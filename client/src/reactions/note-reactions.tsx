import { type NoteReactions, REACTION_KINDS, type ReactionKind } from '@stip/board/doc-model'
import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useKeysKeptFromCanvas } from '../board/keep-keys-from-canvas'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { AddReactionIcon, ReactionIcon } from './reaction-icon'
import { useNoteReactions } from './use-note-reactions'
import { useReactionRows } from './use-reaction-rows'
import './note-reactions.css'

const kindLabel = (kind: ReactionKind) => `reactions.kind.${kind}` as MessageKey

/**
 * Quick reactions on the notes, drawn in front of the canvas at each note's bottom-left: the
 * counts for everyone, live; for participants a toggle per kind and a button that offers the
 * whole set (shown on the note under the pointer or selected, and when reached by keyboard).
 * A viewer sees the counts and cannot react: the server keeps a view link read-only.
 * Always mounted, so it looks only at the notes in view (use-reaction-rows.ts).
 */
export function NoteReactionBadges() {
  const board = useBoardContext()
  const editor = useEditor()
  const reactions = useNoteReactions(board.connection.doc, board.userId)
  const [openFor, setOpenFor] = useState<string | null>(null)
  const reacted = useMemo(() => new Set(reactions.byNote.keys()), [reactions.byNote])
  const rows = useReactionRows(editor, { reacted, offer: !board.readOnly, openFor })
  const pointedAt = useValue(
    'stip reaction target',
    () => [editor.getHoveredShapeId(), editor.getOnlySelectedShapeId()],
    [editor],
  )
  const onOpen = useCallback(
    (noteId: string, open: boolean) =>
      setOpenFor((current) => (open ? noteId : current === noteId ? null : current)),
    [],
  )

  return (
    <div className="note-reactions-layer">
      {rows.map((row) => (
        <NoteReactionRow
          key={row.id}
          noteId={row.id}
          text={row.text}
          reactions={reactions.byNote.get(row.id)}
          active={pointedAt.includes(row.id)}
          open={openFor === row.id}
          readOnly={board.readOnly}
          onOpen={onOpen}
          onToggle={reactions.toggle}
          left={row.left}
          top={row.top}
        />
      ))}
    </div>
  )
}

/** One note's row; memoised, so a moving note re-renders its own row only. */
const NoteReactionRow = memo(function NoteReactionRow({
  noteId,
  text,
  reactions,
  active,
  open,
  readOnly,
  onOpen,
  onToggle,
  left,
  top,
}: {
  noteId: string
  text: string
  reactions: NoteReactions | undefined
  active: boolean
  open: boolean
  readOnly: boolean
  onOpen(noteId: string, open: boolean): void
  onToggle(noteId: string, kind: ReactionKind): void
  left: number
  top: number
}) {
  const { t, format } = useI18n()
  const trigger = useRef<HTMLButtonElement>(null)
  const noteText = text || t('reactions.emptyNote')
  const given = REACTION_KINDS.filter((kind) => (reactions?.counts[kind] ?? 0) > 0)

  const close = () => {
    onOpen(noteId, false)
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
      style={{ left, top }}
      ref={keepKeys}
      onBlur={(event) => {
        // Focus gone elsewhere (the canvas, a panel): the offered set closes.
        if (open && !event.currentTarget.contains(event.relatedTarget)) onOpen(noteId, false)
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
                onToggle(noteId, kind)
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
            onClick={() => onToggle(noteId, kind)}
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
          onClick={() => onOpen(noteId, !open)}
        >
          <AddReactionIcon />
        </button>
      )}
    </div>
  )
})
