import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import { registerTemplateGuard } from './template-guard'

/** While the editor is mounted, locked werkvormen stay put for everyone but the facilitator. */
export function useTemplateGuard(editor: Editor | null, facilitator: boolean): void {
  const facilitatorRef = useRef(facilitator)
  facilitatorRef.current = facilitator
  useEffect(() => {
    if (!editor) return
    return registerTemplateGuard(editor, () => facilitatorRef.current)
  }, [editor])
}
