import type { Role } from '@stip/protocol'

export interface CreatedBoard {
  id: string
  title: string
  links: Record<Role, string>
  tokens: Record<Role, string>
}

/** Creates a board through the public API, as the start page does, and reads the tokens out of its links. */
export async function createBoard(
  url: string,
  body: Record<string, unknown> = { title: 'Samen naar 2040' },
): Promise<CreatedBoard> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201)
    throw new Error(`board creation failed: ${response.status} ${await response.text()}`)
  const created = (await response.json()) as {
    id: string
    title: string
    links: Record<Role, string>
  }
  const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token')!
  return {
    ...created,
    tokens: {
      facilitator: tokenOf(created.links.facilitator),
      editor: tokenOf(created.links.editor),
      viewer: tokenOf(created.links.viewer),
    },
  }
}
