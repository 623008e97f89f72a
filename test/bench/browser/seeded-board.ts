import { setTimeout as sleep } from 'node:timers/promises'
import { createBoard } from '../../e2e/helpers/boards'
import { seedShapes } from './board-shapes'
import { connectNodeClient, type NodeBoardClient } from './node-board-client'

export interface SeededBoard {
  editorLink: string
  boardId: string
  token: string
  shapes: Array<Record<string, unknown> & { id: string }>
  /** The Node participant that wrote the shapes; stays connected for remote edits. */
  writer: NodeBoardClient
}

/** The `#token=…` of a share link. */
function tokenOf(link: string): string {
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')
  if (!token) throw new Error(`no token in ${link}`)
  return token
}

/**
 * Creates a board through the API and writes `count` shapes into it from Node through the
 * real binding and websocket, then waits for the server's group commit to have flushed.
 */
export async function seedBoard(serverUrl: string, count: number): Promise<SeededBoard> {
  const board = await createBoard(serverUrl, `Benchmark ${count} shapes`)
  const token = tokenOf(board.links.editor)
  const writer = await connectNodeClient({ serverUrl, boardId: board.id, token })
  const shapes = seedShapes(count)
  writer.put(shapes)
  await writer.waitForShapesInDoc(count, 20_000)
  // GROUP_COMMIT_MS is 10 ms; half a second leaves room for a busy machine.
  await sleep(500)
  return { editorLink: board.links.editor, boardId: board.id, token, shapes, writer }
}
