import { decodeStoredRecord } from '@stip/board/record-container'
import { readSignatures } from '@stip/manifesto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import {
  boardApi,
  manifestoHashOf,
  manifestoText,
  setParagraphText,
  tokenOfLink,
  writeManifesto,
} from './helpers/manifesto'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

interface Version {
  id: string
  name: string
  authorName: string
  createdAt: number
  manifestoHash: string | null
}

/**
 * The shapes of a doc as the binding sees them: the newest entry per key. (A new board may
 * also hold its template's document and page records; the tests look at shapes.)
 */
function records(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const entry of doc.getArray<{ key: string; val: unknown }>('tldraw-records').toArray()) {
    if (entry.key.startsWith('shape:')) out[entry.key] = decodeStoredRecord(entry.val)
    else delete out[entry.key]
  }
  return out
}
const shapesIn = <T extends { id: string }>(list: T[]) =>
  list.filter((r) => r.id.startsWith('shape:'))

/** Writes a record the way y-utility's YKeyValue does: drop the old entry, append the new one. */
function putRecord(doc: Y.Doc, id: string, value: Record<string, unknown>): void {
  const array = doc.getArray<{ key: string; val: unknown }>('tldraw-records')
  doc.transact(() => {
    const index = array.toArray().findIndex((entry) => entry.key === id)
    if (index >= 0) array.delete(index)
    array.push([{ key: id, val: value }])
  })
}

