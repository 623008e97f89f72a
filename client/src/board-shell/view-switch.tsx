import { useI18n } from '../i18n/i18n-context'
import type { BoardView } from './board-view'

const VIEWS = [
  { view: 'board', labelKey: 'view.board' },
  { view: 'list', labelKey: 'view.list' },
] as const

/** "Bord | Lijst" in the top bar: two toggle buttons, the pressed one is the view shown. */
export function ViewSwitch({
  view,
  onChange,
}: {
  view: BoardView
  onChange(view: BoardView): void
}) {
  const { t } = useI18n()
  return (
    <fieldset className="segmented view-switch">
      <legend className="visually-hidden">{t('view.label')}</legend>
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          aria-pressed={option.view === view}
          onClick={() => onChange(option.view)}
        >
          {t(option.labelKey)}
        </button>
      ))}
    </fieldset>
  )
}
