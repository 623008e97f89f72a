import { useEffect, useRef } from 'react'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { useDownload } from './use-download'
import { useElapsedSeconds } from './use-elapsed-seconds'
import './download-buttons.css'

export interface DownloadFormat {
  key: string
  label: string
  path: string
  fallbackName: string
}

/**
 * A row of download buttons with one status line: "… wordt gemaakt…" with a moving bar and
 * the seconds so far while the server makes a file (a report of 2,000 notes takes several;
 * the other buttons wait), then that it is downloaded, or a Dutch error when it fails.
 */
export function DownloadButtons({ formats }: { formats: readonly DownloadFormat[] }) {
  const { t } = useI18n()
  const download = useDownload()
  const status = useRef<HTMLDivElement>(null)
  const seconds = useElapsedSeconds(download.busy !== null)
  const busyFormat = formats.find((format) => format.key === download.busy)
  const failedFormat = formats.find((format) => format.key === download.failed)
  const doneFormat = formats.find((format) => format.key === download.done)
  // Below a wrapped row of buttons the status line can sit under the panel's fold: bring it
  // into view, so the wait is seen where the button was pressed.
  useEffect(() => {
    if (download.busy !== null) status.current?.scrollIntoView?.({ block: 'nearest' })
  }, [download.busy])
  return (
    <>
      <div className="panel-actions">
        {formats.map((format) => (
          // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
          <button
            key={format.key}
            type="button"
            className="button secondary small download-button"
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
      <div className="download-status" ref={status}>
        <p className="hint" role="status" aria-live="polite">
          {busyFormat ? fillTemplate(t('download.busy'), { name: busyFormat.label }) : null}
          {doneFormat ? fillTemplate(t('download.done'), { name: doneFormat.label }) : null}
          {failedFormat ? (
            <span className="download-failed">
              {fillTemplate(t('download.failed'), { name: failedFormat.label })}
            </span>
          ) : null}
        </p>
        {busyFormat ? (
          <div className="download-progress">
            {/* No value: the server does not say how far it is, so the bar only moves. */}
            <progress aria-label={fillTemplate(t('download.busy'), { name: busyFormat.label })} />
            {/* Seen, not announced: a count read out every second would drown the page. */}
            <span aria-hidden="true">{fillTemplate(t('download.seconds'), { seconds })}</span>
          </div>
        ) : null}
      </div>
    </>
  )
}
