import {
  type CommentThread,
  getComments,
  getManifesto,
  readCommentThreads,
  writeCommentThread,
} from '@stip/board/doc-model'
import {
  anchorPassage,
  locatePassage,
  resolvePassage,
  writeDefaultManifesto,
} from '@stip/manifesto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { COMMENT_LIMITS } from '../comments/comment-bodies'
import { carryComments } from './carry-comments'

const FROM = { boardId: 'oud', title: 'Samen sterk' }
const NOTE = 'shape:note-1'

function thread(id: string, target: CommentThread['target'], text = 'Klopt dit?'): CommentThread {
  const author = { name: 'Wim', organisation: 'Gemeente Zeist' }
  return {
    id,
    target,
    quote: 'x',
    status: 'open',
    messages: [{ id: `${id}-1`, text, author, at: 1, removedAt: null }],
    createdAt: 1,
    updatedAt: 1,
    resolved: null,
    carriedFrom: null,
  }
}

/** A board whose preamble reads `preamble`, and a new board with a copy of its text. */
function boards(preamble: string): { source: Y.Doc; target: Y.Doc } {
  const source = new Y.Doc()
  writeDefaultManifesto(getManifesto(source), 'nl')
  ;((getManifesto(source).get(3) as Y.XmlElement).get(0) as Y.XmlText).insert(0, preamble)
  return { source, target: new Y.Doc() }
}

/** What carry-over does: the new board's text is a clone of the old one's. */
function copyText(source: Y.Doc, target: Y.Doc): void {
  const nodes = getManifesto(source)
    .toArray()
    .filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText)
  getManifesto(target).insert(
    0,
    nodes.map((node) => node.clone()),
  )
}

const onPassage = (doc: Y.Doc, from: number, to: number): CommentThread['target'] => {
  const passage = locatePassage(getManifesto(doc), { path: [3], from, to })!
  return { kind: 'manifesto', anchor: anchorPassage(passage), sectionKey: 'preambule' }
}

describe('carrying comment threads into a vervolgsessie', () => {
  it('anchors a passage thread on the words it covers now, even when they were edited since', () => {
    const { source, target } = boards('Wij geloven in samenwerking.')
    writeCommentThread(source, thread('t', onPassage(source, 15, 27)))
    ;((getManifesto(source).get(3) as Y.XmlElement).get(0) as Y.XmlText).insert(20, '-')
    copyText(source, target)
    expect(carryComments(source, target, new Set(), FROM)).toBe(1)
    const carried = readCommentThreads(target)[0]!
    expect(carried.carriedFrom).toEqual(FROM)
    if (carried.target.kind !== 'manifesto') throw new Error('not a passage thread')
    expect(resolvePassage(target, carried.target.anchor)?.content).toBe('samen-werking')
  })

  it('keeps only the quote of a thread whose passage is gone, on the old board too', () => {
    const { source, target } = boards('Wij geloven in samenwerking.')
    writeCommentThread(source, thread('t', onPassage(source, 15, 27)))
    ;((getManifesto(source).get(3) as Y.XmlElement).get(0) as Y.XmlText).delete(14, 13)
    copyText(source, target)
    expect(carryComments(source, target, new Set(), FROM)).toBe(1)
    expect(readCommentThreads(target)[0]?.target).toEqual({
      kind: 'manifesto',
      anchor: { start: null, end: null },
      sectionKey: 'preambule',
    })
  })

  it('C8: carries no thread past the most threads a board may hold', () => {
    const { source, target } = boards('')
    target.transact(() => {
      for (let n = 1; n < COMMENT_LIMITS.threadsPerBoard; n++) {
        getComments(target).set(`t${n}`, thread(`t${n}`, { kind: 'note', shapeId: NOTE }))
      }
    })
    writeCommentThread(source, thread('a', { kind: 'note', shapeId: NOTE }))
    writeCommentThread(source, thread('b', { kind: 'note', shapeId: NOTE }))
    expect(carryComments(source, target, new Set([NOTE]), FROM)).toBe(1)
    expect(getComments(target).size).toBe(COMMENT_LIMITS.threadsPerBoard)
  })

  it('C8: carries no thread past the comment text a board may hold', () => {
    const { source, target } = boards('')
    const used = COMMENT_LIMITS.textPerBoard - 100
    writeCommentThread(target, thread('full', { kind: 'note', shapeId: NOTE }, 'x'.repeat(used)))
    writeCommentThread(source, thread('long', { kind: 'note', shapeId: NOTE }, 'y'.repeat(101)))
    writeCommentThread(source, thread('short', { kind: 'note', shapeId: NOTE }, 'z'.repeat(100)))
    expect(carryComments(source, target, new Set([NOTE]), FROM)).toBe(1)
    expect(getComments(target).has('short')).toBe(true)
    expect(getComments(target).has('long')).toBe(false)
  })
})
