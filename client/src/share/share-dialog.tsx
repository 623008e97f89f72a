import type { Role } from '@stip/protocol'
import { useEffect, useId, useRef, useState } from 'react'
import { renewLink } from '../api/boards-api'
import { boardLink, loadLinks, type StoredLinks, saveLinks } from '../api/stored-links'
import { useI18n } from '../i18n/i18n-context'
import { BoardDataSection } from './board-data-section'
import { LinkRow } from './link-row'
import { QrImage } from './qr-image'
import { SigningLinksSection } from './signing-links-section'

type QrRole = Exclude<Role, 'facilitator'>

/**
 * The facilitator's share dialog: the three links, a QR code, and renewing the editor and
 * viewer links. A modal `<dialog>` traps focus and closes on Escape; focus returns to the
 * element that opened it.
 */
export function ShareDialog({
  boardId,
  facilitatorToken,
  onClose,
}: {
  boardId: string
  facilitatorToken: string
  onClose(): void
}) {
  const { t } = useI18n()
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const [links, setLinks] = useState<StoredLinks>(() => ({
    // This browser holds the facilitator's token, even if it did not create the board; the
    // address bar no longer shows it.
    facilitator: boardLink(window.location.origin, boardId, facilitatorToken),
    ...loadLinks(localStorage, boardId),
  }))
  const [qrRole, setQrRole] = useState<QrRole>('editor')

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => opener?.focus()
  }, [])

  async function renew(role: QrRole) {
    const link = await renewLink(boardId, role, facilitatorToken)
    saveLinks(localStorage, boardId, { [role]: link })
    setLinks((previous) => ({ ...previous, [role]: link }))
  }

  const qrLink = links[qrRole] ?? null
  const qrLabel = `${t('share.qrFor')} ${t(`share.role.${qrRole}`)}`

  return (
    <dialog
      ref={ref}
      className="dialog share-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
    >
      <div className="dialog-head">
        <h2 id={`${id}-title`}>{t('share.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('share.close')}
          onClick={() => ref.current?.close()}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="lead" id={`${id}-intro`}>
        {t('share.intro')}
      </p>
      <div className="share-body">
        <div className="share-links">
          <LinkRow linkRole="editor" link={links.editor ?? null} onRenew={() => renew('editor')} />
          <LinkRow linkRole="viewer" link={links.viewer ?? null} onRenew={() => renew('viewer')} />
          <LinkRow linkRole="facilitator" link={links.facilitator ?? null} />
          <p className="hint">{t('share.lastLinkWins')}</p>
        </div>
        <aside className="share-qr" aria-labelledby={`${id}-qr-title`}>
          <h3 id={`${id}-qr-title`}>{t('share.qrTitle')}</h3>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('share.qrTitle')}</legend>
            {(['editor', 'viewer'] as const).map((role) => (
              <button
                key={role}
                type="button"
                aria-pressed={qrRole === role}
                onClick={() => setQrRole(role)}
              >
                {t(`share.role.${role}`)}
              </button>
            ))}
          </fieldset>
          {qrLink ? (
            <QrImage text={qrLink} label={qrLabel} />
          ) : (
            <p className="hint missing-link">{t('share.missing')}</p>
          )}
          <p className="hint">{t('share.qrHint')}</p>
        </aside>
      </div>
      <SigningLinksSection boardId={boardId} facilitatorToken={facilitatorToken} />
      <BoardDataSection boardId={boardId} facilitatorToken={facilitatorToken} />
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
          {t('share.close')}
        </button>
      </div>
    </dialog>
  )
}
