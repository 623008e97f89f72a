import { readTemplateMeta } from '@stip/templates'
import type { Editor, TLShapeId } from 'tldraw'

/** Which werkvorm (template id) a presented frame is, if it is one. */
export function templateOfFrame(
  editor: Editor | null,
  frameId: string | undefined,
): string | undefined {
  const shape = frameId ? editor?.getShape(frameId as TLShapeId) : undefined
  return shape ? readTemplateMeta(shape)?.stipTemplate : undefined
}
