import { useEffect } from 'react'
import { useBoardContext } from '../board/board-context'

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * Ctrl/Cmd+F or "/" on the canvas opens the Zoeken tab with the box focused (instead of the
 * browser's find, which cannot see notes off screen). Never while typing: in a note being
 * edited, a panel's field or the manifesto, the keys keep their usual meaning.
 */
export function SearchShortcut({
  panelId,
  inputSelector,
}: {
  panelId: string
  inputSelector: string
}) {
  const { editor, openPanel } = useBoardContext()
  useEffect(() => {
    if (!editor) return
    const document = editor.getContainer().ownerDocument
    const onKeyDown = (event: KeyboardEvent) => {
      const find =
        (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f'
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey
      if (!find && !slash) return
      if (!editor.getInstanceState().isFocused || editor.getEditingShapeId() !== null) return
      if (isTyping(event.target)) return
      event.preventDefault()
      event.stopPropagation()
      openPanel(panelId, inputSelector)
    }
    // Capture phase: before tldraw's own key handling sees the "/".
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [editor, openPanel, panelId, inputSelector])
  return null
}
