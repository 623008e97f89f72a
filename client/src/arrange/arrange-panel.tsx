import { readTemplateMeta } from '@stip/templates'
import { useId, useState } from 'react'
import { type TLShapeId, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { acceptCluster, tidyScope } from './arrange-on-board'
import {
  type ArrangeScope,
  listSections,
  readScope,
  scopeOfSelection,
  selectedNotes,
} from './arrange-scope'
import { ClusterSuggestions, type Proposal } from './cluster-suggestions'
import './arrange.css'

const SELECTION = 'selection'

/** The Ordenen tab: tidy a section or a selection, group it per organisation, suggest clusters. */
export function ArrangePanel() {
  const { t, format, locale } = useI18n()
  const board = useBoardContext()
  const editor = board.editor
  const id = useId()
  const [choice, setChoice] = useState<string>(SELECTION)
  const [status, setStatus] = useState('')
  const [proposals, setProposals] = useState<{ scope: ArrangeScope; list: Proposal[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const sections = useValue(
    'stip arrange sections',
    () => (editor ? listSections(editor, locale) : []),
    [editor, locale],
  )
  const selected = useValue(
    'stip arrange selection',
    () => (editor ? selectedNotes(editor).length : 0),
    [editor],
  )

  const scopeNow = (): ArrangeScope | null => {
    if (!editor) return null
    if (choice === SELECTION) return scopeOfSelection(editor)
    return { kind: 'section', laneId: choice as TLShapeId }
  }

  const tidy = (byOrganisation: boolean) => {
    const scope = scopeNow()
    const result = editor && scope ? tidyScope(editor, scope, { byOrganisation }) : null
    if (!result || result.notes === 0) return setStatus(t('arrange.nothing'))
    setStatus(
      `${format('arrange.tidied', { n: result.notes })}${result.fits ? '' : ` ${t('arrange.shrunk')}`}`,
    )
  }

  const suggest = async () => {
    const scope = scopeNow()
    const contents = editor && scope ? readScope(editor, scope) : null
    if (!editor || !scope || !contents || contents.loose.length === 0) {
      setProposals(null)
      return setStatus(t('arrange.nothing'))
    }
    setBusy(true)
    setStatus(t('arrange.suggesting'))
    // The Dutch stemmer and stop words load only when someone asks for clusters.
    const { suggestClusters } = await import('./suggest-clusters')
    // The werkvorm's example note is no one's contribution: it is tidied, never clustered.
    const contributions = contents.loose.filter(
      (note) => readTemplateMeta(note)?.stipPart !== 'example',
    )
    const notes = contributions.map((note) => ({
      id: note.id,
      text: (editor.getShapeUtil(note).getText(note) ?? '').trim(),
    }))
    const text = new Map<string, string>(notes.map((note) => [note.id, note.text]))
    const list = suggestClusters(notes).map((cluster, index) => ({
      key: `${index}-${cluster.noteIds[0]}`,
      label: cluster.label,
      notes: cluster.noteIds.map((noteId) => ({ id: noteId, text: text.get(noteId) ?? '' })),
    }))
    setBusy(false)
    setProposals({ scope, list })
    setStatus(
      list.length === 0
        ? t('arrange.noSuggestions')
        : format('arrange.suggested', { n: list.length }),
    )
  }

  const settle = (proposal: Proposal, accepted: boolean) => {
    if (!proposals || !editor) return
    const name = proposal.label.trim() || t('arrange.untitled')
    if (accepted) {
      acceptCluster(editor, proposals.scope, {
        label: name,
        noteIds: proposal.notes.map((note) => note.id),
      })
    }
    setProposals({ ...proposals, list: proposals.list.filter((p) => p.key !== proposal.key) })
    setStatus(format(accepted ? 'arrange.accepted' : 'arrange.rejected', { name }))
  }

  const rename = (key: string, label: string) => {
    if (!proposals) return
    setProposals({
      ...proposals,
      list: proposals.list.map((p) => (p.key === key ? { ...p, label } : p)),
    })
  }

  const hasScope = choice !== SELECTION || selected > 0

  return (
    <div className="panel-stack arrange-panel">
      <section className="panel-section" aria-labelledby={`${id}-what`}>
        <h3 id={`${id}-what`}>{t('arrange.what')}</h3>
        <div className="field">
          <label htmlFor={`${id}-scope`} className="visually-hidden">
            {t('arrange.what')}
          </label>
          <select
            id={`${id}-scope`}
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value)
              setProposals(null)
            }}
          >
            <option value={SELECTION}>
              {selected > 0
                ? format('arrange.selection', { n: selected })
                : t('arrange.noSelection')}
            </option>
            {sections.map((section) => (
              <option key={section.laneId} value={section.laneId}>
                {section.label}
              </option>
            ))}
          </select>
        </div>
        <div className="panel-actions">
          <button
            type="button"
            className="button primary small"
            disabled={!editor || !hasScope}
            onClick={() => tidy(false)}
          >
            {t('arrange.tidy')}
          </button>
          <button
            type="button"
            className="button secondary small"
            disabled={!editor || !hasScope}
            onClick={() => tidy(true)}
          >
            {t('arrange.byOrganisation')}
          </button>
        </div>
        <p className="hint">{t('arrange.tidyHint')}</p>
      </section>

      {board.facilitator ? (
        <section className="panel-section" aria-labelledby={`${id}-clusters`}>
          <h3 id={`${id}-clusters`}>{t('arrange.clusters')}</h3>
          <p className="hint">{t('arrange.suggestHint')}</p>
          <div className="panel-actions">
            <button
              type="button"
              className="button primary small"
              disabled={!editor || !hasScope || busy}
              onClick={() => void suggest()}
            >
              {t('arrange.suggest')}
            </button>
          </div>
          {proposals && proposals.list.length > 0 ? (
            <ClusterSuggestions
              proposals={proposals.list}
              onRename={rename}
              onAccept={(proposal) => settle(proposal, true)}
              onReject={(proposal) => settle(proposal, false)}
            />
          ) : null}
        </section>
      ) : null}

      <p className="arrange-status" role="status">
        {status}
      </p>
    </div>
  )
}
