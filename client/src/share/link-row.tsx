import type { Role } from '@stip/protocol'
import { useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { copyText } from './copy-text'

type Feedback = 'copied' | 'selected' | 'renewed' | 'renew-failed' | null

/** Wording for a row that is not one of the three role links (an organisation's signing link). */
export interface LinkRowTexts {
  name: string
  help: string
  renew: string
  renewHelp: string
  missing: string
  /** Said once a link is made; by default that the old link stopped working. */
  renewed?: string
}

/** One role's link in the share dialog: what it allows, the link, copy and (maybe) renew. */
export function LinkRow({
  linkRole: role,
  link,
  onRenew,
  texts,
}: {
  linkRole: Role
  /** null when this browser does not know the link (only a renewal can show one). */
  link: string | null
  onRenew?: () => Promise<void>
  /** Overrides the role's own wording; the row then carries no `data-role`. */
  texts?: LinkRowTexts
}) {
  const { t } = useI18n()
  const id = useId()
  const field = useRef<HTMLInputElement>(null)
  const [feedback, setFeedback] = useState<Feedback>(null)
  const [renewing, setRenewing] = useState(false)
  const roleName = texts?.name ?? t(`share.role.${role}`)

  async function copy() {
    if (!link) return
    setFeedback((await copyText(link, field.current)) ? 'copied' : 'selected')
  }
  async function renew() {
    if (!onRenew) return
    setRenewing(true)
    setFeedback(null)
    try {
      await onRenew()
      setFeedback('renewed')
    } catch {
      setFeedback('renew-failed')
    } finally {
      setRenewing(false)
    }
  }

  return (
    <section
      className={`link-row link-${texts ? 'custom' : role}`}
      aria-labelledby={`${id}-name`}
      data-role={texts ? undefined : role}
    >
      <div className="link-head">
        <h3 id={`${id}-name`}>{roleName}</h3>
        <p className="hint" id={`${id}-help`}>
          {texts?.help ?? t(`share.help.${role}`)}
        </p>
      </div>
      {link ? (
        <div className="link-field">
          <input
            ref={field}
            readOnly
            value={link}
            aria-labelledby={`${id}-name`}
            aria-describedby={`${id}-help`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            className="button primary small"
            aria-label={`${t('share.copy')}: ${roleName}`}
            onClick={() => void copy()}
          >
            {t('share.copy')}
          </button>
        </div>
      ) : (
        <p className="hint missing-link">{texts?.missing ?? t('share.missing')}</p>
      )}
      {onRenew ? (
        <div className="link-actions">
          <button
            type="button"
            className="button quiet small"
            aria-label={`${texts?.renew ?? t('share.renew')}: ${roleName}`}
            aria-describedby={`${id}-renew-help`}
            disabled={renewing}
            aria-busy={renewing}
            onClick={() => void renew()}
          >
            {renewing ? t('share.renewing') : (texts?.renew ?? t('share.renew'))}
          </button>
          <span className="visually-hidden" id={`${id}-renew-help`}>
            {texts?.renewHelp ?? t('share.renewHelp')}
          </span>
        </div>
      ) : null}
      <p className="link-feedback" aria-live="polite">
        {feedback === 'copied'
          ? t('share.copied')
          : feedback === 'selected'
            ? t('share.copyFailed')
            : feedback === 'renewed'
              ? (texts?.renewed ?? t('share.renewed'))
              : feedback === 'renew-failed'
                ? t('share.renewFailed')
                : ''}
      </p>
    </section>
  )
}
