import { listTemplateInstances, type TemplateInstance } from '@stip/templates'
import { useMemo } from 'react'
import { type Editor, useValue } from 'tldraw'
import { templateShapesOf } from '../board/template-shapes'
import { isTemplateLocked } from './template-lock'

export interface InstanceOnBoard extends TemplateInstance {
  locked: boolean
}

/** The werkvormen on the current page with their lock state, re-rendering only when those change. */
export function useTemplateInstances(editor: Editor | null): InstanceOnBoard[] {
  // Only the werkvorm parts are read (template-shapes.ts), so moving a note does not run this;
  // a string compares by value, so moving a werkvorm part does not re-render the panel either.
  const serialized = useValue('werkvormen on the board', () => {
    if (!editor) return '[]'
    const instances = listTemplateInstances(templateShapesOf(editor)).map((instance) => ({
      ...instance,
      locked: isTemplateLocked(editor, instance.instance),
    }))
    return JSON.stringify(instances)
  }, [editor])
  return useMemo(() => JSON.parse(serialized) as InstanceOnBoard[], [serialized])
}
