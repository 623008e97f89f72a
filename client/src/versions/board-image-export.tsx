import { useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'

type Format = 'png' | 'svg'

/** Downloads the whole current page as an image, through tldraw's own export. */
export function BoardImageExport() {
  const { t } = useI18n()
  const { editor, boardId } = useBoardContext()
  const [busy, setBusy] = useState<Format | null>(null)
  const [message, setMessage] = useState('')

  async function exportAs(format: Format) {
    if (!editor) return
    const ids = [...editor.getCurrentPageShapeIds()]
    if (ids.length === 0) {
      setMessage(t('imageExport.empty'))
      return
    }
    setBusy(format)
    setMessage('')
    try {
      const { blob } = await editor.toImage(ids, { format, background: true, padding: 32 })
      const url = URL.createObjectURL(blob)
      const anchor = document.createElement('a')
      anchor.href = url
      anchor.download = `stip-bord-${boardId}.${format}`
      anchor.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch {
      setMessage(t('imageExport.failed'))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="panel-section versions-section" aria-labelledby="stip-image-export-title">
      <h3 id="stip-image-export-title">{t('imageExport.title')}</h3>
      <div className="panel-actions">
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button secondary small"
            disabled={!editor || busy !== null}
            aria-busy={busy === format}
            onClick={() => void exportAs(format)}
          >
            {t(format === 'png' ? 'imageExport.png' : 'imageExport.svg')}
          </button>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {message}
      </p>
    </section>
  )
}
