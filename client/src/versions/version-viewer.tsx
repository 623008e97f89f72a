import { useEffect, useId, useMemo, useRef } from 'react'
import type { SerializedSchema, TLRecord, TLStoreSnapshot } from 'tldraw'
import type { OpenedVersion } from '../api/versions-api'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { ErrorBoundary } from '../layout/error-boundary'
import { MarkdownView } from './markdown-view'
import { validVersionRecords } from './valid-version-records'
import { VersionCanvas } from './version-canvas'

/**
 * A saved version, read only: the board on a canvas to zoom and pan, drawn from its records,
 * and the manifesto's text. A modal `<dialog>`: Escape closes it, focus returns to the opener.
 */
export function VersionViewer({
  opened,
  schema,
  timeText,
  onClose,
}: {
  opened: OpenedVersion
  /** The live board's schema: the records were written by the same client. */
  schema: SerializedSchema | null
  timeText: string
  onClose(): void
}) {
  const { t } = useI18n()
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => opener?.focus()
  }, [])

  // Invalid records are skipped (and logged) as on the live board, not drawn.
  const valid = useMemo(() => validVersionRecords(opened.records, schema), [opened, schema])
  const hasShapes = valid.records.some((record) => record.typeName === 'shape')
  const snapshot: TLStoreSnapshot = {
    store: Object.fromEntries(valid.records.map((r) => [r.id, r])) as Record<string, TLRecord>,
    schema: valid.schema,
  }

  return (
    <dialog
      ref={ref}
      className="dialog version-viewer"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <div className="dialog-head">
        <h2 id={`${id}-title`}>
          {fillTemplate(t('versions.viewerTitle'), { name: opened.version.name })}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('versions.close')}
          onClick={() => ref.current?.close()}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="lead">{fillTemplate(t('versions.viewerReadOnly'), { time: timeText })}</p>
      <div className="version-viewer-body">
        <section aria-labelledby={`${id}-board`} className="version-board">
          <h3 id={`${id}-board`}>{t('versions.viewerBoard')}</h3>
          {hasShapes ? (
            <ErrorBoundary area="the version viewer">
              <VersionCanvas snapshot={snapshot} />
            </ErrorBoundary>
          ) : (
            <p className="hint">{t('versions.viewerNoShapes')}</p>
          )}
        </section>
        <section aria-labelledby={`${id}-manifesto`} className="version-manifesto">
          <h3 id={`${id}-manifesto`}>{t('versions.viewerManifesto')}</h3>
          {opened.manifestoMarkdown.trim() ? (
            <ErrorBoundary area="the version's manifesto">
              <MarkdownView markdown={opened.manifestoMarkdown} />
            </ErrorBoundary>
          ) : (
            <p className="hint">{t('versions.viewerNoManifesto')}</p>
          )}
        </section>
      </div>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
          {t('versions.close')}
        </button>
      </div>
    </dialog>
  )
}
