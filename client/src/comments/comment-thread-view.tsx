import {
  type CommentMessage,
  type CommentThread,
  commentTargetShapeId,
  isDetachedPassage,
} from '@stip/board/doc-model'
import { useId, useState } from 'react'
import { type TLShapeId, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { CommentBox } from './comment-box'
import { commentErrorMessage } from './comment-error'
import { draftKey, useCommentView } from './comment-view'
import { showThread } from './open-comments'
import { useCommentActions } from './use-comment-actions'

const kindKey = (thread: CommentThread) => `comments.kind.${thread.target.kind}` as MessageKey

/** A date and time as people write it in the language shown. */
export function useDateTime(): (at: number) => string {
  const { locale } = useI18n()
  const formatter = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (at) => formatter.format(at)
}

/**
 * One thread: what it is about, its messages with name, organisation and time, a reply box,
 * resolve or reopen; the facilitator removes a message. A viewer reads it without a box.
 */
export function CommentThreadView({
  thread,
  onLeave,
  leaveLabel,
}: {
  thread: CommentThread
  /** Back to the overview, or closing the thread beside the manifesto. */
  onLeave(): void
  leaveLabel: string
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const [, store] = useCommentView(board.connection.doc)
  const actions = useCommentActions()
  const headingId = useId()
  const dateTime = useDateTime()
  const [statusError, setStatusError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const target = thread.target
  const shapeId = commentTargetShapeId(target)
  const editor = board.editor
  const onBoard = useValue(
    'comment target on the board',
    () => (shapeId && editor ? editor.getShape(shapeId as TLShapeId) !== undefined : false),
    [editor, shapeId],
  )
  const key = draftKey({ threadId: thread.id })

  const toggleStatus = async () => {
    setBusy(true)
    setStatusError(null)
    try {
      await actions.setStatus(thread.id, thread.status === 'open' ? 'resolved' : 'open')
    } catch (failure) {
      setStatusError(commentErrorMessage(failure, t, format))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className="comment-thread"
      aria-labelledby={headingId}
      data-thread-id={thread.id}
      data-status={thread.status}
    >
      <div className="comment-thread-top">
        <button type="button" className="button quiet small comment-leave" onClick={onLeave}>
          {leaveLabel}
        </button>
      </div>
      <h3
        id={headingId}
        className="comment-thread-heading"
        tabIndex={-1}
        data-comment-focus="thread"
      >
        {t(kindKey(thread))}{' '}
        <span className={`comment-status comment-status-${thread.status}`}>
          {t(`comments.status.${thread.status}`)}
        </span>
      </h3>
      {thread.quote ? <blockquote className="comment-quote">{thread.quote}</blockquote> : null}
      {thread.carriedFrom ? (
        <p className="comment-carried">
          {format('comments.carried', { title: thread.carriedFrom.title })}
        </p>
      ) : null}
      {isDetachedPassage(target) ? (
        <p className="hint">{t('comments.passageGone')}</p>
      ) : target.kind === 'manifesto' ? (
        <button
          type="button"
          className="button secondary small"
          onClick={() => showThread(board, thread, { goToTarget: true })}
        >
          {t('comments.showInManifesto')}
        </button>
      ) : onBoard ? (
        <button
          type="button"
          className="button secondary small"
          onClick={() => showThread(board, thread, { goToTarget: true })}
        >
          {t('comments.showOnBoard')}
        </button>
      ) : (
        <p className="hint">{t('comments.targetGone')}</p>
      )}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <MessageItem
            key={message.id}
            threadId={thread.id}
            message={message}
            dateTime={dateTime}
          />
        ))}
      </ol>
      {thread.resolved ? (
        <p className="comment-resolved">
          {format('comments.resolvedBy', {
            name: thread.resolved.by.name,
            organisation: thread.resolved.by.organisation,
            date: dateTime(thread.resolved.at),
          })}
        </p>
      ) : null}
      {board.readOnly ? (
        <p className="hint">{t('comments.viewer')}</p>
      ) : (
        <>
          <CommentBox
            key={key}
            label={t('comments.reply.label')}
            submitLabel={t('comments.reply.submit')}
            draft={store.draft(key)}
            onDraft={(text) => store.setDraft(key, text)}
            onSend={async (text) => {
              await actions.reply(thread.id, text)
            }}
          />
          <div className="comment-actions">
            <button
              type="button"
              className="button secondary small comment-status-toggle"
              disabled={busy}
              onClick={() => void toggleStatus()}
            >
              {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
            </button>
          </div>
          {statusError ? (
            <p className="comment-error" role="alert">
              {statusError}
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}

function MessageItem({
  threadId,
  message,
  dateTime,
}: {
  threadId: string
  message: CommentMessage
  dateTime(at: number): string
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const actions = useCommentActions()
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const removed = message.removedAt !== null

  const remove = async () => {
    setError(null)
    try {
      await actions.remove(threadId, message.id)
      setConfirming(false)
    } catch (failure) {
      setError(commentErrorMessage(failure, t, format))
    }
  }

  return (
    <li
      className="comment-message"
      data-message-id={message.id}
      data-removed={removed || undefined}
    >
      <p className="comment-meta">
        <strong>{message.author.name}</strong>
        {message.author.organisation ? `, ${message.author.organisation}` : ''}
        {' · '}
        <time dateTime={new Date(message.at).toISOString()}>{dateTime(message.at)}</time>
      </p>
      {removed ? (
        <p className="comment-text comment-text-removed">{t('comments.removed')}</p>
      ) : (
        <p className="comment-text">{message.text}</p>
      )}
      {board.facilitator && !removed ? (
        <div className="comment-actions">
          {confirming ? (
            <>
              <button type="button" className="button danger small" onClick={() => void remove()}>
                {t('comments.removeConfirm')}
              </button>
              <button
                type="button"
                className="button quiet small"
                onClick={() => setConfirming(false)}
              >
                {t('comments.form.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button quiet small"
              aria-label={format('comments.removeLabel', { name: message.author.name })}
              onClick={() => setConfirming(true)}
            >
              {t('comments.remove')}
            </button>
          )}
        </div>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  )
}
