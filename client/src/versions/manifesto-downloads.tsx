import { useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'

const FORMATS = [
  { extension: 'pdf', labelKey: 'manifestoExport.pdf' },
  { extension: 'docx', labelKey: 'manifestoExport.docx' },
  { extension: 'md', labelKey: 'manifestoExport.md' },
] as const

/**
 * Downloads the manifesto with its signatures as PDF, Word or Markdown. Fetched with the
 * token in a header (not in the URL), then handed to the browser as a file.
 */
export function ManifestoDownloads() {
  const { t } = useI18n()
  const { boardId, token } = useBoardContext()
  const [busy, setBusy] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)

  async function download(extension: string) {
    setBusy(extension)
    setFailed(false)
    try {
      const response = await fetch(
        `/api/boards/${encodeURIComponent(boardId)}/manifesto.${extension}`,
        { headers: { authorization: `Bearer ${token}` } },
      )
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1]
      const url = URL.createObjectURL(await response.blob())
      const anchor = document.createElement('a')
      anchor.href = url
      anchor.download = name ?? `manifest.${extension}`
      anchor.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch {
      setFailed(true)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section
      className="panel-section versions-section"
      aria-labelledby="stip-manifesto-export-title"
    >
      <h3 id="stip-manifesto-export-title">{t('manifestoExport.title')}</h3>
      <p className="hint">{t('manifestoExport.hint')}</p>
      <div className="panel-actions">
        {FORMATS.map(({ extension, labelKey }) => (
          <button
            key={extension}
            type="button"
            className="button secondary small"
            disabled={busy !== null}
            aria-busy={busy === extension}
            onClick={() => void download(extension)}
          >
            {t(labelKey)}
          </button>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {failed ? t('manifestoExport.failed') : ''}
      </p>
    </section>
  )
}
