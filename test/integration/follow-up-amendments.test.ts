import {
  type Amendment,
  getManifesto,
  readAmendments,
  readPreviousSession,
} from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { boardWithManifesto } from './helpers/board-with-manifesto'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { boardApi, manifestoText, tokenOfLink } from './helpers/manifesto'
import { waitFor } from './helpers/wait-for'

type Answer = { amendment: Amendment; error: string }

describe('amendments in a vervolgsessie', () => {
  const cleanup = useCleanup()

  it('M9: decided amendments go into the record, open ones carry over re-anchored with their answers and are numbered on; a changed passage is recorded as not carried', async () => {
    const { url, wsBase, board, writer, reader } = await boardWithManifesto(cleanup)
    const api = (boardId: string, path: string, token: string, body: unknown) =>
      boardApi<Answer>(url, `/api/boards/${boardId}/amendments${path}`, token, {
        method: 'POST',
        body,
      })
    const propose = async (organisation: string, passage: object, replacement: string) => {
      const made = await api(board.id, '', board.tokens.editor, {
        organisation,
        name: 'Wim',
        passage,
        replacement,
        reason: 'Helderder',
      })
      expect(made.status, made.body.error).toBe(201)
      return made.body.amendment
    }
    const decide = async (id: string, decision: string, note = '') =>
      expect(
        (await api(board.id, `/${id}/decision`, board.tokens.facilitator, { decision, note }))
          .status,
      ).toBe(200)

    // 1 accepted, 2 open with an answer, 3 rejected, 4 open but its passage edited since.
    const first = await propose(
      'Gemeente Zeist',
      { path: [3], from: 4, to: 11, text: 'geloven' },
      'weten',
    )
    await decide(first.id, 'accepted', 'Akkoord')
    const second = await propose(
      'GGD',
      { path: [7], from: 25, to: 31, text: 'alleen' },
      'zonder steun',
    )
    const answered = await api(board.id, `/${second.id}/responses`, board.tokens.editor, {
      organisation: 'Woonstichting',
      name: 'Joost',
      stance: 'object',
      reason: 'Te snel',
    })
    expect(answered.status).toBe(200)
    const third = await propose(
      'Woonstichting',
      { path: [3], from: 14, to: 22, text: 'bewoners' },
      'inwoners',
    )
    await decide(third.id, 'rejected', 'Bewoners is het woord van de wijk')
    await propose('Gemeente Zeist', { path: [3], from: 48, to: 53, text: 'werkt' }, 'helpt')
    // Someone types inside the fourth's passage: it no longer reads as proposed.
    await waitFor(() => manifestoText(writer.doc).includes('Wij weten dat'), {
      what: 'the accepted text at the writer',
    })
    const preamble = (getManifesto(writer.doc).get(3) as Y.XmlElement).get(0) as Y.XmlText
    preamble.insert(50, 'XX')
    await waitFor(() => manifestoText(reader.doc).includes('weXXrkt'), { what: 'the edit' })
    // Someone types before the second's passage: its anchor follows, and so does the copy's.
    const ambition = (getManifesto(writer.doc).get(7) as Y.XmlElement).get(0) as Y.XmlText
    ambition.insert(0, 'Samen: ')
    await waitFor(() => manifestoText(reader.doc).includes('Samen: Niemand'), { what: 'the edit' })

    const started = await boardApi<{
      id: string
      links: Record<'facilitator' | 'editor' | 'viewer', string>
      carried: { amendments: number }
    }>(url, `/api/boards/${board.id}/follow-up`, board.tokens.facilitator, {
      method: 'POST',
      body: {},
    })
    expect(started.status).toBe(201)
    expect(started.body.carried.amendments).toBe(1)
    const next = started.body
    const newFacilitator = tokenOfLink(next.links.facilitator)
    const newEditor = tokenOfLink(next.links.editor)
    const newBoard = await connectClient(cleanup, wsBase, next.id, { token: newFacilitator })

    // The open one lives on: number 1 here, from number 2 there, with its answer, open.
    const [carried, ...others] = readAmendments(newBoard.doc)
    expect(others).toEqual([])
    expect(carried).toMatchObject({
      number: 1,
      status: 'open',
      organisationName: 'GGD',
      original: 'alleen',
      replacement: 'zonder steun',
      sectionTitle: 'Ambities 2040',
      responses: { woonstichting: { stance: 'object', reason: 'Te snel', by: 'Joost' } },
      decision: null,
      carriedFrom: { boardId: board.id, title: 'Samen sterk in Zeist', number: 2 },
    })
    // The record: the decided ones and the one that could not be carried, by number there.
    expect(readPreviousSession(newBoard.doc)?.amendments).toEqual([
      {
        number: 1,
        organisationName: 'Gemeente Zeist',
        sectionTitle: 'Preambule',
        original: 'geloven',
        replacement: 'weten',
        outcome: 'accepted',
        note: 'Akkoord',
      },
      {
        number: 3,
        organisationName: 'Woonstichting',
        sectionTitle: 'Preambule',
        original: 'bewoners',
        replacement: 'inwoners',
        outcome: 'rejected',
        note: 'Bewoners is het woord van de wijk',
      },
      {
        number: 4,
        organisationName: 'Gemeente Zeist',
        sectionTitle: 'Preambule',
        original: 'werkt',
        replacement: 'helpt',
        outcome: 'not-carried',
        note: '',
      },
    ])

    // A new proposal on the new board is numbered after the carried one.
    const newProposal = await api(next.id, '', newEditor, {
      organisation: 'Woonstichting',
      name: 'Joost',
      passage: { path: [3], from: 4, to: 9, text: 'weten' },
      replacement: 'zien',
      reason: 'Korter',
    })
    expect(newProposal.status, newProposal.body.error).toBe(201)
    expect(newProposal.body.amendment.number).toBe(2)
    // Its anchor points into the new board's text: accepting it there changes that text only.
    const accepted = await api(next.id, `/${carried!.id}/decision`, newFacilitator, {
      decision: 'accepted',
    })
    expect(accepted.status, accepted.body.error).toBe(200)
    await waitFor(
      () =>
        manifestoText(newBoard.doc).includes('Samen: Niemand staat er in 2040 zonder steun voor.'),
      { what: 'the carried amendment applied on the new board' },
    )
    expect(manifestoText(reader.doc)).toContain('Samen: Niemand staat er in 2040 alleen voor.')
    expect(readAmendments(reader.doc).find((a) => a.number === 2)?.status).toBe('open')

    // The new board's report shows where it came from, and the record.
    const report = await fetch(`${url}/api/boards/${next.id}/report.md?token=${newEditor}`)
    const chapter = (await report.text()).split('\n## Amendementen\n')[1]!
    expect(chapter).toContain('### Uit de vorige sessie ("Samen sterk in Zeist")')
    expect(chapter).toContain(
      '- **Amendement 4 (Gemeente Zeist):** “werkt” wordt “helpt” – _niet overgenomen_',
    )
    expect(chapter).toContain(
      '- **Amendement 1 (Gemeente Zeist):** “geloven” wordt “weten” – _aangenomen_ (toelichting van de voorzitter: Akkoord)',
    )
    expect(chapter).toContain('#### Amendement 1 – GGD – aangenomen')
    expect(chapter).toContain(
      '_Overgenomen uit de sessie "Samen sterk in Zeist", waar het amendement 2 was._',
    )
    // The manifesto's own export says so too.
    const manifesto = await fetch(`${url}/api/boards/${next.id}/manifesto.md?token=${newEditor}`)
    expect(await manifesto.text()).toContain(
      'Overgenomen uit de sessie "Samen sterk in Zeist", waar het amendement 2 was',
    )
  })
})
