import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Editor } from 'tldraw'
import { takeShareWelcome } from '../api/stored-links'
import { createBoardAssetStore } from '../board/board-asset-store'
import { BoardContextProvider, type BoardContextValue } from '../board/board-context'
import { colorInBoard } from '../board/organisation-in-board'
import { rememberedRole, rememberRole } from '../board/remembered-role'
import type { BoardInfoState } from '../board/use-board-info'
import { useBoardStore } from '../board/use-board-store'
import { useShallowStable } from '../board/use-shallow-stable'
import { OpenCommentsBadge } from '../comments/open-comments-badge'
import { useServerConfig } from '../config/use-server-config'
import { SessionOverlay } from '../facilitation/session-overlay'
import { useI18n } from '../i18n/i18n-context'
import type { Participant } from '../identity/participant'
import { participantSecret } from '../identity/participant-secret'
import { useParticipantUser } from '../identity/use-participant-user'
import { ParticipantDialog } from '../join/participant-dialog'
import { ErrorBoundary } from '../layout/error-boundary'
import { ListView } from '../list-view/list-view'
import { FollowUpArrival } from '../progress/follow-up-arrival'
import { SEARCH_INPUT_ID } from '../search/search-panel'
import { SearchShortcut } from '../search/search-shortcut'
import { RetentionBanner } from '../share/retention-banner'
import { ShareDialog } from '../share/share-dialog'
import { useBoardConnection } from '../sync/use-board-connection'
import { TemplateGuardMount } from '../werkvormen/template-guard-mount'
import { BoardCanvas, warmBoardFonts } from './board-canvas'
import { useBoardView } from './board-view'
import { ConnectionNotice } from './connection-notice'
import { LicenceNotice } from './licence-notice'
import { NoAccess } from './no-access'
import { boardPanels } from './panel-registry'
import { SidePanel } from './side-panel'
import { TopBar } from './top-bar'
import { useTldrawLicenceGate } from './use-tldraw-licence-gate'

type OpenDialog = 'participant' | 'share' | null

