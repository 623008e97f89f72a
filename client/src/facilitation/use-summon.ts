import type { SummonState } from '@stip/board/doc-model'
import { useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { serverNow } from '../config/server-clock'

/** A summon older than this is history (someone opening the board later is not moved). */
const FRESH_MS = 60_000

/**
 * "Iedereen naar mij": moves this camera to the facilitator's view once per new summon.
 * Returns the name of whoever summoned last, to tell the person why their view moved.
 */
export function useSummon(
  editor: Editor | null,
  summon: SummonState | null,
  userId: string,
): string | null {
  const handled = useRef<string | null>(null)
  const [summonedBy, setSummonedBy] = useState<string | null>(null)
  useEffect(() => {
    if (!editor || !summon || handled.current === summon.id) return
    handled.current = summon.id
    if (summon.userId === userId || Math.abs(serverNow() - summon.at) > FRESH_MS) return
    editor.stopFollowingUser()
    editor.zoomToBounds(summon.bounds, { inset: 0, animation: { duration: 300 } })
    setSummonedBy(summon.name)
  }, [editor, summon, userId])
  useEffect(() => {
    if (summonedBy === null) return
    const clear = setTimeout(() => setSummonedBy(null), 6_000)
    return () => clearTimeout(clear)
  }, [summonedBy])
  return summonedBy
}
