import { FacilitatorKey, getFacilitator } from '@stip/board/doc-model'
import { CloseCode } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import { createScratchDatabase } from '../../server/src/store/scratch-database'
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

interface AuditLine {
  at: number
  act: string
  role: string
  organisation: string | null
  participant: string | null
  detail: Record<string, unknown>
}

/**
 * Issue 18, "done when": an IT department can answer who signed, who froze, who exported and
 * when. A scripted session through the public API and real websockets, then its audit log.
 */
describe.each(['sqlite', 'postgres'] as const)(
  'the audit log of a scripted session on %s',
  (kind) => {
    const cleanup = useCleanup()

    it('ST7: records creation, renewal, revocation, signing, freezing, a refusal, versions, exports and deletion, never a token', async () => {
      let databaseUrl: string | undefined
      if (kind === 'postgres') {
        const database = await createScratchDatabase()
        cleanup.add(() => database.drop())
        databaseUrl = database.url
      }
      const { url, wsBase } = await startTestServer(cleanup, { databaseUrl })
      const board = await createBoard(url, {
        title: 'Samen naar 2040',
        organisations: [{ name: 'Gemeente Utrecht' }, { name: 'GGD regio Utrecht' }],
      })
      const facilitatorToken = board.tokens.facilitator
      const auditOf = async () =>
        (
          await boardApi<{ entries: AuditLine[] }>(
            url,
            `/api/boards/${board.id}/audit?format=json`,
            facilitatorToken,
          )
        ).body.entries
      const acts = async () => (await auditOf()).map((entry) => entry.act)

      // An editor on the old link is cut off when the facilitator renews it.
      const oldEditor = await connectClient(cleanup, wsBase, board.id, {
        token: board.tokens.editor,
      })
      const renewed = await boardApi<{ link: string }>(
        url,
        `/api/boards/${board.id}/links/editor`,
        facilitatorToken,
        { method: 'POST' },
      )
      expect(renewed.status).toBe(200)
      await waitFor(() => oldEditor.closeCodes.includes(CloseCode.unauthorized))
      oldEditor.destroy()
      await waitFor(async () => (await acts()).includes('session.revoked'))
      const editorToken = tokenOfLink(renewed.body.link)

      const editor = await connectClient(cleanup, wsBase, board.id, { token: editorToken })
      const facilitator = await connectClient(cleanup, wsBase, board.id, {
        token: facilitatorToken,
      })
      writeManifesto(
        editor.doc,
        'Wij geloven in bewoners aan het stuur.',
        'In 2040 is niemand eenzaam.',
      )
      await waitFor(() => manifestoText(facilitator.doc) === manifestoText(editor.doc))

      const meta = await boardApi<{ organisations: Array<{ id: string }> }>(
        url,
        `/api/boards/${board.id}`,
        facilitatorToken,
      )
      const gemeente = meta.body.organisations[0]!.id
      const signingPath = `/api/boards/${board.id}/signing-links/${gemeente}`
      await boardApi(url, signingPath, facilitatorToken, { method: 'POST' })
      const second = await boardApi<{ link: string }>(url, signingPath, facilitatorToken, {
        method: 'POST',
      })
      const signingToken = tokenOfLink(second.body.link)
      const signed = await boardApi(url, `/api/boards/${board.id}/signatures`, signingToken, {
        method: 'POST',
        body: {
          signerName: 'Sharon Dijksma',
          signerFunction: 'Burgemeester',
          hash: await manifestoHashOf(editor.doc),
        },
      })
      expect(signed.status).toBe(201)

      facilitator.doc.transact(() =>
        getFacilitator(facilitator.doc).set(FacilitatorKey.manifestoFrozen, true),
      )
      await waitFor(async () => (await acts()).includes('manifesto.frozen'))
      await waitFor(() => getFacilitator(editor.doc).get(FacilitatorKey.manifestoFrozen) === true)
      setParagraphText(editor.doc, 1, 'Toch nog iets anders.')
      await waitFor(() => editor.closeCodes.includes(CloseCode.forbidden))
      editor.destroy()
      await waitFor(async () => (await acts()).includes('update.refused'))
      facilitator.doc.transact(() =>
        getFacilitator(facilitator.doc).set(FacilitatorKey.manifestoFrozen, false),
      )
      await waitFor(async () => (await acts()).includes('manifesto.unfrozen'))

      const saved = await boardApi<{ version: { id: string } }>(
        url,
        `/api/boards/${board.id}/versions`,
        facilitatorToken,
        { method: 'POST', body: { name: 'Na de ondertekening', authorName: 'Fatima' } },
      )
      expect(saved.status).toBe(201)
      const restored = await boardApi(
        url,
        `/api/boards/${board.id}/versions/${saved.body.version.id}/restore`,
        facilitatorToken,
        { method: 'POST', body: { authorName: 'Fatima' } },
      )
      expect(restored.status).toBe(200)
      const report = await fetch(`${url}/api/boards/${board.id}/report.md?token=${editorToken}`)
      expect(report.status).toBe(200)
      const exported = await boardApi<{ audit: AuditLine[] }>(
        url,
        `/api/boards/${board.id}/export.json`,
        facilitatorToken,
      )
      expect(exported.body.audit.map((entry) => entry.act)).toContain('manifesto.signed')

      const audit = await auditOf()
      // Every look at the log is itself logged; the polling above made several.
      expect(audit.at(-1)?.act).toBe('audit.downloaded')
      const session = audit.filter((entry) => entry.act !== 'audit.downloaded')
      expect(session.map((entry) => entry.act)).toEqual([
        'board.created',
        'link.renewed',
        'session.revoked',
        'signing-link.made',
        'signing-link.revoked',
        'signing-link.made',
        'manifesto.signed',
        'manifesto.frozen',
        'update.refused',
        'manifesto.unfrozen',
        'version.saved',
        'version.restored',
        'board.exported',
        'board.exported',
      ])
      const find = (act: string) => session.find((entry) => entry.act === act)!
      expect(find('board.created')).toMatchObject({
        role: 'facilitator',
        detail: {
          title: 'Samen naar 2040',
          organisations: ['Gemeente Utrecht', 'GGD regio Utrecht'],
        },
      })
      expect(find('link.renewed')).toMatchObject({
        role: 'facilitator',
        detail: { link: 'editor' },
      })
      expect(find('session.revoked')).toMatchObject({ role: 'editor' })
      expect(find('manifesto.signed')).toMatchObject({
        role: 'editor',
        organisation: 'Gemeente Utrecht',
        participant: 'Sharon Dijksma',
        detail: { signerFunction: 'Burgemeester', organisationId: gemeente },
      })
      expect(find('manifesto.frozen').role).toBe('facilitator')
      expect(find('update.refused')).toMatchObject({
        role: 'editor',
        detail: { reason: expect.any(String) },
      })
      expect(find('version.saved')).toMatchObject({
        participant: 'Fatima',
        detail: { name: 'Na de ondertekening' },
      })
      expect(find('version.restored')).toMatchObject({ role: 'facilitator', participant: 'Fatima' })
      expect(
        session.filter((entry) => entry.act === 'board.exported').map((e) => [e.role, e.detail]),
      ).toEqual([
        ['editor', { what: 'report', format: 'md' }],
        ['facilitator', { what: 'board', format: 'json' }],
      ])
      for (let i = 1; i < audit.length; i++)
        expect(audit[i]!.at).toBeGreaterThanOrEqual(audit[i - 1]!.at)

      // Never a token, not even the renewed or signing ones.
      const written = JSON.stringify(audit)
      for (const token of [...Object.values(board.tokens), editorToken, signingToken]) {
        expect(written).not.toContain(token)
      }
      const csv = await fetch(`${url}/api/boards/${board.id}/audit?format=csv`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const csvBytes = new Uint8Array(await csv.arrayBuffer())
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const csvText = new TextDecoder().decode(csvBytes)
      expect(csvText.split('\r\n')[0]).toBe('time,act,role,organisation,participant,detail')
      expect(csvText).toContain('manifesto.signed,editor,Gemeente Utrecht,Sharon Dijksma,')
      const byEditor = await boardApi(url, `/api/boards/${board.id}/audit`, editorToken)
      expect(byEditor.status).toBe(403)

      // Deleted with the board: the facilitator link no longer opens anything.
      const deleted = await fetch(`${url}/api/boards/${board.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
      expect(deleted.status).toBe(204)
      expect((await boardApi(url, `/api/boards/${board.id}/audit`, facilitatorToken)).status).toBe(
        401,
      )
    })
  },
)
