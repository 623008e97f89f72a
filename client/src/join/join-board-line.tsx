import { useI18n } from '../i18n/i18n-context'

/** " · Bord <title>" under the app name on the join screens (the id while the title is unknown). */
export function JoinBoardLine({ boardId, title }: { boardId: string; title: string | null }) {
  const { t } = useI18n()
  return (
    <>
      {' '}
      · {t('board.label')}{' '}
      {title ? <span className="join-board-title">{title}</span> : <code>{boardId}</code>}
    </>
  )
}
