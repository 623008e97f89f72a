import { randomBytes } from 'node:crypto'
import { CloseCode } from '@stip/protocol'
import { templateFrameId } from '@stip/templates'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteRecord, recordsOf } from './helpers/board-shapes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { type BoardClient, connectClient } from './helpers/clients'
import { boardRequest } from './helpers/http'
import { openRawSocket, sendFrame, updateFrame } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

const FRAME = templateFrameId('hebben-zaaien', 'start')
const LOCKABLE = new Set(['frame', 'lane', 'title', 'prompt', 'scale'])
const secret = () => randomBytes(24).toString('base64url')

/** Sends the client's whole state again, as y-indexeddb does when it loads after the socket synced. */
async function resendWholeState(client: BoardClient): Promise<void> {
  const ws = client.provider.ws
  if (!ws) throw new Error('not connected')
  ws.send(updateFrame(Y.encodeStateAsUpdate(client.doc)))
  await sleep(300)
}

async function boardWithWerkvorm(cleanup: ReturnType<typeof useCleanup>) {
  const server = await startTestServer(cleanup)
  const board = await createBoard(server.url, {
    title: 'Samen naar 2040',
    template: 'hebben-zaaien',
    organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
  })
  const connect = (role: 'facilitator' | 'editor' | 'viewer') =>
    connectClient(cleanup, server.wsBase, board.id, { token: board.tokens[role] })
  return { server, board, connect }
}

