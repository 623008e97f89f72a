import './error-boundary.css'
import { Component, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context'

interface Props {
  /** Where it happened, for the log. */
  area: string
  children: ReactNode
}

/**
 * Keeps a fault in one part of the screen (a side panel, the version viewer) from blanking
 * the whole app: that part shows a Dutch message and "Opnieuw proberen", the board stays.
 */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override componentDidCatch(error: unknown) {
    console.error(`stip: ${this.props.area} failed`, error)
  }

  override render() {
    if (this.state.error === null) return this.props.children
    return <ErrorMessage onRetry={() => this.setState({ error: null })} />
  }
}

function ErrorMessage({ onRetry }: { onRetry(): void }) {
  const { t } = useI18n()
  return (
    <div className="error-boundary" role="alert">
      <p>{t('errors.partFailed')}</p>
      <button type="button" className="button secondary small" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  )
}
