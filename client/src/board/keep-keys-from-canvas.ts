import { useCallback, useRef } from 'react'

/**
 * A ref for controls drawn over the canvas that keeps their keys from tldraw. tldraw listens
 * on its container with native listeners, below React's root, so React's stopPropagation comes
 * too late: Escape would move the focus to the canvas, and Enter's keyup would start editing
 * the selected note. Buttons still act on Enter and Space (that is the browser's default).
 * `onEscape` runs on Escape inside the element.
 */
export function useKeysKeptFromCanvas<T extends HTMLElement>(
  onEscape?: () => void,
): (element: T | null) => void {
  const latestOnEscape = useRef(onEscape)
  latestOnEscape.current = onEscape
  const cleanup = useRef<(() => void) | null>(null)
  return useCallback((element: T | null) => {
    cleanup.current?.()
    cleanup.current = null
    if (!element) return
    const keep = (event: KeyboardEvent) => {
      event.stopPropagation()
      if (event.type === 'keydown' && event.key === 'Escape') latestOnEscape.current?.()
    }
    element.addEventListener('keydown', keep)
    element.addEventListener('keyup', keep)
    cleanup.current = () => {
      element.removeEventListener('keydown', keep)
      element.removeEventListener('keyup', keep)
    }
  }, [])
}