describe('named versions of a board', () => {
  const cleanup = useCleanup()

  it('saves, lists, opens and restores a version as a new change, after saving the current state first', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Versies', organisations: [{ name: 'GGD' }] })
    const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    putRecord(editor.doc, 'shape:a', { id: 'shape:a', typeName: 'shape', x: 1 })
    writeManifesto(editor.doc, 'Eerste versie van de preambule.', 'Iedereen doet mee.')
    const firstText = manifestoText(editor.doc)
    await waitFor(
      () => manifestoText(facilitator.doc) === firstText && records(facilitator.doc)['shape:a'],
      {
        what: 'the first content to sync',
      },
    )
    const path = `/api/boards/${board.id}/versions`
    const saved = await boardApi<{ version: Version }>(url, path, board.tokens.editor, {
      method: 'POST',
      body: { name: 'Na de eerste ronde', authorName: 'Fatima' },
    })
    expect(saved.status).toBe(201)
    expect(saved.body.version).toMatchObject({ name: 'Na de eerste ronde', authorName: 'Fatima' })
    expect(saved.body.version.manifestoHash).toBe(await manifestoHashOf(editor.doc))

    // The signature made on the first text must outlive the restore, and be current again after it.
    const signingLink = await boardApi<{ link: string }>(
      url,
      `/api/boards/${board.id}/signing-links/ggd`,
      board.tokens.facilitator,
      { method: 'POST' },
    )
    const signed = await boardApi(
      url,
      `/api/boards/${board.id}/signatures`,
      tokenOfLink(signingLink.body.link),
      {
        method: 'POST',
        body: {
          signerName: 'Anna',
          signerFunction: 'Directeur',
          hash: await manifestoHashOf(editor.doc),
        },
      },
    )
    expect(signed.status).toBe(201)

    putRecord(editor.doc, 'shape:a', { id: 'shape:a', typeName: 'shape', x: 2 })
    putRecord(editor.doc, 'shape:b', { id: 'shape:b', typeName: 'shape', x: 5 })
    setParagraphText(editor.doc, 1, 'Tweede versie, herschreven.')
    await waitFor(
      () =>
        manifestoText(facilitator.doc).includes('Tweede versie') &&
        records(facilitator.doc)['shape:b'],
      {
        what: 'the edits to sync',
      },
    )

    const opened = await boardApi<{
      version: Version
      records: Array<{ id: string; x: number }>
      manifestoMarkdown: string
    }>(url, `${path}/${saved.body.version.id}`, board.tokens.viewer)
    expect(opened.status).toBe(200)
    expect(shapesIn(opened.body.records)).toEqual([{ id: 'shape:a', typeName: 'shape', x: 1 }])
    expect(opened.body.manifestoMarkdown).toContain('Eerste versie van de preambule.')
    expect(opened.body.manifestoMarkdown).toContain('## Gedeelde waarden')

    const byEditor = await boardApi(
      url,
      `${path}/${saved.body.version.id}/restore`,
      board.tokens.editor,
      {
        method: 'POST',
      },
    )
    expect(byEditor.status).toBe(403)
    const restored = await boardApi<{ backup: Version }>(
      url,
      `${path}/${saved.body.version.id}/restore`,
      board.tokens.facilitator,
      {
        method: 'POST',
        body: { authorName: 'Pieter' },
      },
    )
    expect(restored.status).toBe(200)
    expect(restored.body.backup).toMatchObject({
      name: 'Voor herstel van Na de eerste ronde',
      authorName: 'Pieter',
    })

    for (const client of [editor, facilitator]) {
      await waitFor(() => manifestoText(client.doc) === firstText, { what: 'the restored text' })
      expect(records(client.doc)).toEqual({ 'shape:a': { id: 'shape:a', typeName: 'shape', x: 1 } })
    }
    expect(readSignatures(facilitator.doc).map((s) => s.hash)).toEqual([
      await manifestoHashOf(facilitator.doc),
    ])

    const listed = await boardApi<{ versions: Array<Version & { snapshot?: unknown }> }>(
      url,
      path,
      board.tokens.viewer,
    )
    expect(listed.body.versions.map((v) => v.name)).toEqual([
      'Voor herstel van Na de eerste ronde',
      'Na de eerste ronde',
    ])
    expect(listed.body.versions.every((v) => v.snapshot === undefined)).toBe(true)
    const backup = await boardApi<{ records: Array<{ id: string }>; manifestoMarkdown: string }>(
      url,
      `${path}/${restored.body.backup.id}`,
      board.tokens.viewer,
    )
    expect(
      shapesIn(backup.body.records)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['shape:a', 'shape:b'])
    expect(backup.body.manifestoMarkdown).toContain('Tweede versie, herschreven.')

    // The restore is a change like any other: an edit after it merges as usual.
    setParagraphText(editor.doc, 3, 'Na het herstel verder.')
    await waitFor(() => manifestoText(facilitator.doc).includes('Na het herstel verder.'), {
      what: 'an edit after restore',
    })
  })

  it('validates names and roles, and answers 404 for an unknown version', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const path = `/api/boards/${board.id}/versions`
    const empty = await boardApi(url, path, board.tokens.editor, {
      method: 'POST',
      body: { name: ' ', authorName: 'A' },
    })
    expect(empty.status).toBe(400)
    const long = await boardApi(url, path, board.tokens.editor, {
      method: 'POST',
      body: { name: 'x'.repeat(121), authorName: 'A' },
    })
    expect(long.status).toBe(400)
    const notJson = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${board.tokens.editor}`,
        'content-type': 'application/json',
      },
      body: '{',
    })
    expect(notJson.status).toBe(400)
    const byViewer = await boardApi(url, path, board.tokens.viewer, {
      method: 'POST',
      body: { name: 'v', authorName: 'A' },
    })
    expect(byViewer.status).toBe(403)
    expect((await boardApi(url, path, undefined)).status).toBe(401)
    expect((await boardApi(url, `${path}/nope`, board.tokens.viewer)).status).toBe(404)
    const restoreMissing = await boardApi(url, `${path}/nope/restore`, board.tokens.facilitator, {
      method: 'POST',
    })
    expect(restoreMissing.status).toBe(404)
  })

  it('refuses to restore while the manifesto is frozen for signing', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const path = `/api/boards/${board.id}/versions`
    const saved = await boardApi<{ version: Version }>(url, path, board.tokens.facilitator, {
      method: 'POST',
      body: { name: 'Leeg', authorName: 'A' },
    })
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    writeManifesto(facilitator.doc, 'Bevroren tekst.', 'Niet meer wijzigen.')
    facilitator.doc.getMap('facilitator').set('manifestoFrozen', true)
    await waitFor(
      async () =>
        (
          await boardApi(
            url,
            `${path}/${saved.body.version.id}/restore`,
            board.tokens.facilitator,
            {
              method: 'POST',
            },
          )
        ).status === 409,
      { what: 'the restore to be refused once the freeze reached the server' },
    )
    expect(
      (await boardApi<{ versions: Version[] }>(url, path, board.tokens.viewer)).body.versions,
    ).toHaveLength(1)
    expect(manifestoText(facilitator.doc)).toContain('Bevroren tekst.')
  })

  it('keeps at most MAX_VERSIONS_PER_BOARD versions per board and answers 409 beyond, with a code', async () => {
    const { url } = await startTestServer(cleanup, { maxVersionsPerBoard: 5 })
    const board = await createBoard(url)
    const path = `/api/boards/${board.id}/versions`
    for (let i = 0; i < 5; i++) {
      const saved = await boardApi(url, path, board.tokens.facilitator, {
        method: 'POST',
        body: { name: `v${i}`, authorName: 'A' },
      })
      expect(saved.status).toBe(201)
    }
    const over = await boardApi(url, path, board.tokens.facilitator, {
      method: 'POST',
      body: { name: 'te veel', authorName: 'A' },
    })
    expect(over.status).toBe(409)
    expect(over.body).toMatchObject({ code: 'too-many-versions' })
  })
})