describe('session-proof: what the server accepts and keeps (auth SPEC A1, A3, A5, A9, A10)', () => {
  const cleanup = useCleanup()

  it('A1: lets every role send again, whole, state the server already has, facilitator state and deletions included', async () => {
    const { connect } = await boardWithWerkvorm(cleanup)
    const facilitator = await connect('facilitator')
    facilitator.doc.transact(() => {
      const state = facilitator.doc.getMap('facilitator')
      state.set('timer', { durationMs: 60_000, endsAt: null, remainingMs: 60_000, running: false })
      state.set('manifestoFrozen', true)
      state.set('manifestoFrozen', false)
      facilitator.doc.getMap('organisations').set('politie', { name: 'Politie' })
    })
    for (const role of ['editor', 'viewer', 'facilitator'] as const) {
      const client = await connect(role)
      await waitFor(() => client.doc.getMap('facilitator').get('timer'), {
        what: `${role} to receive the facilitator state`,
      })
      await resendWholeState(client)
      await resendWholeState(client)
      expect(client.closeCodes, role).toEqual([])
      expect(client.provider.wsconnected, role).toBe(true)
    }
    // New content beside the re-sent state is judged on its own: an editor's note passes.
    const editor = await connect('editor')
    recordsOf(editor.doc).set(noteRecord('shape:new-note', 'Wijkteams', { parentId: FRAME }))
    await resendWholeState(editor)
    expect(editor.closeCodes).toEqual([])
    await waitFor(() => recordsOf(facilitator.doc).get('shape:new-note'), {
      what: 'the note to reach the facilitator',
    })
  })

  it('A1: still refuses what is new and not the role’s, hidden in a re-sent state', async () => {
    const { connect } = await boardWithWerkvorm(cleanup)
    const editor = await connect('editor')
    // An editor's offline edit to facilitator-only state travels with its whole state: refused.
    editor.doc.getMap('facilitator').set('timer', { forged: true })
    await waitFor(() => editor.closeCodes.includes(CloseCode.forbidden), {
      what: 'the forged state to be refused',
    })
    editor.destroy()
    const reader = await connect('viewer')
    expect(reader.doc.getMap('facilitator').get('timer')).toBeUndefined()
  })

  it('A3: refuses an editor’s and a facilitator’s own write to the votes map and stores nothing of it', async () => {
    const { connect } = await boardWithWerkvorm(cleanup)
    for (const role of ['editor', 'facilitator'] as const) {
      const forger = await connect(role)
      forger.doc.getMap('votes').set(`forged-${role}`, {
        voteId: `forged-${role}`,
        voters: 9,
        counts: { 'shape:n1': 9 },
        revealedAt: 1,
      })
      await waitFor(() => forger.closeCodes.includes(CloseCode.forbidden), {
        what: `the ${role}’s vote tally to be refused`,
      })
      forger.destroy()
    }
    const reader = await connect('viewer')
    expect(reader.doc.getMap('votes').toJSON()).toEqual({})
  })

  it('A5: refuses an editor’s move, resize or deletion of a locked werkvorm, yet takes notes inside it', async () => {
    const { connect } = await boardWithWerkvorm(cleanup)
    const facilitator = await connect('facilitator')
    const records = recordsOf(facilitator.doc)
    const lockable = records
      .ids()
      .map((id) => records.get(id)!)
      .filter((record) => LOCKABLE.has((record.meta as { stipPart?: string })?.stipPart ?? ''))
    expect(lockable.length).toBeGreaterThan(3)
    for (const record of lockable) records.set({ ...record, isLocked: true })

    const mover = await connect('editor')
    await waitFor(() => recordsOf(mover.doc).get(FRAME)?.isLocked === true, { what: 'the lock' })
    const frame = recordsOf(mover.doc).get(FRAME)!
    recordsOf(mover.doc).set({ ...frame, x: (frame.x as number) + 300 })
    await waitFor(() => mover.closeCodes.includes(CloseCode.forbidden), {
      what: 'the move refused',
    })
    mover.destroy()

    const deleter = await connect('editor')
    const lane = lockable.find((r) => (r.meta as { stipPart: string }).stipPart === 'lane')!
    recordsOf(deleter.doc).delete(lane.id as string)
    await waitFor(() => deleter.closeCodes.includes(CloseCode.forbidden), {
      what: 'the deletion refused',
    })
    deleter.destroy()

    const writer = await connect('editor')
    recordsOf(writer.doc).set(noteRecord('shape:inside', 'Buurtcoaches', { parentId: FRAME }))
    await waitFor(() => recordsOf(facilitator.doc).get('shape:inside'), { what: 'the note' })
    expect(writer.closeCodes).toEqual([])

    recordsOf(facilitator.doc).set({ ...recordsOf(facilitator.doc).get(FRAME)!, x: 500 })
    const reader = await connect('viewer')
    expect(recordsOf(reader.doc).get(FRAME)?.x).toBe(500)
    expect(recordsOf(reader.doc).get(lane.id as string)).toBeDefined()
    expect(facilitator.closeCodes).toEqual([])
  })

  it('A9: keeps each person’s dots with the server, within their budget, until the facilitator reveals the counts', async () => {
    const { server, board, connect } = await boardWithWerkvorm(cleanup)
    const facilitator = await connect('facilitator')
    const viewer = await openRawSocket(
      cleanup,
      `${server.wsBase}/${board.id}?token=${board.tokens.viewer}`,
    )
    const records = recordsOf(facilitator.doc)
    for (const id of ['n1', 'n2', 'n3']) {
      records.set(noteRecord(`shape:${id}`, `Notitie ${id}`, { parentId: FRAME }))
    }
    records.set(noteRecord('shape:outside', 'Elders'))
    facilitator.doc.getMap('facilitator').set('vote', {
      id: 'vote-1',
      frameId: FRAME,
      dotsPerPerson: 2,
      phase: 'open',
      startedAt: Date.now(),
    })
    const anna = secret()
    const bram = secret()
    const ballot = (participant: string, dots: string[], token = board.tokens.editor) =>
      boardRequest(server.url, `/api/boards/${board.id}/votes/vote-1/ballot`, {
        method: 'PUT',
        token,
        participant,
        body: { organisation: 'Gemeente', dots },
      })
    await waitFor(async () => (await ballot(anna, ['shape:n1', 'shape:n1'])).status === 200, {
      what: 'the vote to open on the server',
    })
    expect((await ballot(bram, ['shape:n1', 'shape:n2'])).status).toBe(200)
    // Over the budget, outside the frame, without a secret, as a viewer: refused.
    expect((await ballot(anna, ['shape:n1', 'shape:n2', 'shape:n3'])).status).toBe(409)
    expect((await ballot(anna, ['shape:outside'])).status).toBe(409)
    expect((await ballot('', ['shape:n1'])).status).toBe(400)
    expect((await ballot(anna, ['shape:n1'], board.tokens.viewer)).status).toBe(403)
    // A person reads only their own ballot.
    const read = (participant: string) =>
      boardRequest(server.url, `/api/boards/${board.id}/votes/vote-1/ballot`, {
        token: board.tokens.editor,
        participant,
      })
    expect((await read(anna)).body).toEqual({ dots: ['shape:n1', 'shape:n1'] })
    expect((await read(secret())).body).toEqual({ dots: [] })

    // Before the reveal the board holds how many voted, not for what.
    await waitFor(() => facilitator.doc.getMap('votes').get('vote-1'), { what: 'progress' })
    expect(facilitator.doc.getMap('votes').get('vote-1')).toMatchObject({ voters: 2, counts: null })

    const phase = (token: string) =>
      boardRequest(server.url, `/api/boards/${board.id}/votes/vote-1/phase`, {
        method: 'POST',
        token,
        body: { phase: 'revealed' },
      })
    expect((await phase(board.tokens.editor)).status).toBe(403)
    expect((await phase(board.tokens.facilitator)).status).toBe(200)
    await waitFor(
      () => (facilitator.doc.getMap('votes').get('vote-1') as { counts?: unknown })?.counts,
      { what: 'the counts' },
    )
    expect(facilitator.doc.getMap('votes').get('vote-1')).toMatchObject({
      voters: 2,
      counts: { 'shape:n1': 3, 'shape:n2': 1 },
    })
    expect(facilitator.doc.getMap('facilitator').get('vote')).toMatchObject({ phase: 'revealed' })
    expect((await ballot(anna, ['shape:n3'])).status).toBe(409)
    // Every byte a viewer received: no ballot, no voter, only the progress and the counts.
    const seen = Buffer.concat(viewer.received).toString('latin1')
    expect(seen).not.toContain(anna)
    expect(seen).not.toContain('Gemeente"') // ballots carry the voter's organisation
  })

  it('A10: keeps a silent round’s notes with the server and their author until the round ends', async () => {
    const { server, board, connect } = await boardWithWerkvorm(cleanup)
    const facilitator = await connect('facilitator')
    const viewer = await openRawSocket(
      cleanup,
      `${server.wsBase}/${board.id}?token=${board.tokens.viewer}`,
    )
    const editor = await connect('editor')
    facilitator.doc
      .getMap('facilitator')
      .set('silentRound', { id: 'round-1', active: true, startedAt: Date.now() })
    const anna = secret()
    const bram = secret()
    const secretText = 'Geheim-voorstel-van-Anna-7319'
    const note = noteRecord('shape:silent-anna', secretText, {
      parentId: FRAME,
      meta: { silentRoundId: 'round-1', authorName: 'Anna', organisation: 'Gemeente' },
    })
    const put = (participant: string, record: unknown, id = 'shape:silent-anna') =>
      boardRequest(server.url, `/api/boards/${board.id}/silent-round/notes/${id}`, {
        method: 'PUT',
        token: board.tokens.editor,
        participant,
        body: { record },
      })
    await waitFor(async () => (await put(anna, note)).status === 204, {
      what: 'the round to start on the server',
    })
    expect((await put(bram, note)).status).toBe(403)
    expect((await put(anna, { ...note, meta: { silentRoundId: 'other' } })).status).toBe(409)
    expect((await put(anna, { ...note, props: { color: 'no-such-colour' } })).status).toBe(400)
    expect((await put(anna, note, 'shape:another-id')).status).toBe(400)

    const own = (participant: string) =>
      boardRequest(server.url, `/api/boards/${board.id}/silent-round/notes`, {
        token: board.tokens.editor,
        participant,
      })
    expect((await own(anna)).body).toMatchObject({ roundId: 'round-1', notes: [note] })
    expect((await own(bram)).body).toEqual({ roundId: 'round-1', notes: [] })
    await sleep(200)
    for (const client of [facilitator, editor]) {
      expect(recordsOf(client.doc).get('shape:silent-anna')).toBeUndefined()
    }
    expect(Buffer.concat(viewer.received).toString('utf8')).not.toContain(secretText)

    const reveal = (token: string) =>
      boardRequest(server.url, `/api/boards/${board.id}/silent-round/reveal`, {
        method: 'POST',
        token,
      })
    expect((await reveal(board.tokens.editor)).status).toBe(403)
    expect((await reveal(board.tokens.facilitator)).body).toEqual({ revealed: 1 })
    await waitFor(() => recordsOf(editor.doc).get('shape:silent-anna'), { what: 'the reveal' })
    expect(recordsOf(editor.doc).get('shape:silent-anna')).toEqual(note)
    expect(editor.doc.getMap('facilitator').get('silentRound')).toMatchObject({ active: false })
    await waitFor(() => Buffer.concat(viewer.received).toString('utf8').includes(secretText), {
      what: 'the viewer to receive the revealed note',
    })
    expect((await put(anna, note)).status).toBe(409)
    expect((await reveal(board.tokens.facilitator)).status).toBe(409)
  })

  it('A1: keeps a re-sent state from a raw socket open for a viewer that has everything', async () => {
    const { server, board, connect } = await boardWithWerkvorm(cleanup)
    const facilitator = await connect('facilitator')
    facilitator.doc.getMap('facilitator').set('agenda', { steps: [], currentStepId: null })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(facilitator.doc))
    const viewer = await openRawSocket(
      cleanup,
      `${server.wsBase}/${board.id}?token=${board.tokens.viewer}`,
    )
    await sendFrame(viewer, updateFrame(Y.encodeStateAsUpdate(copy)))
    await sleep(300)
    expect(viewer.ws.readyState).toBe(viewer.ws.OPEN)
  })
})
