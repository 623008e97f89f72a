import { useEffect, useState } from 'react'
import { useServerConfig } from '../config/use-server-config'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { useParticipantUser } from '../identity/use-participant-user'
import { ParticipantDialog } from '../join/participant-dialog'
import { useBoardConnection } from '../sync/use-board-connection'
import { BoardCanvas } from './board-canvas'
import { NoAccess } from './no-access'
import { rememberedRole, rememberRole } from './remembered-role'
import { TopBar } from './top-bar'
import { useBoardInfo } from './use-board-info'
import { useBoardStore } from './use-board-store'

/** The board once we know who you are: top bar, tldraw canvas and the "your details" dialog. */
export function BoardScreen({
  boardId,
  token,
  userId,
  participant,
  onParticipantChange,
}: {
  boardId: string
  token: string
  userId: string
  participant: Participant
  onParticipantChange(participant: Participant): void
}) {
  const { t } = useI18n()
  const info = useBoardInfo(boardId, token)
  const title = info.kind === 'ready' ? info.info.title : null
  const role = info.kind === 'ready' ? info.info.role : null
  useDocumentTitle(`${title ?? boardId} · ${t('app.name')}`)
  const { connection, status } = useBoardConnection(boardId, token)
  const config = useServerConfig()
  const user = useParticipantUser(userId, participant)
  // The role decides how the editor is bound, so binding waits for it. Offline (no answer)
  // the last role this browser saw on this board is used.
  const readOnly = (role ?? rememberedRole(boardId)) === 'viewer'
  useEffect(() => {
    if (role) rememberRole(boardId, role)
  }, [boardId, role])
  const store = useBoardStore(info.kind === 'loading' ? null : connection, user, readOnly)
  const [editing, setEditing] = useState(false)

  if (info.kind === 'denied' || status === 'denied') return <NoAccess />

  return (
    <div className="board-layout">
      <TopBar
        boardId={boardId}
        title={title}
        readOnly={readOnly}
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

function useDocumentTitle(title: string) {
  useEffect(() => {
    const previous = document.title
    document.title = title
    return () => {
      document.title = previous
    }
  }, [title])
}
