import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { commentViewStore, draftKey } from './comment-view'

describe('the comment view store', () => {
  it('keeps a draft per thread and per target until it is cleared, apart per board', () => {
    const board = new Y.Doc()
    const other = new Y.Doc()
    const store = commentViewStore(board)
    expect(commentViewStore(board)).toBe(store)
    const reply = draftKey({ threadId: 't1' })
    const onNote = draftKey({
      about: { target: { kind: 'note', shapeId: 'shape:a' }, quote: 'Buurthuis' },
    })
    store.setDraft(reply, 'Dit schreef ik in de trein.')
    store.setDraft(onNote, 'Kan dit ook in het weekend?')
    expect(store.draft(reply)).toBe('Dit schreef ik in de trein.')
    expect(store.draft(onNote)).toBe('Kan dit ook in het weekend?')
    expect(commentViewStore(other).draft(reply)).toBe('')
    store.setDraft(reply, '')
    expect(store.draft(reply)).toBe('')
  })

  it('tells its listeners which view opened', () => {
    const store = commentViewStore(new Y.Doc())
    const seen: string[] = []
    const stop = store.subscribe(() => seen.push(store.get().kind))
    store.set({ kind: 'thread', threadId: 't1' })
    stop()
    store.set({ kind: 'overview' })
    expect(seen).toEqual(['thread'])
    expect(store.get()).toEqual({ kind: 'overview' })
  })
})
