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
 * Shapes per write. A board is built by many edits; one write of 5,000 shapes would be one
 * update over the server's 2 MiB frame limit (it closes such a socket).
 */
const SHAPES_PER_WRITE = 250

/**
 * Creates a board through the API and writes `count` shapes into it from Node through the
 * real binding and websocket, then checks with a second client that the server has them all.
 */
export async function seedBoard(
  serverUrl: string,
  count: number,
  mix: 'mixed' | 'notes' = 'mixed',
): Promise<SeededBoard> {
  const board = await createBoard(serverUrl, `Benchmark ${count} shapes`)
  const token = tokenOf(board.links.editor)
  const writer = await connectNodeClient({ serverUrl, boardId: board.id, token })
  const shapes = seedShapes(count, mix)
  for (let i = 0; i < shapes.length; i += SHAPES_PER_WRITE) {
    writer.put(shapes.slice(i, i + SHAPES_PER_WRITE))
    // Each write leaves as its own update before the next is made.
    await sleep(50)
  }
  // The writer's own doc has them at once; what counts is what a newcomer gets.
  const reader = await connectNodeClient({ serverUrl, boardId: board.id, token })
  try {
    await reader.waitForShapesInDoc(count, 120_000)
  } finally {
    reader.close()
  }
  // GROUP_COMMIT_MS is 10 ms; half a second leaves room for a busy machine.
  await sleep(500)
  return { editorLink: board.links.editor, boardId: board.id, token, shapes, writer }
}
