import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createReadOnlyMirror } from './read-only-mirror'

describe('createReadOnlyMirror', () => {
  it('starts with the source content and follows later changes', () => {
    const source = new Y.Doc()
    source.getMap('m').set('before', 1)
    const mirror = createReadOnlyMirror(source)
    source.getMap('m').set('after', 2)
    expect(mirror.doc.getMap('m').toJSON()).toEqual({ before: 1, after: 2 })
    mirror.dispose()
  })

  it('never lets a change made on the mirror reach the source', () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => updates.push(update))
    const mirror = createReadOnlyMirror(source)
    mirror.doc.getMap('m').set('local', true)
    expect(source.getMap('m').has('local')).toBe(false)
    expect(updates).toEqual([])
    // Remote changes still arrive and merge with the local-only ones.
    source.getMap('m').set('remote', true)
    expect(mirror.doc.getMap('m').toJSON()).toEqual({ local: true, remote: true })
    mirror.dispose()
  })
})
