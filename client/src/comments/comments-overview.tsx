import type { CommentThread } from '@stip/board/doc-model'
import { MANIFESTO_SECTIONS } from '@stip/manifesto'
import { useId, useMemo, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { CommentListItem } from './comment-list-item'
import { useLastSeen } from './last-seen'
import { showThread } from './open-comments'
import { groupThreads, isNewSince, matchesFilter, type ThreadFilter } from './thread-groups'
import { useThreadPlaces } from './use-thread-places'

const FILTERS: readonly ThreadFilter[] = ['open', 'resolved', 'all']

/**
 * The overview: open threads first (or the resolved ones, or all), grouped by werkvorm and by
 * manifesto section, each with its quote and a "nieuw" when it changed since this device last
 * looked. A click brings you to what it is about and opens the thread.
 */
export function CommentsOverview({ threads }: { threads: readonly CommentThread[] }) {
  const { t, format, locale } = useI18n()
  const board = useBoardContext()
  const headingId = useId()
  const [filter, setFilter] = useState<ThreadFilter>('open')
  const seenAt = useLastSeen(board.boardId)
  const places = useThreadPlaces(board.editor, threads)
  const counts = {
    open: threads.filter((thread) => thread.status === 'open').length,
    resolved: threads.filter((thread) => thread.status === 'resolved').length,
    all: threads.length,
  }
  const groups = useMemo(
    () =>
      groupThreads(
        threads.filter((thread) => matchesFilter(thread, filter)),
        places,
        {
          board: t('comments.group.board'),
          gone: t('comments.group.gone'),
          manifesto: (sectionKey) => {
            const section = MANIFESTO_SECTIONS.find((candidate) => candidate.key === sectionKey)
            return section
              ? format('comments.group.manifesto', { section: section[locale] })
              : t('comments.group.manifestoNone')
          },
        },
      ),
    [threads, filter, places, t, format, locale],
  )
  const me = board.participant

  return (
    <div className="comments-overview">
      <p className="hint">{t('comments.intro')}</p>
      <fieldset className="segmented comments-filter">
        <legend className="visually-hidden">{t('comments.filter.label')}</legend>
        {FILTERS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={option === filter}
            data-filter={option}
            onClick={() => setFilter(option)}
          >
            {format(`comments.filter.${option}`, { n: counts[option] })}
          </button>
        ))}
      </fieldset>
      {groups.length === 0 ? (
        <p className="hint comments-empty">
          {t(counts.all === 0 ? 'comments.none.all' : `comments.none.${filter}`)}
        </p>
      ) : null}
      {groups.map((group) => (
        <section
          key={group.key}
          className="comments-group"
          aria-labelledby={`${headingId}-${group.key}`}
        >
          <h3 id={`${headingId}-${group.key}`} className="comments-group-title">
            {group.title}
          </h3>
          <ul className="comment-list">
            {group.threads.map((thread) => (
              <CommentListItem
                key={thread.id}
                thread={thread}
                isNew={isNewSince(thread, seenAt, me)}
                onOpen={() => showThread(board, thread, { goToTarget: true })}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
