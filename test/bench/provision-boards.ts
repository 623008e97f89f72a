import http from 'node:http'
import { isStip, type ServerProcess } from './server-process'

/** A room the clients join: its name on the wire and the query params (Stip's token). */
export interface BenchBoard {
  room: string
  params: Record<string, string>
}

/** Stip refuses more board creations per minute than this from one client address. */
const CREATIONS_PER_ADDRESS = 25

/**
 * Makes `count` boards to join. The peers take any room name; Stip needs a board
 * created through POST /api/boards and its editor token (participants are editors).
 * Stip limits creations per client address, so the benchmark spreads them over loopback
 * source addresses (127.0.0.2, 127.0.0.3, ...): every request still goes to 127.0.0.1.
 */
export async function provisionBoards(server: ServerProcess, count: number): Promise<BenchBoard[]> {
  const runId = Math.random().toString(36).slice(2, 8)
  if (!isStip(server.kind)) {
    return Array.from({ length: count }, (_, i) => ({ room: `bench-${runId}-${i}`, params: {} }))
  }
  const boards: BenchBoard[] = []
  for (let i = 0; i < count; i++) {
    const localAddress = `127.0.0.${2 + Math.floor(i / CREATIONS_PER_ADDRESS)}`
    const created = await postJson(
      server,
      '/api/boards',
      { title: `bench ${runId} ${i}` },
      localAddress,
    )
    const body = created as { id?: string; links?: { editor?: string } }
    const token = body.links?.editor
      ? new URL(body.links.editor).hash.match(/token=([^&]+)/)?.[1]
      : undefined
    if (!body.id || !token)
      throw new Error(`unexpected board creation answer: ${JSON.stringify(created)}`)
    boards.push({ room: body.id, params: { token: decodeURIComponent(token) } })
  }
  return boards
}

function postJson(
  server: ServerProcess,
  path: string,
  body: unknown,
  localAddress: string,
): Promise<unknown> {
  const url = new URL(path, server.httpBase)
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          if (response.statusCode !== 201) {
            reject(new Error(`POST ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`))
            return
          }
          try {
            resolve(JSON.parse(text))
          } catch (error) {
            reject(error)
          }
        })
      },
    )
    request.on('timeout', () => request.destroy(new Error(`POST ${path} timed out`)))
    request.on('error', reject)
    request.end(payload)
  })
}
