import { useId } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { CommentBox } from './comment-box'
import { draftKey, type NewThreadTarget, useCommentView } from './comment-view'
import { useCommentActions } from './use-comment-actions'

/** "Nieuwe opmerking": what it is about (quoted), the text, and who it is written as. */
export function NewThreadForm({ about, onLeave }: { about: NewThreadTarget; onLeave(): void }) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const [, store] = useCommentView(board.connection.doc)
  const actions = useCommentActions()
  const headingId = useId()
  const key = draftKey({ about })
  return (
    <section className="comment-new" aria-labelledby={headingId}>
      <h3 id={headingId} className="comment-thread-heading">
        {t('comments.form.heading')}
      </h3>
      <p className="comment-about">{t(`comments.kind.${about.target.kind}` as MessageKey)}</p>
      {about.quote ? <blockquote className="comment-quote">{about.quote}</blockquote> : null}
      <p className="hint">
        {format('comments.form.as', {
          name: board.participant.name,
          organisation: board.participant.organisation,
        })}
      </p>
      <CommentBox
        key={key}
        label={t('comments.form.text')}
        submitLabel={t('comments.form.submit')}
        draft={store.draft(key)}
        onDraft={(text) => store.setDraft(key, text)}
        focusTarget="new"
        onSend={async (text) => {
          const thread = await actions.start({ target: about.target, text })
          store.set({ kind: 'thread', threadId: thread.id })
        }}
        onCancel={() => {
          store.setDraft(key, '')
          onLeave()
        }}
      />
    </section>
  )
}
