import { useId, useRef } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { ErrorBoundary } from '../layout/error-boundary'
import type { BoardPanel } from './panel-registry'

/**
 * The board's tools beside the canvas, as an ARIA tab list: arrow keys move between tabs,
 * Tab moves into the open panel.
 */
export function SidePanel({
  panels,
  activeId,
  onSelect,
}: {
  panels: readonly BoardPanel[]
  activeId: string
  onSelect(id: string): void
}) {
  const { t } = useI18n()
  const board = useBoardContext()
  const baseId = useId()
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())
  const available = panels.filter((panel) => panel.isAvailable?.(board) ?? true)
  const active = available.find((panel) => panel.id === activeId) ?? available[0]
  if (!active) return null

  const focusTab = (index: number) => {
    const panel = available[(index + available.length) % available.length]
    if (!panel) return
    onSelect(panel.id)
    tabRefs.current.get(panel.id)?.focus()
  }

  return (
    <aside className="side-panel" aria-label={t('panels.label')}>
      <div className="side-panel-tabs" role="tablist" aria-label={t('panels.label')}>
        {available.map((panel, index) => {
          const selected = panel.id === active.id
          return (
            <button
              key={panel.id}
              ref={(element) => {
                if (element) tabRefs.current.set(panel.id, element)
                else tabRefs.current.delete(panel.id)
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${panel.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${panel.id}`}
              tabIndex={selected ? 0 : -1}
              className="side-panel-tab"
              onClick={() => onSelect(panel.id)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowDown') focusTab(index + 1)
                else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') focusTab(index - 1)
                else if (event.key === 'Home') focusTab(0)
                else if (event.key === 'End') focusTab(available.length - 1)
                else return
                event.preventDefault()
              }}
            >
              {t(panel.labelKey)}
              {panel.Badge ? <panel.Badge /> : null}
            </button>
          )
        })}
      </div>
      <section
        className="side-panel-body"
        role="tabpanel"
        id={`${baseId}-panel-${active.id}`}
        aria-labelledby={`${baseId}-tab-${active.id}`}
      >
        {active.ownHeading ? null : <h2 className="visually-hidden">{t(active.labelKey)}</h2>}
        <ErrorBoundary key={active.id} area={`the ${active.id} panel`}>
          <active.Panel />
        </ErrorBoundary>
      </section>
    </aside>
  )
}
