import { createBoard } from './boards'
import type { useCleanup } from './cleanup'
import { connectClient } from './clients'
import { manifestoText, writeManifesto } from './manifesto'
import { startTestServer } from './test-server'
import { waitFor } from './wait-for'

/**
 * A server and a board of three organisations whose manifesto has a preamble and an ambition,
 * written by an editor and arrived at a viewer: where the amendment tests start.
 */
export async function boardWithManifesto(cleanup: ReturnType<typeof useCleanup>) {
  const { url, wsBase } = await startTestServer(cleanup)
  const board = await createBoard(url, {
    title: 'Samen sterk in Zeist',
    organisations: [{ name: 'Gemeente Zeist' }, { name: 'GGD' }, { name: 'Woonstichting' }],
  })
  const writer = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
  writeManifesto(
    writer.doc,
    'Wij geloven dat bewoners zelf het beste weten wat werkt.',
    'Niemand staat er in 2040 alleen voor.',
  )
  const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
  await waitFor(() => manifestoText(reader.doc) === manifestoText(writer.doc), {
    what: 'the manifesto to reach the server',
  })
  return { url, wsBase, board, writer, reader }
}
