import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getCommitments, getSessions } from '../doc-layout'
import { commitmentsByOrganisation, parseCommitment, readCommitments } from './commitments'
import { parsePreviousSession, readNextSession } from './sessions'

const commitment = {
  id: 'commitment:a',
  text: 'Ik bel de wijkagent',
  organisation: 'Gemeente',
  person: 'Anna',
  due: '2027-03-31',
  status: 'underway',
  noteId: 'shape:a',
  createdAt: 2,
  updatedAt: 3,
  updatedBy: 'Anna',
  carriedFrom: null,
}

describe('reading commitments and sessions from the board', () => {
  it('reads a commitment as the server wrote it, and skips what a foreign client could have left', () => {
    const doc = new Y.Doc()
    const map = getCommitments(doc)
    map.set('commitment:a', commitment)
    map.set('commitment:b', {
      ...commitment,
      id: 'commitment:b',
      organisation: 'GGD',
      createdAt: 1,
    })
    map.set('bad-status', { ...commitment, status: 'klaar' })
    map.set('not-an-object', 'x')
    expect(readCommitments(doc).map((c) => c.id)).toEqual(['commitment:b', 'commitment:a'])
    expect(parseCommitment({ ...commitment, due: 7, carriedFrom: { boardId: 1 } })).toMatchObject({
      due: null,
      carriedFrom: null,
    })
  })

  it('groups commitments per organisation in alphabetical order', () => {
    const groups = commitmentsByOrganisation([
      { ...parseCommitment(commitment)!, organisation: 'GGD' },
      parseCommitment(commitment)!,
    ])
    expect(groups.map((g) => g.organisation)).toEqual(['Gemeente', 'GGD'])
  })

  it('reads the previous session defensively and the next one only when whole', () => {
    const previous = parsePreviousSession({
      boardId: 'b1',
      title: 'Sessie 1',
      endedAt: 5,
      abcdStep: { sectionKey: 'c-oplossingen', label: { nl: 'C', en: 7 } },
      manifestoHash: null,
      signatures: [{ organisationName: 'GGD' }, 'x'],
      closedCommitments: [{ ...commitment, status: 'done' }, { id: 1 }],
      amendments: [
        {
          number: 2,
          organisationName: 'GGD',
          original: 'oud',
          replacement: 'nieuw',
          outcome: 'not-carried',
        },
        { number: 3, organisationName: 'GGD', original: 'a', replacement: 'b', outcome: 'open' },
      ],
    })
    expect(previous).toMatchObject({ abcdStep: null, signatures: [] })
    expect(previous?.amendments).toEqual([
      {
        number: 2,
        organisationName: 'GGD',
        sectionTitle: '',
        original: 'oud',
        replacement: 'nieuw',
        outcome: 'not-carried',
        note: '',
      },
    ])
    expect(parsePreviousSession({ boardId: 'b1', title: 'S', endedAt: 1 })?.amendments).toEqual([])
    expect(previous?.closedCommitments.map((c) => c.status)).toEqual(['done'])
    expect(parsePreviousSession({ boardId: 'b1' })).toBeNull()
    const doc = new Y.Doc()
    getSessions(doc).set('next', { boardId: 'b2', title: 'Sessie 2' })
    expect(readNextSession(doc)).toBeNull()
    getSessions(doc).set('next', { boardId: 'b2', title: 'Sessie 2', createdAt: 9 })
    expect(readNextSession(doc)).toEqual({ boardId: 'b2', title: 'Sessie 2', createdAt: 9 })
  })
})
