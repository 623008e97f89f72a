import { useI18n } from '../i18n/i18n-context'
import { ACCESSIBILITY_PATH } from '../routing/parse-route'

/** The footer of the pages outside a board: where the accessibility statement is found. */
export function SiteFooter({ navigate }: { navigate(path: string): void }) {
  const { t } = useI18n()
  return (
    <footer className="site-footer">
      <nav aria-label={t('footer.label')}>
        <a
          href={ACCESSIBILITY_PATH}
          onClick={(event) => {
            event.preventDefault()
            navigate(ACCESSIBILITY_PATH)
          }}
        >
          {t('footer.accessibility')}
        </a>
      </nav>
    </footer>
  )
}
