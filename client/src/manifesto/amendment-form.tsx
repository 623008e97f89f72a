import { useId, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { amendmentErrorMessage } from './amendment-error'
import { proposeAmendment } from './amendments-api'
import type { SelectedPassage } from './selected-passage'

/**
 * "Amendement voorstellen": the selected passage, the text that should replace it and why, on
 * behalf of the speaker's organisation. The server checks the passage still reads so.
 */
export function AmendmentForm({
  passage,
  organisation,
  frozen,
}: {
  passage: SelectedPassage | null
  organisation: string
  frozen: boolean
}) {
  const { t, format } = useI18n()
  const { boardId, token, participant } = useBoardContext()
  const id = useId()
  const [draft, setDraft] = useState<SelectedPassage | null>(null)
  const [replacement, setReplacement] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  if (!draft) {
    return (
      <div className="amendment-propose">
        <button
          type="button"
          className="button secondary small"
          disabled={frozen || !passage}
          aria-describedby={`${id}-why`}
          onClick={() => {
            if (!passage) return
            setDraft(passage)
            setReplacement(passage.text)
            setReason('')
            setMessage(null)
          }}
        >
          {t('amend.propose')}
        </button>
        <p
          id={`${id}-why`}
          className={message?.error ? 'manifesto-error' : 'manifesto-hint'}
          role="status"
        >
          {message?.text ?? (frozen ? t('amend.frozen') : passage ? '' : t('amend.selectFirst'))}
        </p>
      </div>
    )
  }

  const submit = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const amendment = await proposeAmendment(
        { boardId, token },
        { organisation, name: participant.name, passage: draft, replacement, reason },
      )
      setDraft(null)
      setMessage({ error: false, text: format('amend.form.done', { number: amendment.number }) })
    } catch (error) {
      setMessage({ error: true, text: amendmentErrorMessage(error, t, format) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="amendment-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h4 id={`${id}-heading`} className="amendment-form-heading">
        {format('amend.form.heading', { organisation })}
      </h4>
      <p className="amendment-form-label">{t('amend.form.passage')}</p>
      <blockquote className="amendment-passage">{draft.text}</blockquote>
      <label className="amendment-field">
        <span>{t('amend.form.replacement')}</span>
        <textarea
          value={replacement}
          rows={3}
          maxLength={4000}
          onChange={(event) => setReplacement(event.target.value)}
        />
      </label>
      <label className="amendment-field">
        <span>{t('amend.form.reason')}</span>
        <textarea
          value={reason}
          rows={2}
          required
          maxLength={1000}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {message ? (
        <p className="manifesto-error" role="alert">
          {message.text}
        </p>
      ) : null}
      <div className="amendment-actions">
        <button
          type="submit"
          className="button primary small"
          disabled={busy || reason.trim() === '' || replacement === draft.text}
        >
          {busy ? t('amend.form.busy') : t('amend.form.submit')}
        </button>
        <button
          type="button"
          className="button quiet small"
          onClick={() => {
            setDraft(null)
            setMessage(null)
          }}
        >
          {t('amend.form.cancel')}
        </button>
      </div>
    </form>
  )
}
