import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { findBoardOrganisation } from '../board/organisation-in-board'
import { useBoardInfo } from '../board/use-board-info'
import { useI18n } from '../i18n/i18n-context'
import { deviceUserId } from '../identity/device-user-id'
import { loadParticipant, type Participant, saveParticipant } from '../identity/participant'
import { JoinScreen } from '../join/join-screen'
import { ViewerJoinScreen } from '../join/viewer-join-screen'
import { loadViewerName, saveViewerName, viewerParticipant } from '../join/viewer-name'
import { acquireBoardConnection } from '../sync/shared-board-connection'
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
  const [viewerName, setViewerName] = useState(() => loadViewerName(localStorage))
  const viewer = useMemo(
    () => (viewerName ? viewerParticipant(viewerName, t('join.viewerOrganisation')) : null),
    [viewerName, t],
  )
  const [userId] = useState(() => deviceUserId(localStorage))
  const info = useBoardInfo(boardId, token)
  useEffect(() => {
    void loadBoardScreen()
  }, [])
  // Start fetching the board's document now, alongside the canvas code and while a newcomer
  // fills in the join form, instead of after both: the board screen takes this connection.
  useEffect(() => {
    if (!token) return
    return acquireBoardConnection(boardId, token).release
  }, [boardId, token])

  function remember(next: Participant) {
    saveParticipant(localStorage, next)
    setParticipant(next)
  }

  // Every board link carries its token; without one the server would refuse us anyway.
  if (!token) return <NoAccess />
  // The join screen offers the board's organisations, so it waits for them (a quick request;
  // offline it fails fast and the board opens from local data).
  if (info.kind === 'loading') return <p className="board-loading">{t('board.loading')}</p>
  const organisations = info.kind === 'ready' ? info.info.organisations : []
  const title = info.kind === 'ready' ? info.info.title : null
  const signsFor = info.kind === 'ready' ? (info.info.signsFor?.organisationName ?? null) : null
  // Someone remembered from another board chooses again if their organisation is not one of
  // this board's; a signing link fixes the organisation to the one it signs for.
  const fits =
    participant !== null &&
    (signsFor
      ? findBoardOrganisation(participant.organisation, organisations)?.name === signsFor
      : organisations.length === 0 ||
        findBoardOrganisation(participant.organisation, organisations) !== undefined)
  let who = fits ? participant : null
  // A meekijklink asks only for a name, and says from the first screen that you will watch.
  if (!who && info.kind === 'ready' && info.info.role === 'viewer') {
    if (!viewer) {
      return (
        <ViewerJoinScreen
          boardId={boardId}
          title={title}
          initialName={participant?.name ?? ''}
          onJoin={(name) => {
            saveViewerName(localStorage, name)
            setViewerName(name)
          }}
        />
      )
    }
    who = viewer
  }
  if (!who) {
    return (
      <JoinScreen
        boardId={boardId}
        title={title}
        initial={participant}
        organisations={organisations}
        signsFor={signsFor}
        onJoin={remember}
      />
    )
  }
  return (
    <Suspense fallback={<p className="board-loading">{t('board.loading')}</p>}>
      <BoardScreen
        boardId={boardId}
        token={token}
        info={info}
        userId={userId}
        participant={who}
        onParticipantChange={remember}
      />
    </Suspense>
  )
}
