import type { TemplateId } from '@stip/protocol'
import { buildTemplateRecords, type Locale, type TemplateOrganisation } from '@stip/templates'
import { type Editor, getIndicesAbove, type TLShape, type TLShapePartial } from 'tldraw'
import { randomId } from '../identity/random-id'

/** Room between the werkvorm and what is already on the board. */
const GAP = 200

/**
 * Adds a werkvorm to the right of the current page's content, as one undoable step, and
 * zooms to it. Returns the new frame's id.
 */
export function insertTemplate(
  editor: Editor,
  templateId: TemplateId,
  options: { locale: Locale; organisations: readonly TemplateOrganisation[] },
): TLShape['id'] {
  const pageId = editor.getCurrentPageId()
  const bounds = editor.getCurrentPageBounds()
  const origin = bounds ? { x: bounds.maxX + GAP, y: bounds.minY } : { x: 0, y: 0 }
  const records = buildTemplateRecords(templateId, {
    origin,
    locale: options.locale,
    instance: randomId(8),
    organisations: options.organisations,
    parentId: pageId,
  })
  // The builder numbers page-level shapes from the bottom; here they go above everything.
  const onPage = records.filter((record) => record.parentId === pageId)
  const indices = getIndicesAbove(editor.getHighestIndexForParent(pageId), onPage.length)
  const pageIndex = new Map(onPage.map((record, i) => [record.id, indices[i]!]))
  const partials = records.map(({ typeName: _typeName, ...record }) => ({
    ...record,
    index: pageIndex.get(record.id) ?? record.index,
  })) as TLShapePartial[]
  const frameId = records[0]!.id
  editor.markHistoryStoppingPoint('insert werkvorm')
  editor.createShapes(partials)
  const frameBounds = editor.getShapePageBounds(frameId)
  if (frameBounds) editor.zoomToBounds(frameBounds, { inset: 64, animation: { duration: 300 } })
  return frameId
}
