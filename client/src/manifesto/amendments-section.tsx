import { type Amendment, getAmendments, readAmendments } from '@stip/board/doc-model'
import { useCallback, useId } from 'react'
import type * as Y from 'yjs'
import { useBoardContext } from '../board/board-context'
import { useYValue } from '../board/use-y-value'
import { useI18n } from '../i18n/i18n-context'
import { AmendmentCard } from './amendment-card'
import { AmendmentForm } from './amendment-form'
import type { SelectedPassage } from './selected-passage'
import type { SignsFor } from './use-signs-for'
import './amendments.css'

/** The board's amendments, kept current from the shared doc (the server writes them). */
export function useAmendments(doc: Y.Doc): Amendment[] {
  return useYValue(
    getAmendments(doc),
    useCallback(() => readAmendments(doc), [doc]),
  )
}

/** Amendments grouped by the section their passage was in, in order of first proposal. */
function bySection(amendments: readonly Amendment[]): Array<[string, Amendment[]]> {
  const groups = new Map<string, Amendment[]>()
  for (const amendment of amendments) {
    const key = amendment.sectionTitle
    groups.set(key, [...(groups.get(key) ?? []), amendment])
  }
  return [...groups.entries()]
}

/**
 * "Amendementen" in the Manifest panel: the proposal form for partners, and every amendment
 * per section with its answers and the chair's decision.
 */
export function AmendmentsSection({
  passage,
  frozen,
  signsFor,
}: {
  passage: SelectedPassage | null
  frozen: boolean
  signsFor: SignsFor | null
}) {
  const { t } = useI18n()
  const { connection, readOnly, facilitator, participant } = useBoardContext()
  const amendments = useAmendments(connection.doc)
  const headingId = useId()
  // A signing link speaks for its organisation; an editor for the one chosen when joining.
  const speaksFor =
    readOnly || facilitator ? null : (signsFor?.organisationName ?? participant.organisation)

  return (
    <section className="manifesto-block amendments" aria-labelledby={headingId}>
      <h3 id={headingId} className="manifesto-subheading">
        {t('amend.heading')}
      </h3>
      {speaksFor !== null ? (
        <AmendmentForm passage={passage} organisation={speaksFor} frozen={frozen} />
      ) : null}
      {amendments.length === 0 ? <p className="manifesto-hint">{t('amend.none')}</p> : null}
      {bySection(amendments).map(([section, list]) => (
        <div key={section} className="amendment-section">
          <h4 className="amendment-section-title">{section || t('amend.section.none')}</h4>
          <ol className="amendment-list">
            {list.map((amendment) => (
              <AmendmentCard
                key={amendment.id}
                amendment={amendment}
                speaksFor={speaksFor}
                frozen={frozen}
              />
            ))}
          </ol>
        </div>
      ))}
    </section>
  )
}
