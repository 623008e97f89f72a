import { useId, useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { addNoteToSection } from './note-actions'

/** Writes a new note into one section; the field stays focused and empty for the next one. */
export function AddNoteForm({
  laneId,
  sectionLabel,
  onAdded,
}: {
  laneId: TLShapeId
  sectionLabel: string
  onAdded(): void
}) {
  const { t } = useI18n()
  const { editor } = useBoardContext()
  const id = useId()
  const [text, setText] = useState('')
  const [empty, setEmpty] = useState(false)
  const submit = () => {
    const trimmed = text.trim()
    if (trimmed === '') {
      setEmpty(true)
      return
    }
    if (editor && addNoteToSection(editor, laneId, trimmed)) {
      setText('')
      setEmpty(false)
      onAdded()
    }
  }
  return (
    <form
      className="list-add"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <label htmlFor={id}>{fillTemplate(t('list.addLabel'), { section: sectionLabel })}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value)
          if (empty) setEmpty(false)
        }}
      />
      {empty ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {t('list.emptyText')}
        </p>
      ) : null}
      <button type="submit" className="button secondary small">
        {t('list.add')}
      </button>
    </form>
  )
}
