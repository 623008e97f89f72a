import { getManifesto } from '@stip/board/doc-layout'
import {
  appendToSection,
  isManifestoSectionKey,
  MANIFESTO_SECTIONS,
  type ManifestoSectionKey,
} from '@stip/manifesto'
import { useEffect, useId, useState } from 'react'
import { useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { selectedNoteItems } from './selected-notes'

/** Where "Naar manifest…" in the canvas's context menu puts the focus: the section picker. */
export const NOTES_TO_MANIFESTO_FOCUS = 'notes-to-manifesto'

/** "Naar manifest": the notes selected on the canvas become bullet items in one section. */
export function NotesToManifesto({ disabled }: { disabled: boolean }) {
  const { t, format, locale } = useI18n()
  const { editor, connection } = useBoardContext()
  const selectId = useId()
  const [section, setSection] = useState<ManifestoSectionKey>('gedeelde-waarden')
  const [done, setDone] = useState<string | null>(null)
  const items = useValue('selected notes', () => (editor ? selectedNoteItems(editor) : []), [
    editor,
  ])

  // A message about the last move stops being true once the selection changes.
  const itemsKey = items.join('\n')
  useEffect(() => {
    if (itemsKey !== undefined) setDone(null)
  }, [itemsKey])

  const move = () => {
    if (items.length === 0) return
    appendToSection(getManifesto(connection.doc), section, items, locale)
    const label = MANIFESTO_SECTIONS.find((candidate) => candidate.key === section)?.[locale]
    setDone(format('manifesto.notes.done', { count: items.length, section: label ?? '' }))
  }

  return (
    <section className="manifesto-block" aria-labelledby={`${selectId}-heading`}>
      <h3 id={`${selectId}-heading`} className="manifesto-subheading">
        {t('manifesto.notes.heading')}
      </h3>
      <div className="manifesto-notes-row">
        <label htmlFor={selectId}>{t('manifesto.notes.section')}</label>
        <select
          id={selectId}
          data-focus-target={NOTES_TO_MANIFESTO_FOCUS}
          value={section}
          disabled={disabled}
          onChange={(event) => {
            if (isManifestoSectionKey(event.target.value)) setSection(event.target.value)
          }}
        >
          {MANIFESTO_SECTIONS.map((option) => (
            <option key={option.key} value={option.key}>
              {option[locale]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button secondary small"
        disabled={disabled || items.length === 0}
        onClick={move}
      >
        {t('manifesto.notes.move')}
      </button>
      <p className="manifesto-hint" aria-live="polite">
        {done ??
          (items.length === 0
            ? t('manifesto.notes.none')
            : format('manifesto.notes.count', { count: items.length }))}
      </p>
    </section>
  )
}
