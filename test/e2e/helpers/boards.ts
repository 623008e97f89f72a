import type { Role } from '@stip/protocol'

export interface CreatedBoard {
  id: string
  title: string
  /** Full share links, `URL/b/:id#token=…`, one per role. */
  links: Record<Role, string>
}

/** Creates a board through the public API, as the start page does. */
export async function createBoard(
  serverUrl: string,
  title = 'Samen naar 2040',
): Promise<CreatedBoard> {
  const response = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) {
    throw new Error(`board creation failed: ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as CreatedBoard
}
