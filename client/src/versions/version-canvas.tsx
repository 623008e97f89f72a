import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
// As on the live board (board-canvas.tsx): Vite would inline tldraw's English translation as a
// data: URL, which the CSP's connect-src 'self' refuses (an uncaught "Failed to fetch").
import englishTranslationUrl from '@tldraw/assets/translations/en.json?url&no-inline'
import { useState } from 'react'
import { type Editor, type TLStoreSnapshot, Tldraw } from 'tldraw'
import { boardShapeUtils } from '../board/board-shape-utils'
import { useI18n } from '../i18n/i18n-context'

// Fonts and icons from Stip's own origin, as on the live board.
const bundledAssetUrls = getAssetUrlsByImport()
const assetUrls = {
  ...bundledAssetUrls,
  translations: { ...bundledAssetUrls.translations, en: englishTranslationUrl },
}
const NO_ANIMATION = { animation: { duration: 0 } }

/**
 * A saved version's board on a read-only tldraw canvas of its own: people zoom with the wheel,
 * a pinch or the buttons, and pan by dragging, as on the live board; nothing can be changed.
 */
export function VersionCanvas({ snapshot }: { snapshot: TLStoreSnapshot }) {
  const { t } = useI18n()
  const [editor, setEditor] = useState<Editor | null>(null)
  return (
    <div className="version-canvas">
      <div className="version-image" data-testid="version-image">
        <Tldraw
          snapshot={snapshot}
          shapeUtils={boardShapeUtils}
          assetUrls={assetUrls}
          hideUi
          autoFocus={false}
          onMount={(mounted) => {
            mounted.updateInstanceState({ isReadonly: true })
            mounted.setCurrentTool('hand')
            mounted.zoomToFit(NO_ANIMATION)
            setEditor(mounted)
            return () => setEditor(null)
          }}
        />
      </div>
      <div className="version-canvas-controls">
        <span className="hint">{t('versions.viewerZoomHint')}</span>
        <button
          type="button"
          className="button secondary small"
          aria-label={t('versions.zoomOut')}
          disabled={!editor}
          onClick={() => editor?.zoomOut(undefined, NO_ANIMATION)}
        >
          −
        </button>
        <button
          type="button"
          className="button secondary small"
          aria-label={t('versions.zoomIn')}
          disabled={!editor}
          onClick={() => editor?.zoomIn(undefined, NO_ANIMATION)}
        >
          +
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={!editor}
          onClick={() => editor?.zoomToFit(NO_ANIMATION)}
        >
          {t('versions.zoomFit')}
        </button>
      </div>
    </div>
  )
}
