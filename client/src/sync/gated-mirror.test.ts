import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createGatedMirror } from './gated-mirror'

function text(doc: Y.Doc) {
  return doc.getText('t').toString()
}

describe('createGatedMirror', () => {
  it('follows the source whether the gate is open or closed', () => {
    const source = new Y.Doc()
    source.getText('t').insert(0, 'ab')
    const mirror = createGatedMirror(source)
    source.getText('t').insert(2, 'c')
    mirror.setWritable(true)
    source.getText('t').insert(3, 'd')
    expect(text(mirror.doc)).toBe('abcd')
    mirror.dispose()
  })

  it('keeps its own changes while closed and passes them on when opened', () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => updates.push(update))
    const mirror = createGatedMirror(source)
    mirror.doc.getText('t').insert(0, 'local')
    expect(text(source)).toBe('')
    expect(updates).toEqual([])
    mirror.setWritable(true)
    expect(text(source)).toBe('local')
    mirror.dispose()
  })

  it('passes every change on at once while open, and stops again when closed', () => {
    const source = new Y.Doc()
    const mirror = createGatedMirror(source, true)
    for (let i = 0; i < 8; i++) mirror.doc.getText('t').insert(0, String(i))
    expect(text(source)).toBe('76543210')
    for (let i = 0; i < 8; i++) mirror.doc.getText('t').delete(0, 1)
    expect(text(source)).toBe('')
    mirror.setWritable(false)
    mirror.doc.getText('t').insert(0, 'x')
    expect(text(source)).toBe('')
    mirror.dispose()
  })
})
