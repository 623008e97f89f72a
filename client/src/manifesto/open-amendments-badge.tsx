import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { useAmendments } from './amendments-section'

/** The count of open amendments on the Manifest tab, so partners see there is something to answer. */
export function OpenAmendmentsBadge() {
  const { format } = useI18n()
  const { connection } = useBoardContext()
  const open = useAmendments(connection.doc).filter((a) => a.status === 'open').length
  if (open === 0) return null
  return (
    <span className="tab-badge" title={format('amend.tabBadge', { count: open })}>
      <span aria-hidden="true">{open}</span>
      <span className="visually-hidden">{format('amend.tabBadge', { count: open })}</span>
    </span>
  )
}
