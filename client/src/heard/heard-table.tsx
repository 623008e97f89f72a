import { useId } from 'react'
import { useBoardContext } from '../board/board-context'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import type { BoardNote } from '../notes/use-board-notes'
import { useRevealedDots } from '../voting/use-votes'
import { aggregateHeard, type HeardRow, type PlacedNote } from './heard-aggregation'
import { useNoteSections } from './use-note-sections'

const OUTSIDE = 'outside-frames'

/** Wie wordt gehoord: per section, each organisation's notes and the dots they received. */
export function HeardTable({
  notes,
  organisations,
}: {
  notes: BoardNote[]
  organisations: string[]
}) {
  const { t, locale } = useI18n()
  const board = useBoardContext()
  const id = useId()
  const votes = useRevealedDots(board.connection.doc)
  const { sections, byNote } = useNoteSections(board.editor)
  const labelOf = new Map(sections.map((section) => [section.key, section.label[locale]]))
  // A note in a werkvorm counts in its section; any other note counts in its frame.
  // Notes without an author outside werkvormen (examples, older notes) make no section.
  // Copies a vote promoted are left out: their originals are counted where they were written.
  const counted = notes.filter(
    (note) => !note.promotedCopy && (note.organisation !== null || byNote[note.id]),
  )
  const placed: PlacedNote[] = counted.map((note) => {
    const section = byNote[note.id]
    if (section) {
      return {
        id: note.id,
        organisation: note.organisation,
        sectionKey: section,
        sectionLabel: labelOf.get(section) ?? section,
      }
    }
    return {
      id: note.id,
      organisation: note.organisation,
      sectionKey: note.frameId ?? OUTSIDE,
      sectionLabel:
        note.frameId === null ? t('heard.outsideFrames') : note.frameName || t('heard.untitled'),
    }
  })
  const heard = aggregateHeard(
    placed,
    votes,
    organisations,
    sections.map((section) => ({ key: section.key, label: section.label[locale] })),
  )
  const silent = heard.totals.filter((row) => row.silent).map((row) => row.organisation)

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('heard.title')}</h3>
      <p className="hint">{t('heard.hint')}</p>
      <p className="heard-summary" data-silent={silent.join('|')}>
        {silent.length > 0
          ? fillTemplate(t('heard.silentSummary'), { list: silent.join(', ') })
          : t('heard.everyoneHeard')}
      </p>
      <HeardSectionTable caption={t('heard.total')} rows={heard.totals} />
      <h4>{t('heard.perSection')}</h4>
      <ul className="heard-sections">
        {heard.sections.map((section) => (
          <HeardSectionSummary key={section.key} label={section.label} rows={section.rows} />
        ))}
      </ul>
    </section>
  )
}

/** One section in two lines: who wrote (notes, dots) and, marked, who wrote nothing. */
function HeardSectionSummary({ label, rows }: { label: string; rows: HeardRow[] }) {
  const { t, format } = useI18n()
  const heard = rows.filter((row) => !row.silent)
  const silent = rows.filter((row) => row.silent)
  return (
    <li
      className="heard-section"
      data-section={label}
      data-silent={silent.map((row) => row.organisation).join('|')}
    >
      <span className="heard-section-label">{label}</span>
      {heard.length > 0 ? (
        <span className="heard-section-line">
          {heard
            .map((row) =>
              format('heard.contribution', {
                organisation: row.organisation,
                notes: row.notes,
                votes: row.votes,
              }),
            )
            .join(' · ')}
        </span>
      ) : null}
      {silent.length > 0 ? (
        <span className="heard-section-line">
          <span className="heard-silent">{t('heard.silent')}</span>{' '}
          {silent.map((row) => row.organisation).join(', ')}
        </span>
      ) : null}
    </li>
  )
}

function HeardSectionTable({ caption, rows }: { caption: string; rows: HeardRow[] }) {
  const { t } = useI18n()
  return (
    <table className="heard-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('heard.organisation')}</th>
          <th scope="col">{t('heard.notes')}</th>
          <th scope="col">{t('heard.votes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.organisation} data-silent={row.silent} data-organisation={row.organisation}>
            <th scope="row">
              {row.organisation}
              {row.silent ? <span className="heard-silent">{t('heard.silent')}</span> : null}
            </th>
            <td>{row.notes}</td>
            <td>{row.votes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
