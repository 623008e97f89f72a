import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { useDownload } from './use-download'
import './download-buttons.css'

export interface DownloadFormat {
  key: string
  label: string
  path: string
  fallbackName: string
}

/**
 * A row of download buttons with one status line: "… wordt gemaakt…" while the server makes a
 * file (the other buttons wait), a Dutch error when it fails.
 */
export function DownloadButtons({ formats }: { formats: readonly DownloadFormat[] }) {
  const { t } = useI18n()
  const download = useDownload()
  const busyFormat = formats.find((format) => format.key === download.busy)
  const failedFormat = formats.find((format) => format.key === download.failed)
  return (
    <>
      <div className="panel-actions">
        {formats.map((format) => (
          // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
          <button
            key={format.key}
            type="button"
            className="button secondary small"
            aria-disabled={download.busy !== null}
            aria-busy={download.busy === format.key}
            onClick={() => {
              if (download.busy === null)
                void download.start(format.key, format.path, format.fallbackName)
            }}
          >
            {format.label}
          </button>
        ))}
      </div>
      <p className="hint" role="status" aria-live="polite">
        {busyFormat ? fillTemplate(t('download.busy'), { name: busyFormat.label }) : null}
        {failedFormat ? (
          <span className="download-failed">
            {fillTemplate(t('download.failed'), { name: failedFormat.label })}
          </span>
        ) : null}
      </p>
    </>
  )
}
