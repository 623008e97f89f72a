import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getReactions } from '../doc-layout'
import { reactionKey, readReactions, setReaction } from './note-reactions'

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('note reactions', () => {
  it('counts each kind per note and marks the reader’s own', () => {
    const doc = new Y.Doc()
    const map = getReactions(doc)
    setReaction(map, { noteId: 'shape:a', kind: 'eens', userId: 'anna' }, true)
    setReaction(map, { noteId: 'shape:a', kind: 'eens', userId: 'bram' }, true)
    setReaction(map, { noteId: 'shape:a', kind: 'vraag', userId: 'bram' }, true)
    setReaction(map, { noteId: 'shape:b', kind: 'idee', userId: 'anna' }, true)
    const asAnna = readReactions(map, 'anna')
    expect(asAnna.get('shape:a')).toEqual({ counts: { eens: 2, vraag: 1 }, mine: ['eens'] })
    expect(asAnna.get('shape:b')).toEqual({ counts: { idee: 1 }, mine: ['idee'] })
    expect(readReactions(map, null).get('shape:a')?.mine).toEqual([])
  })

  it('keeps one reaction of a kind per person, and takes it off again', () => {
    const doc = new Y.Doc()
    const map = getReactions(doc)
    const reaction = { noteId: 'shape:a', kind: 'belangrijk', userId: 'anna' } as const
    setReaction(map, reaction, true)
    setReaction(map, reaction, true)
    expect(readReactions(map, 'anna').get('shape:a')?.counts).toEqual({ belangrijk: 1 })
    setReaction(map, reaction, false)
    expect(readReactions(map, 'anna').get('shape:a')).toBeUndefined()
  })

  it('keeps both when two people react to the same note at the same time', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    setReaction(getReactions(one), { noteId: 'shape:a', kind: 'eens', userId: 'anna' }, true)
    setReaction(getReactions(two), { noteId: 'shape:a', kind: 'eens', userId: 'bram' }, true)
    sync(one, two)
    sync(two, one)
    for (const doc of [one, two]) {
      expect(readReactions(getReactions(doc), null).get('shape:a')?.counts).toEqual({ eens: 2 })
    }
  })

  it('skips entries that are not reactions', () => {
    const doc = new Y.Doc()
    const map = getReactions(doc)
    map.set('not json', true)
    map.set(JSON.stringify(['shape:a', 'boos', 'anna']), true)
    map.set(reactionKey('shape:a', 'idee', 'anna'), true)
    expect(readReactions(map, 'anna').get('shape:a')?.counts).toEqual({ idee: 1 })
  })
})
