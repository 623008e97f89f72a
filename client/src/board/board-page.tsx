import { useState } from 'react'
import { useServerConfig } from '../config/use-server-config'
import { useI18n } from '../i18n/i18n-context'
import { deviceUserId } from '../identity/device-user-id'
import { loadParticipant, type Participant, saveParticipant } from '../identity/participant'
import { useParticipantUser } from '../identity/use-participant-user'
import { JoinScreen } from '../join/join-screen'
import { ParticipantDialog } from '../join/participant-dialog'
import { useBoardConnection } from '../sync/use-board-connection'
import { BoardCanvas } from './board-canvas'
import { TopBar } from './top-bar'
import { useBoardStore } from './use-board-store'

/** `/b/:boardId`: the join screen until we know who you are, then the board. */
export function BoardPage({ boardId, token }: { boardId: string; token: string | null }) {
  const [participant, setParticipant] = useState<Participant | null>(() => loadParticipant(localStorage))
  const [userId] = useState(() => deviceUserId(localStorage))

  function remember(next: Participant) {
    saveParticipant(localStorage, next)
    setParticipant(next)
  }

  if (!participant) return <JoinScreen boardId={boardId} initial={null} onJoin={remember} />
  return (
    <BoardScreen
      boardId={boardId}
      token={token}
      userId={userId}
      participant={participant}
      onParticipantChange={remember}
    />
  )
}

function BoardScreen({
  boardId,
  token,
  userId,
  participant,
  onParticipantChange,
}: {
  boardId: string
  token: string | null
  userId: string
  participant: Participant
  onParticipantChange(participant: Participant): void
}) {
  const { t } = useI18n()
  const { connection, status } = useBoardConnection(boardId, token)
  const config = useServerConfig()
  const user = useParticipantUser(userId, participant)
  const store = useBoardStore(connection, user)
  const [editing, setEditing] = useState(false)

  return (
    <div className="board-layout">
      <TopBar
        boardId={boardId}
        status={status}
        participant={participant}
        onEditParticipant={() => setEditing(true)}
      />
      <main className="board-canvas" aria-busy={!store}>
        {store && connection && config ? (
          <BoardCanvas
            store={store}
            connection={connection}
            user={user}
            licenseKey={config.tldrawLicenseKey}
          />
        ) : (
          <p className="board-loading">{t('board.loading')}</p>
        )}
      </main>
      {editing ? (
        <ParticipantDialog
          participant={participant}
          onClose={() => setEditing(false)}
          onSave={(next) => {
            onParticipantChange(next)
            setEditing(false)
          }}
        />
      ) : null}
    </div>
  )
}
