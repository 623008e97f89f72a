import {
  type Amendment,
  FacilitatorKey,
  getManifesto,
  readAmendments,
  writeFacilitator,
} from '@stip/board/doc-model'
import { canonicalManifestoText, writeDefaultManifesto } from '@stip/manifesto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { appUnderTest } from './app-under-test'

/** What the routes answer: an amendment, a signing link, or why not. */
type Answer = { amendment: Amendment; link: string; error: string }

// Route tests for amendments (server/src/amendments/SPEC.md) through app.request().
describe('amendments API', () => {
  let routes: Awaited<ReturnType<typeof appUnderTest>>
  let board: Awaited<ReturnType<typeof routes.createBoard>>
  let ggdSigner: string
  const PREAMBLE = 'Wij geloven in samenwerking tussen alle partners.'
  const passage = { path: [3], from: 4, to: 11, text: 'geloven' }
  const url = (rest = '') => `/api/boards/${board.id}/amendments${rest}`

  const post = async (path: string, token: string, json: unknown) => {
    const response = await routes.request(path, { method: 'POST', token, json })
    return { status: response.status, body: (await response.json()) as Answer }
  }
  const propose = (token: string, extra: object = {}) =>
    post(url(), token, {
      organisation: 'Gemeente',
      name: 'Wim',
      passage,
      replacement: 'kiezen voor',
      reason: 'Geloven is te vrijblijvend.',
      ...extra,
    })
  const text = async () => {
    const doc = await routes.registry.readDocument(board.id)
    const out = canonicalManifestoText(getManifesto(doc))
    doc.destroy()
    return out
  }
  const freeze = (frozen: boolean) =>
    routes.registry.changeDocument(board.id, (doc) =>
      writeFacilitator(doc, FacilitatorKey.manifestoFrozen, frozen),
    )

  beforeEach(async () => {
    routes = await appUnderTest()
    board = await routes.createBoard({
      title: 'Samen naar 2040',
      organisations: [{ name: 'Gemeente' }, { name: 'GGD' }, { name: 'Woningcorporatie' }],
    })
    await routes.registry.changeDocument(board.id, (doc) => {
      const fragment = getManifesto(doc)
      writeDefaultManifesto(fragment, 'nl')
      ;((fragment.get(3) as Y.XmlElement).get(0) as Y.XmlText).insert(0, PREAMBLE)
    })
    const link = await post(`/api/boards/${board.id}/signing-links/ggd`, board.facilitator, {})
    ggdSigner = new URL(link.body.link).hash.replace(/^#(token=)?/, '')
  })
  afterEach(async () => {
    await routes.close()
  })

  it('M1: an editor proposes a passage the server anchors; a stale or empty passage is refused', async () => {
    const made = await propose(board.editor)
    expect(made.status).toBe(201)
    expect(made.body.amendment).toMatchObject({
      number: 1,
      status: 'open',
      organisationName: 'Gemeente',
      original: 'geloven',
      replacement: 'kiezen voor',
      sectionKey: 'preambule',
    })
    const stale = await propose(board.editor, { passage: { ...passage, text: 'gelovn' } })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatch(/passage changed/)
    const same = await propose(board.editor, { replacement: 'geloven' })
    expect(same.status).toBe(409)
    const outside = await propose(board.editor, { passage: { ...passage, path: [2, 0] } })
    expect(outside.status).toBe(409)
    const bad = await post(url(), board.editor, { name: 'Wim', passage })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/replacement|reason/)
    for (const token of [board.facilitator, board.viewer]) {
      expect((await propose(token)).status).toBe(403)
    }
    expect((await propose('wrong-token')).status).toBe(401)
  })

  it('M2: a signing link speaks for its own organisation; an editor names one the board has', async () => {
    const bySigner = await propose(ggdSigner, { organisation: 'Gemeente' })
    expect(bySigner.status).toBe(201)
    expect(bySigner.body.amendment.organisationName).toBe('GGD')
    const unknown = await propose(board.editor, { organisation: 'Brandweer' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatch(/no organisation "Brandweer"/)
    const none = await propose(board.editor, { organisation: undefined })
    expect(none.status).toBe(400)
  })

  it('M3: numbers amendments in the order they arrive and keeps their section', async () => {
    await propose(board.editor)
    const second = await propose(board.editor, {
      passage: { path: [3], from: 15, to: 27, text: 'samenwerking' },
      replacement: 'verbinding',
    })
    expect(second.body.amendment).toMatchObject({ number: 2, sectionTitle: 'Preambule' })
  })

  it('M4: other organisations answer once each, the proposer cannot, a decided one takes none', async () => {
    const { amendment } = (await propose(board.editor)).body
    const respond = (token: string, json: object) =>
      post(url(`/${amendment.id}/responses`), token, { name: 'Aïsha', ...json })
    expect((await respond(ggdSigner, { stance: 'object', reason: 'Te stellig' })).status).toBe(200)
    const changed = await respond(ggdSigner, { stance: 'support', reason: 'Overtuigd' })
    expect(changed.body.amendment.responses.ggd).toMatchObject({
      stance: 'support',
      reason: 'Overtuigd',
      organisationName: 'GGD',
    })
    const own = await respond(board.editor, { organisation: 'Gemeente', stance: 'support' })
    expect(own.status).toBe(409)
    expect(own.body.error).toMatch(/Gemeente proposed this amendment/)
    const badStance = await respond(ggdSigner, { stance: 'maybe' })
    expect(badStance.status).toBe(400)
    expect(
      (await respond(board.facilitator, { organisation: 'GGD', stance: 'abstain' })).status,
    ).toBe(403)
    await post(url(`/${amendment.id}/decision`), board.facilitator, { decision: 'rejected' })
    expect((await respond(ggdSigner, { stance: 'object' })).status).toBe(409)
    expect(
      (await post(url('/nope/responses'), ggdSigner, { name: 'A', stance: 'object' })).status,
    ).toBe(404)
  })

  it('M5: only the facilitator decides, once; accepting changes the text, credited to the proposer', async () => {
    const { amendment } = (await propose(board.editor)).body
    const decide = (token: string, decision: string) =>
      post(url(`/${amendment.id}/decision`), token, { decision, note: 'Akkoord in de stuurgroep' })
    expect((await decide(board.editor, 'accepted')).status).toBe(403)
    expect((await decide(ggdSigner, 'accepted')).status).toBe(403)
    expect((await decide(board.facilitator, 'maybe')).status).toBe(400)
    const accepted = await decide(board.facilitator, 'accepted')
    expect(accepted.status).toBe(200)
    expect(accepted.body.amendment).toMatchObject({
      status: 'accepted',
      organisationName: 'Gemeente',
      decision: { note: 'Akkoord in de stuurgroep' },
    })
    expect(await text()).toContain('Wij kiezen voor in samenwerking tussen alle partners.')
    expect((await decide(board.facilitator, 'rejected')).status).toBe(409)
  })

  it('M5: refuses to accept when the passage was edited since, and changes nothing', async () => {
    const { amendment } = (await propose(board.editor)).body
    await routes.registry.changeDocument(board.id, (doc) => {
      const paragraph = getManifesto(doc).get(3) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).insert(6, 'XX')
    })
    const before = await text()
    const refused = await post(url(`/${amendment.id}/decision`), board.facilitator, {
      decision: 'accepted',
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatch(/passage has changed/)
    expect(await text()).toBe(before)
    const doc = await routes.registry.readDocument(board.id)
    expect(readAmendments(doc)[0]?.status).toBe('open')
    doc.destroy()
  })

  it('M6: while frozen, proposing and accepting wait; answering and rejecting go on', async () => {
    const { amendment } = (await propose(board.editor)).body
    await freeze(true)
    const before = await text()
    const proposed = await propose(board.editor)
    expect(proposed.status).toBe(409)
    expect(proposed.body.error).toMatch(/frozen for signing/)
    const accept = await post(url(`/${amendment.id}/decision`), board.facilitator, {
      decision: 'accepted',
    })
    expect(accept.status).toBe(409)
    expect(await text()).toBe(before)
    const answer = await post(url(`/${amendment.id}/responses`), ggdSigner, {
      name: 'Aïsha',
      stance: 'abstain',
    })
    expect(answer.status).toBe(200)
    await freeze(false)
    const accepted = await post(url(`/${amendment.id}/decision`), board.facilitator, {
      decision: 'accepted',
    })
    expect(accepted.status).toBe(200)
  })
})
