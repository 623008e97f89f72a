/** Who is at the keyboard: shown to others next to the cursor and on what they write. */
export interface Participant {
  name: string
  organisation: string
  role: string
}

const STORAGE_KEY = 'stip.participant'

/** Trims the fields and returns null when name or organisation is missing. */
export function normaliseParticipant(input: Participant): Participant | null {
  const name = input.name.trim().slice(0, 80)
  const organisation = input.organisation.trim().slice(0, 80)
  const role = input.role.trim().slice(0, 80)
  if (!name || !organisation) return null
  return { name, organisation, role }
}

export function loadParticipant(storage: Pick<Storage, 'getItem'>): Participant | null {
  try {
    const raw = storage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { name, organisation, role } = parsed as Record<string, unknown>
    if (typeof name !== 'string' || typeof organisation !== 'string') return null
    return normaliseParticipant({ name, organisation, role: typeof role === 'string' ? role : '' })
  } catch {
    // A corrupt or blocked entry means we simply ask again.
    return null
  }
}

export function saveParticipant(storage: Pick<Storage, 'setItem'>, participant: Participant): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(participant))
  } catch {
    // Blocked storage: the participant is asked again next time, nothing else breaks.
  }
}
