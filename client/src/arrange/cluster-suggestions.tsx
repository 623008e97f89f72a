import { useId } from 'react'
import { useI18n } from '../i18n/i18n-context'

export interface Proposal {
  key: string
  label: string
  notes: { id: string; text: string }[]
}

/** The suggested clusters: a name to edit, the notes, accept or reject each. */
export function ClusterSuggestions(props: {
  proposals: readonly Proposal[]
  onRename(key: string, label: string): void
  onAccept(proposal: Proposal): void
  onReject(proposal: Proposal): void
}) {
  const { t, format } = useI18n()
  const id = useId()
  return (
    <ul className="cluster-suggestions">
      {props.proposals.map((proposal, index) => {
        const name = proposal.label.trim() || t('arrange.untitled')
        return (
          <li key={proposal.key} className="cluster-suggestion" data-cluster={proposal.label}>
            <label htmlFor={`${id}-${index}`} className="cluster-name-label">
              {t('arrange.clusterName')}
            </label>
            <input
              id={`${id}-${index}`}
              className="text-input"
              value={proposal.label}
              onChange={(event) => props.onRename(proposal.key, event.target.value)}
            />
            <details>
              <summary>{format('arrange.clusterNotes', { n: proposal.notes.length })}</summary>
              <ul className="cluster-notes">
                {proposal.notes.map((note) => (
                  <li key={note.id}>{note.text}</li>
                ))}
              </ul>
            </details>
            <div className="panel-actions">
              <button
                type="button"
                className="button primary small"
                aria-label={format('arrange.acceptLabel', { name })}
                onClick={() => props.onAccept(proposal)}
              >
                {t('arrange.accept')}
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-label={format('arrange.rejectLabel', { name })}
                onClick={() => props.onReject(proposal)}
              >
                {t('arrange.reject')}
              </button>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
