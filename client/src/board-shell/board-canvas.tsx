import 'tldraw/tldraw.css'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
// Vite inlines files under 4 kB as data: URLs, and tldraw's English translation (`{}`) is
// one; the CSP's connect-src refuses fetching data: URLs, which made tldraw give up on
// translations altogether. `no-inline` keeps it a same-origin file like the others.
import englishTranslationUrl from '@tldraw/assets/translations/en.json?url&no-inline'
import { useCallback, useState } from 'react'
import {
  type Editor,
  type Signal,
  type TLComponents,
  type TLStore,
  type TLUser,
  type TLUserPreferences,
  Tldraw,
  useTldrawCurrentUser,
  useValue,
} from 'tldraw'
import { boardShapeUtils } from '../board/board-shape-utils'
import { markBoardLoad } from '../board/load-marks'
import { registerOfflineBookmarkHandler } from '../board/offline-bookmark-handler'
import { useBoardFontsLoaded, warmDefaultBoardFonts } from '../board/preload-board-fonts'
import { ReadableCursor } from '../board/readable-cursor'
import { SelectionStylePanel } from '../board/selection-style-panel'
import { showBoardContent } from '../board/show-board-content'
import { exposeForTests } from '../board/test-handle'
import { boardOptions } from '../board/text-options'
import { uiOverrides } from '../board/ui-overrides'
import { CommentBadges } from '../comments/comment-badges'
import { useI18n } from '../i18n/i18n-context'
import { isLocale } from '../i18n/messages'
import { noteVisibility } from '../notes/note-view'
import { noteAnchorReadings } from '../notes/use-note-anchors'
import { NoteReactionBadges } from '../reactions/note-reactions'
import type { BoardConnection } from '../sync/board-connection'
import { NoteDots } from '../voting/note-dots'
import { BoardContextMenu } from './board-context-menu'
import { keepCanvasFocusWithCanvas } from './canvas-focus'

// Bundled by Vite from @tldraw/assets: icons, fonts and translations come from our own origin.
const bundledAssetUrls = getAssetUrlsByImport()
const assetUrls = {
  ...bundledAssetUrls,
  translations: { ...bundledAssetUrls.translations, en: englishTranslationUrl },
}

/** Starts loading the board's usual fonts early (see preload-board-fonts.ts). */
export function warmBoardFonts(): void {
  warmDefaultBoardFonts(assetUrls.fonts)
}

/** What is drawn on the notes in front of the canvas, never into the doc. */
function OnTheNotes() {
  return (
    <>
      <NoteReactionBadges />
      <NoteDots />
      <CommentBadges />
    </>
  )
}

// Stable identity: tldraw re-renders its whole tree when `components` changes.
const canvasComponents: TLComponents = {
  CollaboratorCursor: ReadableCursor,
  // Cursor chat is off (ui-overrides): no bubble to type into either.
  CursorChatBubble: null,
  StylePanel: SelectionStylePanel,
  ContextMenu: BoardContextMenu,
  // Reactions, vote controls, comment counts and counts on the notes.
  InFrontOfTheCanvas: OnTheNotes,
}

export function BoardCanvas({
  store,
  connection,
  user,
  licenseKey,
  onEditor,
}: {
  store: TLStore
  connection: BoardConnection
  user: Signal<TLUser>
  licenseKey: string | null
  /** Called with the editor once mounted and with null when it unmounts. */
  onEditor?: (editor: Editor | null) => void
}) {
  const { locale, setLocale } = useI18n()
  const currentUser = useValue(user)
  // tldraw's own preferences (snap mode, dark mode, …) stay in this state; identity and
  // language always come from Stip so tldraw's UI follows the NL/EN switch.
  const [otherPrefs, setOtherPrefs] = useState<Partial<TLUserPreferences>>({})
  const userPreferences: TLUserPreferences = {
    ...otherPrefs,
    id: currentUser.id,
    name: currentUser.name,
    color: currentUser.color,
    locale,
  }
  const setUserPreferences = useCallback(
    (next: TLUserPreferences) => {
      const { id: _id, name: _name, color: _color, locale: nextLocale, ...rest } = next
      setOtherPrefs(rest)
      if (isLocale(nextLocale)) setLocale(nextLocale)
    },
    [setLocale],
  )
  const tldrawUser = useTldrawCurrentUser({ userPreferences, setUserPreferences })

  const onMount = useCallback(
    (editor: Editor) => {
      markBoardLoad('editor-mounted')
      registerOfflineBookmarkHandler(editor)
      showBoardContent(editor)
      const stopFocusFollowing = keepCanvasFocusWithCanvas(editor)
      onEditor?.(editor)
      const hideFromTests = exposeForTests({
        editor,
        doc: connection.doc,
        provider: connection.provider,
        noteAnchorReadings: () => noteAnchorReadings(editor),
      })
      return () => {
        hideFromTests()
        stopFocusFollowing()
        onEditor?.(null)
      }
    },
    [connection, onEditor],
  )

  const fontsLoaded = useBoardFontsLoaded(store, assetUrls.fonts)
  if (!fontsLoaded) return null

  return (
    <Tldraw
      store={store}
      assetUrls={assetUrls}
      shapeUtils={boardShapeUtils}
      options={boardOptions}
      overrides={uiOverrides}
      components={canvasComponents}
      user={tldrawUser}
      locale={locale}
      licenseKey={licenseKey ?? undefined}
      onMount={onMount}
      getShapeVisibility={noteVisibility}
    />
  )
}
