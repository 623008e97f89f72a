import type { Editor } from 'tldraw'

/**
 * tldraw's shortcuts (d for draw, z for zoom, Backspace for delete) listen on the whole page
 * while the editor counts itself focused, and a click on a panel, a dialog or the read-only
 * manifesto does not change that: keys typed there would drive the canvas. So the editor's
 * focus follows the pointer and the keyboard focus: into the canvas or tldraw's own UI it is
 * focused, anywhere else it is not. Returns the function that stops it.
 */
export function keepCanvasFocusWithCanvas(editor: Editor): () => void {
  const container = editor.getContainer()
  const document = container.ownerDocument
  const follow = (event: Event) => {
    const target = event.target
    const inside = target instanceof Node && container.contains(target)
    const focused = editor.getInstanceState().isFocused
    if (inside && !focused) editor.focus({ focusContainer: false })
    else if (!inside && focused) editor.blur({ blurContainer: false })
  }
  // Capture phase: the editor's state is right before any key handler sees the next key.
  document.addEventListener('pointerdown', follow, true)
  document.addEventListener('focusin', follow, true)
  return () => {
    document.removeEventListener('pointerdown', follow, true)
    document.removeEventListener('focusin', follow, true)
  }
}
