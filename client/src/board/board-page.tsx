import { lazy, Suspense, useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { deviceUserId } from '../identity/device-user-id'
import { loadParticipant, type Participant, saveParticipant } from '../identity/participant'
import { JoinScreen } from '../join/join-screen'
import { NoAccess } from './no-access'

// tldraw is most of the bundle: the join screen shows at once while it loads in the background.
const loadBoardScreen = () => import('./board-screen')
const BoardScreen = lazy(() =>
  loadBoardScreen().then((module) => ({ default: module.BoardScreen })),
)

/** `/b/:boardId`: the join screen until we know who you are, then the board. */
export function BoardPage({ boardId, token }: { boardId: string; token: string | null }) {
  const { t } = useI18n()
  const [participant, setParticipant] = useState<Participant | null>(() =>
    loadParticipant(localStorage),
  )
  const [userId] = useState(() => deviceUserId(localStorage))
  useEffect(() => {
    void loadBoardScreen()
  }, [])

  function remember(next: Participant) {
    saveParticipant(localStorage, next)
    setParticipant(next)
  }

  // Every board link carries its token; without one the server would refuse us anyway.
  if (!token) return <NoAccess />
  if (!participant) return <JoinScreen boardId={boardId} initial={null} onJoin={remember} />
  return (
    <Suspense fallback={<p className="board-loading">{t('board.loading')}</p>}>
      <BoardScreen
        boardId={boardId}
        token={token}
        userId={userId}
        participant={participant}
        onParticipantChange={remember}
      />
    </Suspense>
  )
}
