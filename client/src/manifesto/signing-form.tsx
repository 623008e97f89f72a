import type { Signature } from '@stip/manifesto'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { formatMessage } from './format-message'
import { SignError, signManifesto } from './signatures-api'
import type { SignsFor } from './use-signs-for'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'error'; message: string }

/**
 * A bestuurder's consent for their organisation, against the hash of the text on screen.
 * The server checks the hash and the signing link; this form only collects and explains.
 */
export function SigningForm({
  signsFor,
  hash,
  settling,
  frozen,
  existing,
}: {
  signsFor: SignsFor
  hash: string
  /** The text just changed and its hash is not worked out yet: consent waits for it. */
  settling: boolean
  frozen: boolean
  /** This organisation's signature so far: signing again replaces it, so that is asked first. */
  existing: Signature | null
}) {
  const { t, locale } = useI18n()
  const { boardId, token, participant } = useBoardContext()
  const id = useId()
  const [signerName, setSignerName] = useState(participant.name)
  const [signerFunction, setSignerFunction] = useState(participant.role)
  const [agreed, setAgreed] = useState(false)
  // The hash the checkbox was ticked for: a text change since then needs a new tick.
  const [agreedHash, setAgreedHash] = useState('')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const consentCurrent = agreed && agreedHash === hash
  const organisation = signsFor.organisationName
  const [replacing, setReplacing] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  // Whoever opens a signing link lands here: the step to take is on screen, and announced.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus({ preventScroll: true })
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!consentCurrent || !signerName.trim() || !signerFunction.trim() || !hash) return
    setOutcome({ kind: 'busy' })
    try {
      await signManifesto(boardId, token, {
        signerName: signerName.trim(),
        signerFunction: signerFunction.trim(),
        hash,
      })
      setOutcome({ kind: 'done' })
      setReplacing(false)
      setAgreed(false)
    } catch (error) {
      const kind = error instanceof SignError ? error.kind : 'failed'
      const message =
        kind === 'changed'
          ? t('manifesto.sign.changed')
          : kind === 'forbidden'
            ? t('manifesto.sign.forbidden')
            : formatMessage(t('manifesto.sign.failed'), { error: String((error as Error).message) })
      if (kind === 'changed') setAgreed(false)
      setOutcome({ kind: 'error', message })
    }
  }

  const title = (
    <h3 id={`${id}-heading`} ref={heading} tabIndex={-1} className="manifesto-subheading">
      {formatMessage(t('manifesto.sign.heading'), { organisation })}
    </h3>
  )
  if (existing && !replacing) {
    const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(existing.signedAt)
    return (
      <section className="manifesto-signing" aria-labelledby={`${id}-heading`}>
        {title}
        <p className="manifesto-signed-already" role="status">
          {formatMessage(t('manifesto.sign.already'), {
            organisation,
            name: existing.signerName,
            date: when,
          })}
          {existing.hash === hash ? '' : ` ${t('manifesto.sign.alreadyStale')}`}
        </p>
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            setOutcome({ kind: 'idle' })
            setReplacing(true)
          }}
        >
          {t('manifesto.sign.replace')}
        </button>
      </section>
    )
  }

  return (
    <form className="manifesto-signing" aria-labelledby={`${id}-heading`} onSubmit={submit}>
      {title}
      {existing ? <p className="manifesto-hint">{t('manifesto.sign.replaceHint')}</p> : null}
      <p className="manifesto-disclaimer" id={`${id}-disclaimer`}>
        {t('manifesto.sign.disclaimer')}
      </p>
      {frozen ? null : <p className="manifesto-hint">{t('manifesto.sign.frozenHint')}</p>}
      <div className="manifesto-field">
        <label htmlFor={`${id}-name`}>{t('manifesto.sign.name')}</label>
        <input
          id={`${id}-name`}
          value={signerName}
          required
          maxLength={120}
          autoComplete="name"
          onChange={(event) => setSignerName(event.target.value)}
        />
      </div>
      <div className="manifesto-field">
        <label htmlFor={`${id}-function`}>{t('manifesto.sign.function')}</label>
        <input
          id={`${id}-function`}
          value={signerFunction}
          required
          maxLength={120}
          autoComplete="organization-title"
          onChange={(event) => setSignerFunction(event.target.value)}
        />
      </div>
      <div className="manifesto-consent">
        <input
          id={`${id}-consent`}
          type="checkbox"
          checked={consentCurrent}
          disabled={settling || !hash}
          aria-describedby={`${id}-disclaimer`}
          onChange={(event) => {
            setAgreed(event.target.checked)
            setAgreedHash(hash)
          }}
        />
        <label htmlFor={`${id}-consent`}>
          {formatMessage(t('manifesto.sign.consent'), { organisation, hash: hash.slice(0, 12) })}
        </label>
      </div>
      <button
        type="submit"
        className="button primary small"
        disabled={!consentCurrent || outcome.kind === 'busy' || settling || !hash}
      >
        {outcome.kind === 'busy' ? t('manifesto.sign.busy') : t('manifesto.sign.submit')}
      </button>
      <p className="manifesto-hint" role="status">
        {outcome.kind === 'done'
          ? formatMessage(t('manifesto.sign.done'), { organisation })
          : outcome.kind === 'error'
            ? outcome.message
            : ''}
      </p>
    </form>
  )
}
