import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UpdateAuthorizer } from './authorize-update'

const refuseUpdate = (
  role: 'facilitator' | 'editor' | 'viewer',
  update: ReturnType<typeof Y.decodeUpdate>,
  doc: Y.Doc,
) => new UpdateAuthorizer(doc).refusal(role, update)

/** An update made on a replica of `server`, decoded as the room decodes it. */
function updateOn(server: Y.Doc, change: (doc: Y.Doc) => void) {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(replica)
  change(replica)
  return Y.decodeUpdate(Y.encodeStateAsUpdate(replica, before))
}

const addParagraph = (doc: Y.Doc) =>
  doc.getXmlFragment('manifesto').insert(0, [new Y.XmlElement('paragraph')])

describe('which updates a role may apply', () => {
  it('A2: refuses a viewer every change it would make: a new record, a deletion, a manifesto edit', () => {
    const server = new Y.Doc()
    server.getArray('tldraw-records').push([{ key: 'shape:a', val: { x: 0 } }])
    const changes = [
      (doc: Y.Doc) => doc.getArray('tldraw-records').push([{ key: 'shape:b', val: {} }]),
      (doc: Y.Doc) => doc.getArray('tldraw-records').delete(0, 1),
      addParagraph,
    ]
    for (const change of changes) {
      const update = updateOn(server, change)
      expect(refuseUpdate('viewer', update, server)).toBe('a viewer cannot change the board')
      expect(refuseUpdate('editor', update, server)).toBeNull()
    }
  })

  it('A3: lets no role write the signatures, not even the facilitator', () => {
    const server = new Y.Doc()
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const update = updateOn(server, (doc) => doc.getMap('signatures').set('ggd', { hash: 'x' }))
      expect(refuseUpdate(role, update, server)).toMatch(/signatures|viewer/)
    }
  })

  it('A3: lets no role write the votes map, not even the facilitator (the server writes tallies)', () => {
    const server = new Y.Doc()
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const update = updateOn(server, (doc) => doc.getMap('votes').set('v1', { voters: 3 }))
      expect(refuseUpdate(role, update, server)).toMatch(/votes|viewer/)
    }
  })

  it('A3: lets no role write the amendments, not even the facilitator (the server decides them)', () => {
    const server = new Y.Doc()
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const update = updateOn(server, (doc) =>
        doc.getMap('amendments').set('a1', { status: 'accepted' }),
      )
      expect(refuseUpdate(role, update, server)).toMatch(/amendments|viewer/)
    }
  })

  it('A3: lets no role write the comment threads, not even the facilitator (comments-api writes them)', () => {
    const server = new Y.Doc()
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const update = updateOn(server, (doc) =>
        doc.getMap('comments').set('t1', { status: 'resolved' }),
      )
      expect(refuseUpdate(role, update, server)).toMatch(/comments|viewer/)
    }
  })

  it('A11: lets no role write the commitments or the sessions, not even the facilitator', () => {
    const server = new Y.Doc()
    for (const root of ['commitments', 'sessions']) {
      for (const role of ['facilitator', 'editor', 'viewer'] as const) {
        const update = updateOn(server, (doc) => doc.getMap(root).set('x', { status: 'done' }))
        expect(refuseUpdate(role, update, server)).toMatch(new RegExp(`${root}|viewer`))
      }
    }
  })

  it('A6: refuses manifesto edits from every role while it is frozen, and allows them once unfrozen', () => {
    const server = new Y.Doc()
    server.getMap('facilitator').set('manifestoFrozen', true)
    for (const role of ['facilitator', 'editor'] as const) {
      expect(refuseUpdate(role, updateOn(server, addParagraph), server)).toBe(
        'the manifesto is frozen for signing',
      )
    }
    const canvas = updateOn(server, (doc) =>
      doc.getArray('tldraw-records').push([{ key: 'shape:a', val: {} }]),
    )
    expect(refuseUpdate('editor', canvas, server)).toBeNull()
    server.getMap('facilitator').set('manifestoFrozen', false)
    // The unfreeze overwrote a key, so every update now carries that deletion too.
    expect(refuseUpdate('editor', updateOn(server, addParagraph), server)).toBeNull()
  })

  it('A4: still lets the facilitator change the facilitator state and refuses it to editors', () => {
    const server = new Y.Doc()
    const unfreeze = updateOn(server, (doc) =>
      doc.getMap('facilitator').set('manifestoFrozen', false),
    )
    expect(refuseUpdate('facilitator', unfreeze, server)).toBeNull()
    expect(refuseUpdate('editor', unfreeze, server)).toMatch(/only the facilitator/)
  })

  it('A1: lets every role reconnect with a sync step 2 that only repeats deletions the server already has', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const sync = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    client.getMap('facilitator').set('timer', 1)
    client.getMap('facilitator').set('timer', 2)
    client.getXmlFragment('manifesto').insert(0, [new Y.XmlElement('paragraph')])
    client.getXmlFragment('manifesto').delete(0, 1)
    sync()
    server.getMap('facilitator').set('manifestoFrozen', true)
    // What y-protocols' sync step 2 sends: everything the server lacks, plus the whole delete set.
    const stepTwo = Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))
    expect(stepTwo.ds.clients.size).toBeGreaterThan(0)
    for (const role of ['viewer', 'editor', 'facilitator'] as const) {
      expect(refuseUpdate(role, stepTwo, server)).toBeNull()
    }
  })
})
