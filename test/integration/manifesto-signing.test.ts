import { getManifesto } from '@stip/board/doc-layout'
import { readSignatures, signatureStatus } from '@stip/manifesto'
import { CloseCode } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { type BoardClient, connectClient } from './helpers/clients'
import {
  boardApi,
  manifestoHashOf,
  manifestoText,
  setParagraphText,
  tokenOfLink,
  writeManifesto,
} from './helpers/manifesto'
import { closeCodeOf, mapUpdate, openRawSocket, sendFrame, updateFrame } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

const ORGANISATIONS = [{ name: 'Gemeente Utrecht' }, { name: 'GGD regio Utrecht' }]

/** A board with two organisations and a manifesto an editor wrote, seen by the facilitator. */
async function boardWithManifesto(cleanup: ReturnType<typeof useCleanup>) {
  const server = await startTestServer(cleanup)
  const board = await createBoard(server.url, {
    title: 'Samen naar 2040',
    organisations: ORGANISATIONS,
  })
  const meta = await boardApi<{ organisations: Array<{ id: string; name: string }> }>(
    server.url,
    `/api/boards/${board.id}`,
    board.tokens.facilitator,
  )
  const editor = await connectClient(cleanup, server.wsBase, board.id, {
    token: board.tokens.editor,
  })
  const facilitator = await connectClient(cleanup, server.wsBase, board.id, {
    token: board.tokens.facilitator,
  })
  writeManifesto(
    editor.doc,
    'Wij geloven in bewoners aan het stuur.',
    'In 2040 is niemand eenzaam.',
  )
  const text = manifestoText(editor.doc)
  await waitFor(() => manifestoText(facilitator.doc) === text, { what: 'the manifesto to sync' })
  return { ...server, board, organisations: meta.body.organisations, editor, facilitator }
}

/** A signing link for an organisation, made by the facilitator: its token. */
async function signingToken(
  url: string,
  boardId: string,
  facilitatorToken: string,
  organisationId: string,
) {
  const created = await boardApi<{ organisationId: string; link: string }>(
    url,
    `/api/boards/${boardId}/signing-links/${organisationId}`,
    facilitatorToken,
    { method: 'POST' },
  )
  expect(created.status).toBe(201)
  expect(created.body.organisationId).toBe(organisationId)
  return tokenOfLink(created.body.link)
}

const signer = { signerName: 'Sharon Dijksma', signerFunction: 'Burgemeester' }

