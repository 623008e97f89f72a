import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { DownloadButtons } from './download-buttons'

const FORMATS = [
  { extension: 'pdf', labelKey: 'manifestoExport.pdf' },
  { extension: 'docx', labelKey: 'manifestoExport.docx' },
  { extension: 'md', labelKey: 'manifestoExport.md' },
] as const

/** Downloads the manifesto with its signatures as PDF, Word or Markdown. */
export function ManifestoDownloads() {
  const { t } = useI18n()
  const { boardId } = useBoardContext()
  return (
    <section
      className="panel-section versions-section"
      aria-labelledby="stip-manifesto-export-title"
    >
      <h3 id="stip-manifesto-export-title">{t('manifestoExport.title')}</h3>
      <p className="hint">{t('manifestoExport.hint')}</p>
      <DownloadButtons
        formats={FORMATS.map(({ extension, labelKey }) => ({
          key: extension,
          label: t(labelKey),
          path: `/api/boards/${encodeURIComponent(boardId)}/manifesto.${extension}`,
          fallbackName: `manifest.${extension}`,
        }))}
      />
    </section>
  )
}
