import { useI18n } from '../i18n/i18n-context'
import { CardPage } from '../layout/card-page'

/** A link without (or with a wrong or renewed) token: say so, and what to do about it. */
export function NoAccess() {
  const { t } = useI18n()
  return (
    <CardPage titleId="no-access-title">
      <h1 id="no-access-title">{t('board.noAccessTitle')}</h1>
      <p className="lead">{t('board.noAccess')}</p>
      <a className="button secondary" href="/">
        {t('board.backToStart')}
      </a>
    </CardPage>
  )
}
