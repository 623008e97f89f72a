import { useId, useState } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { commentErrorMessage } from './comment-error'
import { COMMENT_MAX_LENGTH } from './comments-api'

/**
 * A text box with its send button, for a new thread or a reply. The text lives in the board's
 * draft store, so it survives a failed send (offline: the message says so and the text stays)
 * and the panel closing; it is cleared only once the server took it.
 */
export function CommentBox({
  label,
  submitLabel,
  draft,
  onDraft,
  onSend,
  onCancel,
  focusTarget,
}: {
  label: string
  submitLabel: string
  draft: string
  onDraft(text: string): void
  /** Sends the text; a rejection keeps it in the box and shows why. */
  onSend(text: string): Promise<void>
  onCancel?: () => void
  /** Set where opening the form should put the caret (see open-comments.ts). */
  focusTarget?: string
}) {
  const { t, format } = useI18n()
  const id = useId()
  const [text, setText] = useState(draft)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const change = (next: string) => {
    setText(next)
    onDraft(next)
  }
  const send = async () => {
    if (busy || text.trim() === '') return
    setBusy(true)
    setError(null)
    try {
      await onSend(text.trim())
      change('')
    } catch (failure) {
      setError(commentErrorMessage(failure, t, format))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="comment-box"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <label htmlFor={`${id}-text`} className="comment-box-label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        className="comment-box-text"
        data-comment-focus={focusTarget}
        value={text}
        rows={3}
        maxLength={COMMENT_MAX_LENGTH}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          // Ctrl+Enter (⌘+Enter) sends, as in most chat boxes; Enter alone starts a new line.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            void send()
          }
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="comment-actions">
        <button
          type="submit"
          className="button primary small"
          disabled={busy || text.trim() === ''}
        >
          {busy ? t('comments.form.busy') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button quiet small" onClick={onCancel}>
            {t('comments.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
