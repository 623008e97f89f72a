import { TEMPLATE_IDS, type TemplateId } from '@stip/protocol'
import { useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { ShapeCommentButton } from '../comments/shape-comment-button'
import { useI18n } from '../i18n/i18n-context'
import { insertTemplate } from './insert-template'
import { ReportDownloads } from './report-downloads'
import { setTemplateLocked } from './template-lock'
import { useTemplateGuard } from './use-template-guard'
import { useTemplateInstances } from './use-template-instances'
import './werkvormen.css'

const fill = (text: string, name: string) => text.replace('{name}', name)

/** Side panel: add a werkvorm, show or lock the ones on the board, download the report. */
export function WerkvormenPanel() {
  const board = useBoardContext()
  const { t, locale } = useI18n()
  const [status, setStatus] = useState('')
  const instances = useTemplateInstances(board.editor)
  useTemplateGuard(board.editor, board.facilitator)
  const editor = board.editor
  const nameOf = (id: TemplateId) => t(`template.${id}.name`)

  const add = (id: TemplateId) => {
    if (!editor) return
    insertTemplate(editor, id, { locale, organisations: board.organisations })
    setStatus(fill(t('werkvormen.added'), nameOf(id)))
  }
  const show = (frameId: string) => {
    const bounds = editor?.getShapePageBounds(
      frameId as Parameters<typeof editor.getShapePageBounds>[0],
    )
    if (bounds) editor?.zoomToBounds(bounds, { inset: 64, animation: { duration: 300 } })
  }

  return (
    <div className="werkvormen-panel">
      <h2 className="panel-heading">{t('werkvormen.heading')}</h2>

      <section aria-labelledby="werkvormen-on-board">
        <h3 id="werkvormen-on-board">{t('werkvormen.onBoard')}</h3>
        {instances.length === 0 ? (
          <p className="hint">{t('werkvormen.noneOnBoard')}</p>
        ) : (
          <ul className="werkvormen-list">
            {instances.map((instance) => {
              const name = nameOf(instance.templateId)
              return (
                <li
                  key={instance.instance}
                  className="werkvorm-instance"
                  data-instance={instance.instance}
                >
                  <span className="werkvorm-name">
                    {name}
                    {instance.locked ? (
                      <span className="werkvorm-locked"> · {t('werkvormen.locked')}</span>
                    ) : null}
                  </span>
                  <span className="werkvorm-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={fill(t('werkvormen.showLabel'), name)}
                      onClick={() => show(instance.frameId)}
                    >
                      {t('werkvormen.show')}
                    </button>
                    <ShapeCommentButton kind="werkvorm" shapeId={instance.frameId} quote={name} />
                    {board.facilitator && editor ? (
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={fill(
                          t(instance.locked ? 'werkvormen.unlockLabel' : 'werkvormen.lockLabel'),
                          name,
                        )}
                        onClick={() =>
                          setTemplateLocked(editor, instance.instance, !instance.locked)
                        }
                      >
                        {t(instance.locked ? 'werkvormen.unlock' : 'werkvormen.lock')}
                      </button>
                    ) : null}
                  </span>
                </li>
              )
            })}
          </ul>
        )}
        {board.facilitator ? <p className="hint">{t('werkvormen.lockHint')}</p> : null}
      </section>

      <section aria-labelledby="werkvormen-add">
        <h3 id="werkvormen-add">{t('werkvormen.add')}</h3>
        {board.readOnly ? (
          <p className="hint">{t('werkvormen.viewerHint')}</p>
        ) : (
          <p className="hint">{t('werkvormen.intro')}</p>
        )}
        <ul className="werkvormen-list">
          {TEMPLATE_IDS.map((id) => (
            <li key={id} className="werkvorm-choice" data-template={id}>
              <span className="werkvorm-name">{nameOf(id)}</span>
              <span className="werkvorm-description">{t(`template.${id}.description`)}</span>
              {board.readOnly ? null : (
                <button
                  type="button"
                  className="button primary small"
                  disabled={!editor}
                  aria-label={fill(t('werkvormen.addLabel'), nameOf(id))}
                  onClick={() => add(id)}
                >
                  {t('werkvormen.add')}
                </button>
              )}
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </section>

      <ReportDownloads />
    </div>
  )
}