/** The board once we know who you are: top bar, tldraw canvas and its dialogs. */
export function BoardScreen({
  boardId,
  token,
  info,
  userId,
  participant,
  onParticipantChange,
}: {
  boardId: string
  token: string
  info: BoardInfoState
  userId: string
  participant: Participant
  onParticipantChange(participant: Participant): void
}) {
  const { t } = useI18n()
  const title = info.kind === 'ready' ? info.info.title : null
  const role = info.kind === 'ready' ? info.info.role : null
  const organisations = info.kind === 'ready' ? info.info.organisations : []
  useDocumentTitle(`${title ?? boardId} · ${t('app.name')}`)
  useEffect(warmBoardFonts, [])
  const { connection, status, notice } = useBoardConnection(boardId, token)
  const config = useServerConfig()
  const color = colorInBoard(participant.organisation, organisations)
  const user = useParticipantUser(userId, participant, color)
  // The role decides how the editor is bound, so binding waits for it. Offline (no answer)
  // the last role this browser saw on this board is used.
  const readOnly = (role ?? rememberedRole(boardId)) === 'viewer'
  useEffect(() => {
    if (role) rememberRole(boardId, role)
  }, [boardId, role])
  const assets = useMemo(
    () => createBoardAssetStore(boardId, token, readOnly),
    [boardId, token, readOnly],
  )
  const sealed = useMemo(
    () => ({ boardId, token, secret: participantSecret(boardId) }),
    [boardId, token],
  )
  const store = useBoardStore(
    info.kind === 'loading' ? null : connection,
    user,
    readOnly,
    assets,
    sealed,
  )
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [view, setView] = useBoardView()
  const [editor, setEditor] = useState<Editor | null>(null)
  const [canvasHost, setCanvasHost] = useState<HTMLElement | null>(null)
  const licenceGone = useTldrawLicenceGate(canvasHost)
  // A signing link opens on the manifesto, where the one thing to do is sign.
  const signer = info.kind === 'ready' && info.info.signsFor !== undefined
  // On a phone the panel would cover most of the canvas, so it starts closed there.
  const [panelsOpen, setPanelsOpen] = useState(
    () => signer || !window.matchMedia('(max-width: 700px)').matches,
  )
  const [activePanel, setActivePanel] = useState(signer ? 'manifesto' : (boardPanels[0]?.id ?? ''))
  const openPanel = useCallback((panelId: string, focus?: string) => {
    setPanelsOpen(true)
    setActivePanel(panelId)
    if (focus) focusSoon(focus)
  }, [])
  const closePanels = useCallback(() => {
    setPanelsOpen(false)
    editor?.getContainer().focus()
  }, [editor])
  const facilitator = role === 'facilitator'
  const contextFields = useShallowStable({
    boardId,
    token,
    role,
    readOnly,
    facilitator,
    editor,
    userId,
    participant,
    color,
    organisations,
    openPanel,
    closePanels,
  })
  const boardContext = useMemo<BoardContextValue | null>(
    () => (connection ? { ...contextFields, connection } : null),
    [contextFields, connection],
  )
  // Right after creating a board, its links are shown once so the facilitator can hand them out.
  useEffect(() => {
    if (facilitator && takeShareWelcome(localStorage, boardId)) setDialog('share')
  }, [facilitator, boardId])

  if (info.kind === 'denied' || status === 'denied') return <NoAccess />
  // The canvas stays mounted behind the list: the list changes the board through its editor.
  const listShown = view === 'list' && boardContext !== null

  const layout = (
    <div className="board-layout">
      <TopBar
        boardId={boardId}
        title={title}
        readOnly={readOnly}
        status={status}
        participant={participant}
        participantColor={color}
        onEditParticipant={() => setDialog('participant')}
        onShare={facilitator ? () => setDialog('share') : undefined}
        panelsOpen={boardPanels.length > 0 && boardContext ? panelsOpen : undefined}
        onTogglePanels={() => setPanelsOpen((open) => !open)}
        panelsBadge={<OpenCommentsBadge />}
        view={boardContext ? view : undefined}
        onViewChange={setView}
      />
      {facilitator && info.kind === 'ready' && info.info.retention ? (
        <RetentionBanner boardId={boardId} retention={info.info.retention} />
      ) : null}
      <ConnectionNotice
        status={status}
        notice={notice}
        onReconnect={() => connection?.provider.connect()}
      />
      <div className="board-body">
        <main className="board-canvas" aria-busy={!store}>
          {/* The timer, the current step and the session notices take a strip of their own
              above the canvas: floating over it, they covered the werkvorm's title. */}
          {boardContext ? <SessionOverlay /> : null}
          <div
            ref={setCanvasHost}
            className={listShown ? 'board-canvas-stage behind-list' : 'board-canvas-stage'}
            inert={listShown}
          >
            {store && connection && config ? (
              <BoardCanvas
                key={connection.doc.guid}
                store={store}
                connection={connection}
                user={user}
                licenseKey={config.tldrawLicenseKey}
                onEditor={setEditor}
              />
            ) : (
              <p className="board-loading">{t('board.loading')}</p>
            )}
            {licenceGone ? <LicenceNotice facilitator={facilitator} /> : null}
          </div>
          {listShown ? (
            <ErrorBoundary area="the list view">
              <ListView />
            </ErrorBoundary>
          ) : null}
          {boardContext ? <TemplateGuardMount /> : null}
          {boardContext ? <FollowUpArrival /> : null}
          {boardContext ? (
            <SearchShortcut panelId="search" inputSelector={`#${SEARCH_INPUT_ID}`} />
          ) : null}
        </main>
        {panelsOpen && boardContext ? (
          <SidePanel panels={boardPanels} activeId={activePanel} onSelect={setActivePanel} />
        ) : null}
      </div>
      {dialog === 'participant' ? (
        <ParticipantDialog
          participant={participant}
          organisations={organisations}
          onClose={() => setDialog(null)}
          onSave={(next) => {
            onParticipantChange(next)
            setDialog(null)
          }}
        />
      ) : null}
      {dialog === 'share' && facilitator ? (
        <ShareDialog boardId={boardId} facilitatorToken={token} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  )
  return boardContext ? (
    <BoardContextProvider value={boardContext}>{layout}</BoardContextProvider>
  ) : (
    layout
  )
}

/**
 * Focuses the element once it exists and keeps it focused for a few frames: the tab's content
 * appears only after React rendered it, and a closing menu hands focus back to its trigger.
 */
function focusSoon(selector: string, frames = 20) {
  const step = (left: number) => {
    const element = document.querySelector<HTMLElement>(selector)
    if (element && document.activeElement !== element) element.focus()
    if (left > 0) requestAnimationFrame(() => step(left - 1))
  }
  requestAnimationFrame(() => step(frames))
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