describe('signing the manifesto with an organisation\u2019s signing link', () => {
  const cleanup = useCleanup()

  it('signs with the signing link, refuses an editor token and a hash of another text, and the signature reaches everyone and survives a restart', async () => {
    const { url, wsBase, board, organisations, editor, restart } = await boardWithManifesto(cleanup)
    const gemeente = organisations[0]!
    const token = await signingToken(url, board.id, board.tokens.facilitator, gemeente.id)

    const me = await boardApi(url, `/api/boards/${board.id}`, token)
    expect(me.body).toMatchObject({
      role: 'editor',
      signsFor: { organisationId: gemeente.id, organisationName: 'Gemeente Utrecht' },
    })
    const hash = await manifestoHashOf(editor.doc)
    const path = `/api/boards/${board.id}/signatures`
    const byEditor = await boardApi(url, path, board.tokens.editor, {
      method: 'POST',
      body: { ...signer, hash },
    })
    expect(byEditor.status).toBe(403)
    const wrongHash = await boardApi(url, path, token, {
      method: 'POST',
      body: { ...signer, hash: 'a'.repeat(64) },
    })
    expect(wrongHash.status).toBe(409)
    expect(wrongHash.body.error).toEqual(expect.any(String))
    const badBody = await boardApi(url, path, token, {
      method: 'POST',
      body: { ...signer, hash: 'x' },
    })
    expect(badBody.status).toBe(400)

    const signed = await boardApi<{ signature: { signedAt: number; hash: string } }>(
      url,
      path,
      token,
      {
        method: 'POST',
        body: { ...signer, hash },
      },
    )
    expect(signed.status).toBe(201)
    expect(signed.body.signature).toMatchObject({ ...signer, organisationId: gemeente.id, hash })
    await waitFor(() => readSignatures(editor.doc).length === 1, {
      what: 'the signature to reach the editor',
    })
    expect(readSignatures(editor.doc)[0]).toMatchObject({
      organisationName: 'Gemeente Utrecht',
      text: manifestoText(editor.doc),
    })

    editor.destroy()
    await restart()
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(readSignatures(reader.doc).map((s) => s.signerName)).toEqual([signer.signerName])
  })

  it('shows a signature as signed on an earlier version, with what changed, once an editor edits the text', async () => {
    const { url, board, organisations, editor, facilitator } = await boardWithManifesto(cleanup)
    const token = await signingToken(url, board.id, board.tokens.facilitator, organisations[1]!.id)
    const hash = await manifestoHashOf(editor.doc)
    const signed = await boardApi(url, `/api/boards/${board.id}/signatures`, token, {
      method: 'POST',
      body: { ...signer, hash },
    })
    expect(signed.status).toBe(201)
    await waitFor(() => readSignatures(facilitator.doc).length === 1, { what: 'the signature' })
    const [signature] = readSignatures(facilitator.doc)
    expect(
      signatureStatus(
        signature!,
        manifestoText(facilitator.doc),
        await manifestoHashOf(facilitator.doc),
      ),
    ).toEqual({
      kind: 'current',
    })

    setParagraphText(editor.doc, 3, 'In 2040 is niemand eenzaam en heeft iedereen een thuis.')
    await waitFor(() => manifestoText(facilitator.doc).includes('een thuis'), { what: 'the edit' })
    const status = signatureStatus(
      signature!,
      manifestoText(facilitator.doc),
      await manifestoHashOf(facilitator.doc),
    )
    expect(status.kind).toBe('stale')
    const added =
      status.kind === 'stale'
        ? status.changes
            .filter((c) => c.added)
            .map((c) => c.value)
            .join('')
        : ''
    expect(added).toContain('thuis')
  })

  it('lists which organisations have a signing link without revealing tokens, and a new link stops the old one and closes its connections', async () => {
    const { url, wsBase, board, organisations, editor } = await boardWithManifesto(cleanup)
    const gemeente = organisations[0]!.id
    const first = await signingToken(url, board.id, board.tokens.facilitator, gemeente)
    const listed = await boardApi<{
      organisations: Array<{ organisationId: string; hasLink: boolean }>
    }>(url, `/api/boards/${board.id}/signing-links`, board.tokens.facilitator)
    expect(listed.status).toBe(200)
    expect(listed.body.organisations.map((o) => [o.organisationId, o.hasLink])).toEqual([
      [gemeente, true],
      [organisations[1]!.id, false],
    ])
    expect(JSON.stringify(listed.body)).not.toContain(first)
    const byEditor = await boardApi(
      url,
      `/api/boards/${board.id}/signing-links`,
      board.tokens.editor,
    )
    expect(byEditor.status).toBe(403)
    const unknown = await boardApi(
      url,
      `/api/boards/${board.id}/signing-links/nobody`,
      board.tokens.facilitator,
      {
        method: 'POST',
      },
    )
    expect(unknown.status).toBe(404)

    const connected = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${first}`)
    const plainEditor = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.editor}`,
    )
    await sleep(100)
    const second = await signingToken(url, board.id, board.tokens.facilitator, gemeente)
    expect(await closeCodeOf(connected)).toBe(CloseCode.unauthorized)
    expect(await closeCodeOf(plainEditor, 200)).toBe('still open')
    expect(second).not.toBe(first)
    expect((await boardApi(url, `/api/boards/${board.id}`, first)).status).toBe(401)
    const hash = await manifestoHashOf(editor.doc)
    const withOld = await boardApi(url, `/api/boards/${board.id}/signatures`, first, {
      method: 'POST',
      body: { ...signer, hash },
    })
    expect(withOld.status).toBe(401)
    const withNew = await boardApi(url, `/api/boards/${board.id}/signatures`, second, {
      method: 'POST',
      body: { ...signer, hash },
    })
    expect(withNew.status).toBe(201)
  })

  it('refuses to sign a manifesto that has no text yet', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Leeg', organisations: ORGANISATIONS })
    const token = await signingToken(url, board.id, board.tokens.facilitator, 'gemeente-utrecht')
    const hash = await manifestoHashOf(new Y.Doc())
    const signed = await boardApi(url, `/api/boards/${board.id}/signatures`, token, {
      method: 'POST',
      body: { ...signer, hash },
    })
    expect(signed.status).toBe(409)
  })

  it('opens the board over the websocket as an editor with a signing link', async () => {
    const { url, wsBase, board, organisations, facilitator } = await boardWithManifesto(cleanup)
    const token = await signingToken(url, board.id, board.tokens.facilitator, organisations[0]!.id)
    const director = await connectClient(cleanup, wsBase, board.id, { token })
    director.map.set('note', 'van de bestuurder')
    await waitFor(() => facilitator.map.get('note'), { what: 'the director\u2019s edit' })
  })
})

