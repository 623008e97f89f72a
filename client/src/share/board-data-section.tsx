import { useEffect, useId, useRef, useState } from 'react'
import { clearDocument } from 'y-indexeddb'
import { deleteBoard, downloadAuditLog, downloadBoardExport } from '../api/boards-api'
import { forgetLinks } from '../api/stored-links'
import { useI18n } from '../i18n/i18n-context'
import { indexedDbName } from '../sync/board-connection'

type Phase = 'idle' | 'exporting' | 'auditing' | 'confirming' | 'deleting'

/**
 * The facilitator's control over the board's data (AVG): download everything Stip keeps of it
 * as JSON, its audit log (who did what, when) as CSV or JSON, or delete it with all its data
 * for everyone. Deleting asks once more inside the
 * dialog and says plainly what it removes.
 */
export function BoardDataSection({
  boardId,
  facilitatorToken,
}: {
  boardId: string
  facilitatorToken: string
}) {
  const { t } = useI18n()
  const id = useId()
  const [phase, setPhase] = useState<Phase>('idle')
  const [error, setError] = useState<string | null>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)

  // The question appears below the fold of a long dialog: bring it, and the keyboard, to it.
  useEffect(() => {
    if (phase === 'confirming') confirmButton.current?.focus()
  }, [phase])

  async function exportAll() {
    setPhase('exporting')
    setError(null)
    try {
      saveBlob(await downloadBoardExport(boardId, facilitatorToken), `stip-${boardId}.json`)
    } catch {
      setError(t('data.exportFailed'))
    } finally {
      setPhase('idle')
    }
  }

  async function downloadAudit(format: 'csv' | 'json') {
    setPhase('auditing')
    setError(null)
    try {
      const blob = await downloadAuditLog(boardId, facilitatorToken, format)
      saveBlob(blob, `stip-${boardId}-logboek.${format}`)
    } catch {
      setError(t('audit.failed'))
    } finally {
      setPhase('idle')
    }
  }

  async function deleteForGood() {
    setPhase('deleting')
    setError(null)
    try {
      await deleteBoard(boardId, facilitatorToken)
      forgetLinks(localStorage, boardId)
      await clearDocument(indexedDbName(boardId)).catch(() => undefined)
      window.location.assign('/')
    } catch {
      setError(t('data.deleteFailed'))
      setPhase('confirming')
    }
  }

  return (
    <section className="board-data" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('data.title')}</h3>
      <p className="hint">{t('data.intro')}</p>
      <div className="board-data-actions">
        <button
          type="button"
          className="button secondary"
          disabled={phase !== 'idle'}
          onClick={exportAll}
        >
          {phase === 'exporting' ? t('data.exporting') : t('data.export')}
        </button>
        {phase === 'idle' || phase === 'exporting' || phase === 'auditing' ? (
          <button
            type="button"
            className="button danger"
            disabled={phase !== 'idle'}
            onClick={() => setPhase('confirming')}
          >
            {t('data.delete')}
          </button>
        ) : null}
      </div>
      <h4 id={`${id}-audit`}>{t('audit.title')}</h4>
      <p className="hint">{t('audit.intro')}</p>
      <div className="board-data-actions">
        <button
          type="button"
          className="button secondary"
          disabled={phase !== 'idle'}
          onClick={() => downloadAudit('csv')}
        >
          {t('audit.csv')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={phase !== 'idle'}
          onClick={() => downloadAudit('json')}
        >
          {t('audit.json')}
        </button>
      </div>
      {phase === 'confirming' || phase === 'deleting' ? (
        <div className="confirm-delete">
          <p id={`${id}-confirm`}>{t('data.confirmText')}</p>
          <div className="board-data-actions">
            <button
              ref={confirmButton}
              aria-describedby={`${id}-confirm`}
              type="button"
              className="button danger"
              disabled={phase === 'deleting'}
              onClick={deleteForGood}
            >
              {phase === 'deleting' ? t('data.deleting') : t('data.confirmDelete')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={phase === 'deleting'}
              onClick={() => setPhase('idle')}
            >
              {t('data.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
