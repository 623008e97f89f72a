import path from 'node:path'
import { CloseCode } from '@stip/protocol'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { closeCodeOf, openRawSocket } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

/** Rows any table of the SQLite file holds for a board. */
function rowsFor(dataDir: string, boardId: string) {
  const db = new Database(path.join(dataDir, 'stip.sqlite'), { readonly: true })
  const count = (sql: string) => (db.prepare(sql).get(boardId) as { n: number }).n
  const rows = {
    boards: count('SELECT COUNT(*) AS n FROM boards WHERE id = ?'),
    board_tokens: count('SELECT COUNT(*) AS n FROM board_tokens WHERE board_id = ?'),
    board_updates: count('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?'),
    board_snapshots: count('SELECT COUNT(*) AS n FROM board_snapshots WHERE board_id = ?'),
    board_assets: count('SELECT COUNT(*) AS n FROM board_assets WHERE board_id = ?'),
    board_signing_tokens: count(
      'SELECT COUNT(*) AS n FROM board_signing_tokens WHERE board_id = ?',
    ),
    board_versions: count('SELECT COUNT(*) AS n FROM board_versions WHERE board_id = ?'),
  }
  db.close()
  return rows
}

/** Hands out a signing link for the board's first organisation and saves a named version. */
async function signingLinkAndVersion(
  url: string,
  boardId: string,
  tokens: { facilitator: string },
) {
  const auth = { authorization: `Bearer ${tokens.facilitator}` }
  const info = (await (await fetch(`${url}/api/boards/${boardId}`, { headers: auth })).json()) as {
    organisations: { id: string }[]
  }
  const organisationId = info.organisations[0]?.id ?? ''
  const link = await fetch(`${url}/api/boards/${boardId}/signing-links/${organisationId}`, {
    method: 'POST',
    headers: auth,
  })
  expect(link.status).toBe(201)
  const version = await fetch(`${url}/api/boards/${boardId}/versions`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Na de eerste ronde', authorName: 'Fenna' }),
  })
  expect(version.status).toBe(201)
  return { organisationId, signingToken: new URL((await link.json()).link).hash.split('=')[1] }
}

async function uploadPng(url: string, boardId: string, token: string) {
  const response = await fetch(`${url}/api/boards/${boardId}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-file-name': 'kaart.png' },
    body: PNG,
  })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string }
}

describe('a facilitator exports and deletes a board', () => {
  const cleanup = useCleanup()

  it('exports everything of a board as JSON, for the facilitator only', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Export', organisations: [{ name: 'GGD' }] })
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    const note = { id: 'shape:n1', typeName: 'shape', type: 'note', props: { text: 'Wij gaan' } }
    facilitator.doc.getArray('tldraw-records').push([{ key: note.id, val: note }])
    facilitator.doc.getMap('facilitator').set('step', 2)
    const { id: assetId } = await uploadPng(url, board.id, board.tokens.editor)
    await sleep(100)
    const { organisationId, signingToken } = await signingLinkAndVersion(
      url,
      board.id,
      board.tokens,
    )

    const forEditor = await fetch(`${url}/api/boards/${board.id}/export.json`, {
      headers: { authorization: `Bearer ${board.tokens.editor}` },
    })
    expect(forEditor.status).toBe(403)
    const response = await fetch(`${url}/api/boards/${board.id}/export.json`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('attachment')
    const exported = (await response.json()) as {
      format: string
      board: { title: string; organisations: { name: string }[] }
      records: unknown[]
      document: Record<string, unknown>
      assets: { id: string; mimeType: string; dataBase64: string }[]
      versions: { name: string; authorName: string; snapshotBase64: string }[]
      signingLinks: { organisationId: string }[]
      yjsUpdateBase64: string
    }
    expect(exported.format).toBe('stip-board-export')
    expect(exported.board).toMatchObject({ title: 'Export', organisations: [{ name: 'GGD' }] })
    // A new board also holds its page; the note is the one shape on it.
    const shapes = exported.records.filter(
      (record) => (record as { typeName?: string }).typeName === 'shape',
    )
    expect(shapes).toEqual([note])
    expect(exported.document.facilitator).toEqual({ step: 2 })
    expect(exported.assets).toHaveLength(1)
    expect(exported.assets[0]).toMatchObject({ id: assetId, mimeType: 'image/png' })
    expect(new Uint8Array(Buffer.from(exported.assets[0]!.dataBase64, 'base64'))).toEqual(PNG)
    expect(exported.versions).toMatchObject([{ name: 'Na de eerste ronde', authorName: 'Fenna' }])
    const versionDoc = new Y.Doc()
    Y.applyUpdate(versionDoc, Buffer.from(exported.versions[0]!.snapshotBase64, 'base64'))
    expect(versionDoc.getMap('facilitator').get('step')).toBe(2)
    expect(exported.signingLinks).toEqual([{ organisationId, createdAt: expect.any(Number) }])
    expect(JSON.stringify(exported)).not.toContain(board.tokens.editor)
    expect(JSON.stringify(exported)).not.toContain(signingToken)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, Buffer.from(exported.yjsUpdateBase64, 'base64'))
    expect(restored.getMap('facilitator').get('step')).toBe(2)
  })

  it('deletes a board with its document, tokens and images, closing its connections, and leaves others alone', async () => {
    const { url, wsBase, dataDir } = await startTestServer(cleanup)
    const doomed = await createBoard(url, { title: 'Weg ermee', organisations: [{ name: 'GGD' }] })
    const kept = await createBoard(url, { title: 'Blijft' })
    const writer = await connectClient(cleanup, wsBase, doomed.id, { token: doomed.tokens.editor })
    writer.map.set('note', 'tekst')
    const keptWriter = await connectClient(cleanup, wsBase, kept.id, { token: kept.tokens.editor })
    keptWriter.map.set('note', 'blijft staan')
    await uploadPng(url, doomed.id, doomed.tokens.editor)
    await signingLinkAndVersion(url, doomed.id, doomed.tokens)
    const watcher = await openRawSocket(
      cleanup,
      `${wsBase}/${doomed.id}?token=${doomed.tokens.viewer}`,
    )
    await waitFor(() => rowsFor(dataDir, doomed.id).board_updates > 0, {
      what: 'the note to be stored',
    })

    const byEditor = await fetch(`${url}/api/boards/${doomed.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${doomed.tokens.editor}` },
    })
    expect(byEditor.status).toBe(403)
    const response = await fetch(`${url}/api/boards/${doomed.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${doomed.tokens.facilitator}` },
    })
    expect(response.status).toBe(204)
    expect(await closeCodeOf(watcher)).toBe(CloseCode.unauthorized)
    await sleep(200)

    expect(rowsFor(dataDir, doomed.id)).toEqual({
      boards: 0,
      board_tokens: 0,
      board_updates: 0,
      board_snapshots: 0,
      board_assets: 0,
      board_signing_tokens: 0,
      board_versions: 0,
    })
    const again = await fetch(`${url}/api/boards/${doomed.id}`, {
      headers: { authorization: `Bearer ${doomed.tokens.facilitator}` },
    })
    expect(again.status).toBe(401)
    const reconnect = await openRawSocket(
      cleanup,
      `${wsBase}/${doomed.id}?token=${doomed.tokens.editor}`,
    )
    expect(await closeCodeOf(reconnect)).toBe(CloseCode.unauthorized)
    expect(rowsFor(dataDir, kept.id).boards).toBe(1)
    expect(keptWriter.provider.wsconnected).toBe(true)
  })
})
