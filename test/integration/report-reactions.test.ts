import http from 'node:http'
import { getReactions, setReaction } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import { addNote } from './helpers/board-notes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

function getText(url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      })
      .on('error', reject)
  })
}

describe('quick reactions in the session report', () => {
  const cleanup = useCleanup()

  it('lists how many gave each reaction after the note, and none for a note without', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Reacties', organisations: [{ name: 'GGD' }] })
    const anna = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const bram = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const author = { authorId: 'u-anna', authorName: 'Anna', organisation: 'GGD' }
    const groen = addNote(anna, { x: 0, y: 0 }, 'Meer groen in de wijk', author)
    addNote(anna, { x: 400, y: 0 }, 'Eén loket', author)
    // Two people react at the same moment from two connections: both count.
    setReaction(getReactions(anna.doc), { noteId: groen, kind: 'eens', userId: 'u-anna' }, true)
    setReaction(getReactions(bram.doc), { noteId: groen, kind: 'eens', userId: 'u-bram' }, true)
    setReaction(getReactions(bram.doc), { noteId: groen, kind: 'vraag', userId: 'u-bram' }, true)

    const report = `${url}/api/boards/${board.id}/report.md`
    const md = await waitFor(
      async () => {
        const text = await getText(report, board.tokens.viewer)
        return text.includes('(eens 2, vraag 1)') ? text : undefined
      },
      { intervalMs: 100 },
    )
    expect(md).toContain('- Meer groen in de wijk — _Anna_ (eens 2, vraag 1)')
    expect(md).toMatch(/- Eén loket — _Anna_\n/)
    const en = await getText(`${report}?lang=en`, board.tokens.viewer)
    expect(en).toContain('(agree 2, question 1)')
  })
})
