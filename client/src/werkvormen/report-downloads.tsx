import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { DownloadButtons } from '../versions/download-buttons'

const FORMATS = [
  { extension: 'pdf', labelKey: 'werkvormen.reportPdf' },
  { extension: 'docx', labelKey: 'werkvormen.reportDocx' },
  { extension: 'md', labelKey: 'werkvormen.reportMarkdown' },
  { extension: 'csv', labelKey: 'werkvormen.reportCsv' },
] as const

/** The session report (gespreksverslag) as PDF, Word, Markdown or CSV, in the UI's language. */
export function ReportDownloads() {
  const { t, locale } = useI18n()
  const { boardId } = useBoardContext()
  return (
    <section aria-labelledby="werkvormen-report">
      <h3 id="werkvormen-report">{t('werkvormen.report')}</h3>
      <p className="hint">{t('werkvormen.reportHint')}</p>
      <DownloadButtons
        formats={FORMATS.map(({ extension, labelKey }) => ({
          key: extension,
          label: t(labelKey),
          path: `/api/boards/${encodeURIComponent(boardId)}/report.${extension}?lang=${locale}`,
          fallbackName: `verslag.${extension}`,
        }))}
      />
    </section>
  )
}
