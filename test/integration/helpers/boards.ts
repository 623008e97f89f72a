import http from 'node:http'
import type { Role } from '@stip/protocol'

export interface CreatedBoard {
  id: string
  title: string
  links: Record<Role, string>
  tokens: Record<Role, string>
}

/**
 * Creates a board through the public API, as the start page does, and reads the tokens out of its links.
 * The request goes over its own connection (no keep-alive pool): tests restart servers on the same
 * port, and fetch would otherwise reuse the closed server's socket for the next request before it
 * has noticed the close ("other side closed").
 */
export async function createBoard(
  url: string,
  body: Record<string, unknown> = { title: 'Samen naar 2040' },
): Promise<CreatedBoard> {
  const { status, text } = await postJson(`${url}/api/boards`, body)
  if (status !== 201) throw new Error(`board creation failed: ${status} ${text}`)
  const created = JSON.parse(text) as {
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

function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(JSON.stringify(body))
  })
}
