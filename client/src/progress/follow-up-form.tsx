import { useId, useState } from 'react'
import { apiErrorMessageKey } from '../api/api-error-message'
import { startFollowUp } from '../api/commitments-api'
import { ApiError } from '../api/http'
import { rememberBoardToken, requestShareWelcome, saveLinks } from '../api/stored-links'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { tokenFromHash } from '../routing/parse-route'

/** The facilitator starts a vervolgsessie and lands on it with the new board's link. */
export function FollowUpForm() {
  const { t, locale } = useI18n()
  const { boardId, token } = useBoardContext()
  const id = useId()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  async function start(event: React.FormEvent) {
    event.preventDefault()
    setBusy(true)
    setMessage('')
    try {
      const board = await startFollowUp(
        { boardId, token },
        { locale, ...(title.trim() ? { title: title.trim() } : {}) },
      )
      // As after creating a board: the links stay in this browser and "Delen" opens on arrival.
      saveLinks(localStorage, board.id, board.links)
      requestShareWelcome(localStorage, board.id)
      // The token goes to storage, not into the address bar (as on the start page).
      const link = new URL(board.links.facilitator)
      const newToken = tokenFromHash(link.hash)
      const stored = newToken !== null && rememberBoardToken(board.id, newToken)
      window.location.assign(stored ? link.pathname : `${link.pathname}${link.hash}`)
    } catch (error) {
      const key = apiErrorMessageKey(error)
      setMessage(
        key
          ? t(key)
          : `${t('progress.followUpFailed')}${error instanceof ApiError ? ` (${error.message})` : ''}`,
      )
      setBusy(false)
    }
  }

  return (
    <form className="panel-section progress-follow-up" onSubmit={start} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('progress.followUpTitle')}</h3>
      <p className="hint">{t('progress.followUpIntro')}</p>
      <label htmlFor={`${id}-title`}>{t('progress.followUpName')}</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={120}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className="panel-actions">
        <button type="submit" className="button primary small" disabled={busy}>
          {busy ? t('progress.followUpStarting') : t('progress.followUpStart')}
        </button>
      </div>
      <p className="progress-message" aria-live="polite">
        {message}
      </p>
    </form>
  )
}
