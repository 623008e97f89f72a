import type { Editor, TLShapeId } from 'tldraw'
import { foldForSearch } from './match-search'

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches

/** Selects the shape and brings it into view: a glide, or a jump when motion is reduced. */
export function jumpToShape(editor: Editor, id: TLShapeId): boolean {
  const bounds = editor.getShapePageBounds(id)
  if (!bounds) return false
  editor.select(id)
  editor.zoomToBounds(bounds, {
    // Near the reading size of a note, never zoomed in so far that its neighbours vanish.
    targetZoom: Math.min(1, Math.max(editor.getZoomLevel(), 0.75)),
    animation: prefersReducedMotion() ? undefined : { duration: 320 },
  })
  return true
}

const HIGHLIGHT = 'stip-search'
const fold = (text: string) => foldForSearch(text).folded.replace(/\s+/g, ' ').trim()

/**
 * Scrolls the open manifesto to the passage with `text` and marks it (CSS Custom Highlight,
 * so the editor's own DOM is not touched). The Manifest tab renders after the switch, so this
 * looks for a few frames before giving up.
 */
export function scrollManifestoTo(text: string, frames = 30): void {
  const wanted = fold(text)
  const step = (left: number) => {
    const blocks = document.querySelectorAll<HTMLElement>(
      '.manifesto-panel .ProseMirror :is(h1, h2, h3, h4, p, li)',
    )
    const found = [...blocks].find((block) => fold(block.textContent ?? '') === wanted)
    if (found) {
      found.scrollIntoView({
        block: 'center',
        behavior: prefersReducedMotion() ? 'auto' : 'smooth',
      })
      markPassage(found)
    } else if (left > 0) {
      requestAnimationFrame(() => step(left - 1))
    }
  }
  requestAnimationFrame(() => step(frames))
}

function markPassage(element: HTMLElement): void {
  if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return
  const range = document.createRange()
  range.selectNodeContents(element)
  CSS.highlights.set(HIGHLIGHT, new Highlight(range))
  window.setTimeout(() => CSS.highlights.delete(HIGHLIGHT), 4000)
}
