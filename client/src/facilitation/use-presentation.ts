import type { PresentationState } from '@stip/board/doc-model'
import { useEffect, useRef, useState } from 'react'
import { type Editor, type TLShapeId, useValue } from 'tldraw'

/** Room around a werkvorm when the camera fits it, in screen pixels. */
const INSET = 48

/** A camera move, animated unless the person asked their system for less motion. */
function cameraAnimation(): { animation?: { duration: number } } {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
  return reduced ? {} : { animation: { duration: 400 } }
}

type Camera = ReturnType<Editor['getCamera']>

export interface PresentationView {
  /** Whether this person's camera goes along with each step. */
  following: boolean
  setFollowing: (following: boolean) => void
}

/**
 * Moves this camera to the presented werkvorm at every step while following; remembers
 * where the person was when the presentation started and takes them back there when it ends.
 */
export function usePresentation(
  editor: Editor | null,
  presentation: PresentationState | null,
): PresentationView {
  const before = useRef<{ id: string; camera: Camera } | null>(null)
  const [following, setFollowing] = useState(true)
  const activeId = presentation?.active ? presentation.id : null
  const frameId = activeId ? presentation?.frameIds[presentation.index] : undefined

  // Declared before the move below, so the view is kept before the first step moves it.
  useEffect(() => {
    if (!editor) return
    if (activeId && before.current?.id !== activeId) {
      before.current = { id: activeId, camera: { ...editor.getCamera() } }
      editor.stopFollowingUser()
      setFollowing(true)
    } else if (!activeId && before.current) {
      const { camera } = before.current
      before.current = null
      // At once, not animated: the strip leaves in the same moment and the canvas grows, and a
      // resize can cut a running camera animation short, leaving the view half way back.
      editor.stopCameraAnimation()
      editor.setCamera(camera)
    }
  }, [editor, activeId])

  // The strip that shows the presentation takes room from the canvas as it appears (and a
  // phone turns): fit again whenever the canvas changes size.
  const canvasSize = useValue('stip canvas size', () => {
    const screen = editor?.getViewportScreenBounds()
    return screen ? `${screen.w}x${screen.h}` : ''
  }, [editor])

  useEffect(() => {
    if (!editor || !frameId || !following || !canvasSize) return
    const bounds = editor.getShapePageBounds(frameId as TLShapeId)
    if (!bounds) return
    editor.stopFollowingUser()
    editor.zoomToBounds(bounds, { inset: INSET, ...cameraAnimation() })
  }, [editor, frameId, following, canvasSize])

  return { following, setFollowing }
}
