import type { Participant } from '../identity/participant'

const STORAGE_KEY = 'stip.viewerName'

/**
 * A viewer gives only a name. It is kept apart from the participant others see on boards they
 * write on, so watching one board never changes who you are on another.
 */
export function loadViewerName(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    return storage.getItem(STORAGE_KEY)?.trim() || null
  } catch {
    // Blocked storage: the viewer is asked for a name again, nothing else breaks.
    return null
  }
}

export function saveViewerName(storage: Pick<Storage, 'setItem'>, name: string): void {
  try {
    storage.setItem(STORAGE_KEY, name)
  } catch {
    // Not remembering the name only means asking again next time.
  }
}

/** A viewer as a participant: the organisation line says they are watching. */
export function viewerParticipant(name: string, viewerLabel: string): Participant {
  return { name, organisation: viewerLabel, role: '' }
}
