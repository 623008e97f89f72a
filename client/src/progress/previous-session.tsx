import type { EarlierAmendment, NextSession, PreviousSession } from '@stip/board/doc-model'
import { useId } from 'react'
import { useBoardContext } from '../board/board-context'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { showAbcdStep } from './abcd-step'
import { CarriedComments } from './carried-comments'

const boardHref = (boardId: string) => `/b/${encodeURIComponent(boardId)}`

/**
 * Where this board stands in the route: the board it continues (its ABCD step, what was
 * finished and who signed there) and the board that continues it.
 */
export function SessionRoute({
  previous,
  next,
}: {
  previous: PreviousSession | null
  next: NextSession | null
}) {
  const { t, locale } = useI18n()
  const { editor } = useBoardContext()
  const id = useId()
  if (!previous && !next) return null
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' })
  const step = previous?.abcdStep
  return (
    <section className="panel-section progress-route" aria-labelledby={`${id}-route`}>
      <h3 id={`${id}-route`}>
        {t(
          previous && next
            ? 'progress.routeTitle'
            : previous
              ? 'progress.previousTitle'
              : 'progress.nextTitle',
        )}
      </h3>
      {previous ? (
        <p>
          {t('progress.continues')}{' '}
          <a href={boardHref(previous.boardId)} data-session-link="previous">
            {previous.title}
          </a>
        </p>
      ) : null}
      {next ? (
        <p>
          {t('progress.continuedIn')}{' '}
          <a href={boardHref(next.boardId)} data-session-link="next">
            {next.title}
          </a>
        </p>
      ) : null}
      <p className="hint">{t('progress.linkHint')}</p>
      {step ? (
        <div className="progress-step">
          <p>{fillTemplate(t('progress.stoppedAt'), { step: step.label[locale] })}</p>
          <button
            type="button"
            className="button secondary small"
            disabled={!editor}
            onClick={() => editor && showAbcdStep(editor, step.sectionKey)}
          >
            {t('progress.goToStep')}
          </button>
        </div>
      ) : null}
      {previous ? <CarriedComments /> : null}
      {previous && previous.closedCommitments.length > 0 ? (
        <>
          <h4>{t('progress.closedEarlier')}</h4>
          <ul className="progress-plain-list">
            {previous.closedCommitments.map((c) => (
              <li key={c.id}>
                {c.organisation}: {c.text} — <em>{t(`progress.status.${c.status}`)}</em>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {previous && previous.amendments.length > 0 ? (
        <EarlierAmendments amendments={previous.amendments} />
      ) : null}
      {previous && previous.signatures.length > 0 ? (
        <>
          <h4>{t('progress.earlierSignatures')}</h4>
          <p className="hint">{t('progress.earlierSignaturesIntro')}</p>
          <ul className="progress-plain-list" data-earlier-signatures="">
            {previous.signatures.map((s) => (
              <li key={`${s.organisationName}-${s.signedAt}`}>
                <strong>{s.organisationName}</strong>: {s.signerName} ({s.signerFunction}),{' '}
                {date.format(s.signedAt)} —{' '}
                {s.onCarriedText ? t('progress.sameText') : t('progress.earlierText')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

/**
 * The previous session's amendments as a record: decided there, or open there but not found
 * in this board's text. Those that were found are open amendments in this board's Manifest.
 */
function EarlierAmendments({ amendments }: { amendments: readonly EarlierAmendment[] }) {
  const { t, format } = useI18n()
  return (
    <>
      <h4>{t('progress.earlierAmendments')}</h4>
      <p className="hint">{t('progress.earlierAmendmentsIntro')}</p>
      <ul className="progress-plain-list" data-earlier-amendments="">
        {amendments.map((a) => (
          <li key={a.number} className={`is-${a.outcome}`}>
            <strong>
              {format('progress.earlierAmendment', {
                number: a.number,
                organisation: a.organisationName,
              })}
            </strong>
            : <del>{a.original}</del>{' '}
            {a.replacement ? (
              <ins>{a.replacement}</ins>
            ) : (
              <em>{t('progress.amendment.removed')}</em>
            )}{' '}
            — <em>{t(`progress.amendment.${a.outcome}`)}</em>
            {a.note ? ` (${a.note})` : ''}
          </li>
        ))}
      </ul>
    </>
  )
}
