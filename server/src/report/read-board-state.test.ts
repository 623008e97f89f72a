import { getFacilitator, getVotes } from '@stip/board/doc-layout'
import { FacilitatorKey } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { outlineLevels } from '../manifesto-export/manifesto-document'
import { readBoardState } from './read-board-state'

describe('readBoardState', () => {
  it('keeps the counts of an open vote hidden and reports earlier votes as closed', () => {
    const doc = new Y.Doc()
    getVotes(doc).set('old', { voteId: 'old', voters: 2, counts: { n1: 2, n2: 1 }, revealedAt: 5 })
    getVotes(doc).set('now', { voteId: 'now', voters: 1, counts: null, revealedAt: null })
    getVotes(doc).set('broken', { voteId: 7 })
    getFacilitator(doc).set('vote', {
      id: 'now',
      frameId: 'shape:frame',
      dotsPerPerson: 3,
      phase: 'open',
      startedAt: 1,
    })
    const votes = readBoardState(doc).votes
    expect(votes).toEqual([
      {
        id: 'old',
        frameId: null,
        dotsPerPerson: null,
        phase: 'closed',
        counts: new Map([
          ['n1', 2],
          ['n2', 1],
        ]),
        voters: 2,
      },
      {
        id: 'now',
        frameId: 'shape:frame',
        dotsPerPerson: 3,
        phase: 'open',
        counts: null,
        voters: 1,
      },
    ])
    // The server writes the counts when the facilitator reveals the vote.
    getVotes(doc).set('now', { voteId: 'now', voters: 1, counts: { n3: 1 }, revealedAt: 9 })
    getFacilitator(doc).set('vote', {
      id: 'now',
      frameId: 'shape:frame',
      dotsPerPerson: 3,
      phase: 'revealed',
      startedAt: 1,
    })
    expect(readBoardState(doc).votes[1]?.counts).toEqual(new Map([['n3', 1]]))
  })

  it('reads the agenda, the running silent round and the freeze, and ignores what is malformed', () => {
    const doc = new Y.Doc()
    const state = getFacilitator(doc)
    state.set('agenda', {
      steps: [{ id: 'a', title: 'Welkom', minutes: 5 }, { id: 7 }, { id: 'b', title: 'Stemmen' }],
      currentStepId: 'b',
    })
    state.set('silentRound', { id: 'r1', active: true, startedAt: 1 })
    state.set(FacilitatorKey.manifestoFrozen, true)
    expect(readBoardState(doc)).toEqual({
      votes: [],
      agenda: {
        steps: [
          { id: 'a', title: 'Welkom', minutes: 5, templateId: null },
          { id: 'b', title: 'Stemmen', minutes: null, templateId: null },
        ],
        currentStepId: 'b',
      },
      hiddenSilentRound: 'r1',
      manifestoFrozen: true,
    })
    state.set('agenda', 'nonsense')
    state.set('silentRound', { id: 'r1', active: false, startedAt: 1 })
    expect(readBoardState(doc)).toMatchObject({ agenda: null, hiddenSilentRound: null })
  })
})

describe('outlineLevels', () => {
  it('puts every heading below the title and never skips a level', () => {
    const heading = (level: number) => ({ type: 'heading' as const, level, runs: [] })
    expect(
      outlineLevels([heading(1), heading(4), heading(2), heading(6), heading(3)]).map((b) =>
        b.type === 'heading' ? b.level : 0,
      ),
    ).toEqual([2, 3, 2, 3, 3])
  })
})
