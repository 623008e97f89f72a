import { getManifesto, isManifestoFrozen, type VoteState } from '@stip/board/doc-model'
import { appendToSection } from '@stip/manifesto'
import { readTemplateMeta } from '@stip/templates'
import { useId, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { NumberInput } from '../layout/number-input'
import type { BoardNote } from '../notes/use-board-notes'
import { promoteWinners } from './promote-winners'
import { useVoteTally } from './use-votes'
import { sortedResults, winners } from './vote-tally'

/**
 * A revealed (or closed) vote: the notes by the counts the server wrote, most first; the
 * facilitator promotes. Until the server's counts arrive the list waits rather than show zeros.
 */
export function VoteResults({ vote, candidates }: { vote: VoteState; candidates: BoardNote[] }) {
  const { t, format, locale } = useI18n()
  const board = useBoardContext()
  const tally = useVoteTally(board.connection.doc, vote.id)
  const counts = new Map(Object.entries(tally?.counts ?? {}))
  const results = sortedResults(
    candidates.map((note) => ({ id: note.id, text: note.text || t('voting.emptyNote') })),
    counts,
  )
  const id = useId()
  const [count, setCount] = useState('3')
  const [promoted, setPromoted] = useState<{ n: number; manifesto: boolean } | null>(null)
  // Only a vote on shared values goes to the manifesto's "Gedeelde waarden" by default.
  const [toManifesto, setToManifesto] = useState(() => votesOnValues(board.editor, vote.frameId))
  const n = Number(count)
  const valid = Number.isInteger(n) && n >= 1
  const preview = valid ? winners(results, n) : []

  if (!tally?.counts) return <p className="muted">{t('voting.counting')}</p>

  return (
    <>
      <h3>{t('voting.results')}</h3>
      <ol className="results-list">
        {results.map((result) => (
          <li key={result.noteId} className="result-item" data-count={result.count}>
            <span className="ballot-text">{result.text}</span>
            <span className="result-count">{format('voting.count', { n: result.count })}</span>
          </li>
        ))}
      </ol>
      {board.facilitator && board.editor ? (
        <form
          className="panel-inline-form"
          aria-labelledby={`${id}-title`}
          onSubmit={(event) => {
            event.preventDefault()
            const editor = board.editor
            if (!editor || !valid) return
            const chosen = preview
            promoteWinners(
              editor,
              vote.frameId as TLShapeId,
              chosen.map((result) => result.noteId as TLShapeId),
              t('voting.coreValuesFrame'),
            )
            // A frozen manifesto is being signed: its text must not change under the signers.
            const doc = board.connection.doc
            const frozen = isManifestoFrozen(doc)
            const manifesto = toManifesto && !frozen && chosen.length > 0
            if (manifesto) {
              appendToSection(
                getManifesto(doc),
                'gedeelde-waarden',
                chosen.map((result) => result.text),
                locale,
              )
            }
            setPromoted({ n: chosen.length, manifesto })
          }}
        >
          <h4 id={`${id}-title`}>{t('voting.promote')}</h4>
          <NumberInput
            id={`${id}-n`}
            label={t('voting.promoteCount')}
            min={1}
            max={20}
            value={count}
            onChange={setCount}
          />
          {preview.length > n ? (
            <p className="hint" aria-live="polite">
              {fillTemplate(t('voting.promoteTies'), { n, total: preview.length })}
            </p>
          ) : null}
          <label className="checkbox-row" htmlFor={`${id}-manifesto`}>
            <input
              id={`${id}-manifesto`}
              type="checkbox"
              checked={toManifesto}
              onChange={(event) => setToManifesto(event.target.checked)}
            />
            {t('voting.promoteToManifesto')}
          </label>
          <button type="submit" className="button primary small">
            {t('voting.promoteButton')}
          </button>
          {promoted !== null ? (
            <p className="hint" role="status">
              {promoted.n === 1
                ? t('voting.promotedOne')
                : fillTemplate(t('voting.promoted'), { n: promoted.n })}
              {promoted.manifesto ? ` ${t('voting.promotedManifesto')}` : ''}
            </p>
          ) : null}
        </form>
      ) : null}
    </>
  )
}

/** Whether the vote ran on a Gedeelde waarden werkvorm (its frame or a frame inside it). */
function votesOnValues(editor: Editor | null, frameId: string): boolean {
  const frame = editor?.getShape(frameId as TLShapeId)
  return frame !== undefined && readTemplateMeta(frame)?.stipTemplate === 'gedeelde-waarden'
}
