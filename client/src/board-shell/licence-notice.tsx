import { useId } from 'react'
import { useI18n } from '../i18n/i18n-context'

/** tldraw's own page on licence keys: trial, commercial and hobby licences. */
export const TLDRAW_LICENCE_OPTIONS_URL = 'https://tldraw.dev/sdk-features/license-key'

/**
 * Shown where the canvas was after tldraw's licence check removed it (HTTPS on a production
 * host without TLDRAW_LICENSE_KEY). It explains; it never brings the canvas back: tldraw's
 * licence forbids working around its check. The facilitator learns what to do, others whom
 * to ask.
 */
export function LicenceNotice({ facilitator }: { facilitator: boolean }) {
  const { t } = useI18n()
  const id = useId()
  return (
    <section className="licence-notice" role="alert" aria-labelledby={`${id}-title`}>
      <div className="licence-notice-card">
        <h2 id={`${id}-title`}>{t('licence.title')}</h2>
        <p>{t('licence.why')}</p>
        <p>{t('licence.safe')}</p>
        {facilitator ? (
          <>
            <p>{withVariableAsCode(t('licence.facilitator.todo'))}</p>
            <p>{t('licence.facilitator.options')}</p>
            <p>
              <a href={TLDRAW_LICENCE_OPTIONS_URL} target="_blank" rel="noreferrer">
                {t('licence.facilitator.link')}
              </a>
            </p>
          </>
        ) : (
          <p>{t('licence.other.todo')}</p>
        )}
      </div>
    </section>
  )
}

const LICENCE_VARIABLE = 'TLDRAW_LICENSE_KEY'

/** Sets the environment variable's name in code type, so it reads as something to type. */
function withVariableAsCode(text: string) {
  const [before, ...rest] = text.split(LICENCE_VARIABLE)
  if (rest.length === 0) return text
  return (
    <>
      {before}
      <code>{LICENCE_VARIABLE}</code>
      {rest.join(LICENCE_VARIABLE)}
    </>
  )
}
