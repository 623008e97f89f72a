import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { LanguageSwitch } from './language-switch'

/**
 * The shell of Stip's single-card pages (join, no access): a centred card under the
 * language switch, headed by the Stip mark and an optional line about the board.
 */
export function CardPage({
  titleId,
  boardLine,
  children,
}: {
  /** The id of the card's h1, which labels the card. */
  titleId: string
  boardLine?: ReactNode
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <main className="centered-page">
      <div className="page-corner">
        <LanguageSwitch />
      </div>
      <section className="card" aria-labelledby={titleId}>
        <p className="eyebrow">
          <span className="logo-dot" aria-hidden="true" /> {t('app.name')}
          {boardLine}
        </p>
        {children}
      </section>
    </main>
  )
}
