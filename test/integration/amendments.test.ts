import { type Amendment, readAmendments } from '@stip/board/doc-model'
import { CloseCode } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { docxText, pdfText } from './helpers/documents'
import {
  boardApi,
  manifestoHashOf,
  manifestoText,
  tokenOfLink,
  writeManifesto,
} from './helpers/manifesto'
import { closeCodeOf, mapUpdate, openRawSocket, sendFrame, updateFrame } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const PREAMBLE = 'Wij geloven dat bewoners zelf het beste weten wat werkt in hun wijk.'

/** A board with a written manifesto, two partner clients on it and a GGD signing link. */
async function boardWithManifesto(cleanup: ReturnType<typeof useCleanup>) {
  const { url, wsBase, restart } = await startTestServer(cleanup)
  const board = await createBoard(url, {
    title: 'Samen sterk in Zeist',
    organisations: [{ name: 'Gemeente Zeist' }, { name: 'GGD' }],
  })
  const gemeente = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
  writeManifesto(gemeente.doc, PREAMBLE, 'Niemand staat er in 2040 alleen voor.')
  const link = await boardApi<{ link: string }>(
    url,
    `/api/boards/${board.id}/signing-links/ggd`,
    board.tokens.facilitator,
    { method: 'POST' },
  )
  const ggdToken = tokenOfLink(link.body.link)
  const ggd = await connectClient(cleanup, wsBase, board.id, { token: ggdToken })
  await waitFor(() => manifestoText(ggd.doc) === manifestoText(gemeente.doc), {
    what: 'the manifesto to reach the GGD',
  })
  const api = <T = { amendment: Amendment; error: string }>(
    path: string,
    token: string,
    body: unknown,
  ) => boardApi<T>(url, `/api/boards/${board.id}${path}`, token, { method: 'POST', body })
  return { url, wsBase, restart, board, gemeente, ggd, ggdToken, api }
}

describe('amendments between two organisations over real connections', () => {
  const cleanup = useCleanup()

  it('M5: a proposal, an objection and the chair\u2019s acceptance reach both partners, and the text changes for both', async () => {
    const { board, gemeente, ggd, ggdToken, api, restart, wsBase } =
      await boardWithManifesto(cleanup)
    const proposed = await api('/amendments', board.tokens.editor, {
      organisation: 'Gemeente Zeist',
      name: 'Wim',
      passage: { path: [3], from: 4, to: 11, text: 'geloven' },
      replacement: 'weten',
      reason: 'Geloven is te vrijblijvend voor een manifest.',
    })
    expect(proposed.status).toBe(201)
    const id = proposed.body.amendment.id
    await waitFor(() => readAmendments(ggd.doc)[0]?.id === id, { what: 'the GGD to see it' })

    // Someone keeps typing before the passage while partners answer: the anchor follows.
    gemeente.doc.transact(() => {
      const paragraph = gemeente.doc.getXmlFragment('manifesto').get(3) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).insert(0, 'Samen: ')
    })
    const objected = await api(`/amendments/${id}/responses`, ggdToken, {
      name: 'Aïsha',
      stance: 'object',
      reason: 'Liever eerst onderzoek in de wijken.',
    })
    expect(objected.status).toBe(200)
    await waitFor(() => readAmendments(gemeente.doc)[0]?.responses.ggd?.stance === 'object', {
      what: 'the objection to reach the municipality',
    })

    const accepted = await api(`/amendments/${id}/decision`, board.tokens.facilitator, {
      decision: 'accepted',
    })
    expect(accepted.status).toBe(200)
    const changed = 'Samen: Wij weten dat bewoners zelf het beste weten'
    for (const client of [gemeente, ggd]) {
      await waitFor(() => manifestoText(client.doc).includes(changed), {
        what: 'the accepted text on every client',
      })
    }
    await restart()
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(manifestoText(reader.doc)).toContain(changed)
    expect(readAmendments(reader.doc)[0]).toMatchObject({
      status: 'accepted',
      organisationName: 'Gemeente Zeist',
      responses: { ggd: { stance: 'object', organisationName: 'GGD' } },
    })
  })

  it('A3: refuses any client\u2019s own write to the amendments, the facilitator\u2019s too', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url)
    for (const role of ['facilitator', 'editor'] as const) {
      const raw = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens[role]}`)
      await sendFrame(raw, updateFrame(mapUpdate('amendments', 'fake', { status: 'accepted' })))
      expect(await closeCodeOf(raw)).toBe(CloseCode.forbidden)
    }
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(reader.doc.getMap('amendments').size).toBe(0)
  })

  it('M7: the exports list the amendments per section and name them beside a later signature', async () => {
    const { url, board, ggd, ggdToken, api } = await boardWithManifesto(cleanup)
    const propose = (from: number, to: number, text: string, replacement: string) =>
      api('/amendments', board.tokens.editor, {
        organisation: 'Gemeente Zeist',
        name: 'Wim',
        passage: { path: [3], from, to, text },
        replacement,
        reason: `${text} wordt ${replacement}`,
      })
    const first = (await propose(4, 11, 'geloven', 'weten')).body.amendment
    const second = (await propose(16, 24, 'bewoners', 'inwoners')).body.amendment
    await api(`/amendments/${first.id}/responses`, ggdToken, {
      name: 'Aïsha',
      stance: 'support',
      reason: 'Krachtiger',
    })
    for (const { id } of [first, second]) {
      const decided = await api(`/amendments/${id}/decision`, board.tokens.facilitator, {
        decision: 'accepted',
      })
      expect(decided.status).toBe(200)
    }
    const third = (await propose(0, 3, 'Wij', 'Wij allen')).body.amendment
    await api(`/amendments/${third.id}/decision`, board.tokens.facilitator, {
      decision: 'rejected',
      note: 'Te breed',
    })
    await waitFor(() => manifestoText(ggd.doc).includes('Wij weten dat inwoners'), {
      what: 'the accepted text at the GGD',
    })
    const signed = await api('/signatures', ggdToken, {
      signerName: 'Aïsha Bakker',
      signerFunction: 'Directeur publieke gezondheid',
      hash: await manifestoHashOf(ggd.doc),
    })
    expect(signed.status).toBe(201)

    const download = async (extension: string) =>
      Buffer.from(
        await (
          await fetch(
            `${url}/api/boards/${board.id}/manifesto.${extension}?token=${board.tokens.viewer}`,
          )
        ).arrayBuffer(),
      )
    const md = (await download('md')).toString('utf8')
    expect(md).toMatch(/## Amendementen[\s\S]*### Preambule/)
    expect(md).toContain('**Amendement 1 – Gemeente Zeist – aangenomen**')
    expect(md).toContain('GGD steunt: Krachtiger')
    expect(md).toContain('Amendement 3 – Gemeente Zeist – verworpen')
    expect(md).toContain('Besluit: Te breed')
    expect(md).toMatch(/### GGD[\s\S]*ondertekend na amendementen 1–2/)
    expect(md.indexOf('## Amendementen')).toBeLessThan(md.indexOf('## Ondertekening'))

    const docx = await docxText(await download('docx'))
    expect(docx).toContain('Amendement 2 – Gemeente Zeist – aangenomen')
    expect(docx).toContain('ondertekend na amendementen 1–2')
    const pdf = await pdfText(await download('pdf'), false)
    expect(pdf).toContain('Amendementen')
    expect(pdf.replace(/\s+/g, ' ')).toContain('ondertekend na amendementen 1–2')
  })
})