describe('the server guards the manifesto and the signatures against raw protocol frames', () => {
  const cleanup = useCleanup()

  /** An update that adds a paragraph to the manifesto, from a throwaway doc. */
  function manifestoUpdate(): Uint8Array {
    const doc = new Y.Doc()
    getManifesto(doc).insert(0, [new Y.XmlElement('paragraph')])
    return Y.encodeStateAsUpdate(doc)
  }

  it('A3: refuses any client\u2019s update to the signatures, the facilitator\u2019s too', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    for (const role of ['facilitator', 'editor'] as const) {
      const raw = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens[role]}`)
      await sendFrame(raw, updateFrame(mapUpdate('signatures', 'gemeente', { signerName: 'Nep' })))
      expect(await closeCodeOf(raw)).toBe(CloseCode.forbidden)
    }
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(reader.doc.getMap('signatures').size).toBe(0)
  })

  it('A6: refuses updates to a frozen manifesto from an editor and the facilitator, stores none of them, and lets canvas updates pass', async () => {
    const { wsBase, url, restart } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    writeManifesto(facilitator.doc, 'Wij geloven in elkaar.', 'Iedereen doet mee.')
    const text = manifestoText(facilitator.doc)
    facilitator.doc.getMap('facilitator').set('manifestoFrozen', true)
    const watcher = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    await waitFor(() => watcher.doc.getMap('facilitator').get('manifestoFrozen') === true, {
      what: 'the freeze to reach the server',
    })

    const editor = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.editor}`,
    )
    const canvas = new Y.Doc()
    canvas.getArray('tldraw-records').push([{ key: 'shape:a', val: { id: 'shape:a', x: 1 } }])
    await sendFrame(editor, updateFrame(Y.encodeStateAsUpdate(canvas)))
    await sleep(200)
    expect(await closeCodeOf(editor, 100)).toBe('still open')
    await sendFrame(editor, updateFrame(manifestoUpdate()))
    expect(await closeCodeOf(editor)).toBe(CloseCode.forbidden)

    const rawFacilitator = await openRawSocket(
      cleanup,
      `${wsBase}/${board.id}?token=${board.tokens.facilitator}`,
    )
    await sendFrame(rawFacilitator, updateFrame(manifestoUpdate()))
    expect(await closeCodeOf(rawFacilitator)).toBe(CloseCode.forbidden)

    facilitator.destroy()
    watcher.destroy()
    await restart()
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(manifestoText(reader.doc)).toBe(text)
    const keys = reader.doc
      .getArray<{ key: string }>('tldraw-records')
      .toArray()
      .map((entry) => entry.key)
    expect(keys).toContain('shape:a')
  })

  it('A6: takes manifesto edits again once the facilitator unfreezes', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    facilitator.doc.getMap('facilitator').set('manifestoFrozen', true)
    facilitator.doc.getMap('facilitator').set('manifestoFrozen', false)
    const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    await waitFor(() => editor.doc.getMap('facilitator').get('manifestoFrozen') === false, {
      what: 'unfreeze',
    })
    writeManifesto(editor.doc, 'Weer open.', 'Verder schrijven.')
    await waitFor(() => manifestoText(facilitator.doc).includes('Weer open.'), { what: 'the edit' })
    expect(editor.closeCodes).toEqual([])
  })

  it('A1: lets every role reconnect to a frozen manifesto whose text saw deletions, without a refusal', async () => {
    const { wsBase, url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const clients = await Promise.all(
      (['facilitator', 'editor', 'viewer'] as const).map((role) =>
        connectClient(cleanup, wsBase, board.id, { token: board.tokens[role] }),
      ),
    )
    const [facilitator, editor, viewer] = clients as [BoardClient, BoardClient, BoardClient]
    writeManifesto(editor.doc, 'Eerst zo.', 'Dan anders.')
    setParagraphText(editor.doc, 1, 'Toch zo.')
    facilitator.doc.getMap('facilitator').set('manifestoFrozen', false)
    facilitator.doc.getMap('facilitator').set('manifestoFrozen', true)
    for (const client of clients) {
      await waitFor(
        () =>
          manifestoText(client.doc).includes('Toch zo.') &&
          client.doc.getMap('facilitator').get('manifestoFrozen') === true,
        { what: 'every client to hold the frozen text' },
      )
    }
    // Each reconnection sends a sync step 2 with the client's whole delete set.
    for (const client of clients) {
      client.provider.disconnect()
      client.provider.connect()
    }
    for (const client of clients) {
      await waitFor(() => client.provider.synced && client.provider.wsconnected, {
        what: 'the reconnection',
      })
    }
    await sleep(300)
    expect(
      clients.map((client) => client.closeCodes.filter((code) => code === CloseCode.forbidden)),
    ).toEqual([[], [], []])
    expect(manifestoText(viewer.doc)).toContain('Toch zo.')
  })
})
