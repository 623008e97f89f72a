import { useEffect, useSyncExternalStore } from 'react'
import { type Editor, InstancePresenceRecordType, type TLUserId, useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'

/** Our own awareness field (presence.ts owns `tldraw`): marks the facilitator's browser. */
const SESSION_FIELD = 'stipSession'

/** Announces in awareness that this browser is the facilitator's, so others can follow it. */
export function useAnnounceFacilitator(awareness: Awareness, facilitator: boolean): void {
  useEffect(() => {
    if (!facilitator) return
    awareness.setLocalStateField(SESSION_FIELD, { facilitator: true })
    return () => awareness.setLocalStateField(SESSION_FIELD, null)
  }, [awareness, facilitator])
}

function facilitatorClientId(awareness: Awareness): number | null {
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const session = (state as Record<string, unknown>)[SESSION_FIELD]
    if (typeof session === 'object' && session !== null && 'facilitator' in session) return clientId
  }
  return null
}

/** The tldraw user id of a facilitator on the board right now (for "volg"), or null. */
export function useFacilitatorUserId(editor: Editor | null, awareness: Awareness): TLUserId | null {
  const clientId = useSyncExternalStore(
    (onChange) => {
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    () => facilitatorClientId(awareness),
  )
  return useValue('stip facilitator user', () => {
    if (!editor || clientId === null) return null
    const presence = editor.store.get(InstancePresenceRecordType.createId(`awareness-${clientId}`))
    return presence?.userId ?? null
  }, [editor, clientId])
}
