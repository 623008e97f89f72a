import { createKeyValueContainer } from '@stip/board/record-container'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { copyUnsentNotes } from './copy-unsent-notes'

const note = (id: string) => ({ id, typeName: 'shape', type: 'note', props: {} })

describe('copyUnsentNotes', () => {
  it('copies only the notes the fresh copy lacks, never the refused facilitator state', () => {
    const server = new Y.Doc()
    createKeyValueContainer(server).set('shape:stored', note('shape:stored'))
    const refused = new Y.Doc()
    Y.applyUpdate(refused, Y.encodeStateAsUpdate(server))
    createKeyValueContainer(refused).set('shape:offline', note('shape:offline'))
    createKeyValueContainer(refused).set('shape:box', { ...note('shape:box'), type: 'geo' })
    refused.getMap('facilitator').set('timer', { forged: true })
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))

    expect(copyUnsentNotes(refused, fresh)).toBe(1)
    const records = createKeyValueContainer(fresh)
    expect(
      records
        .entries()
        .map(([id]) => id)
        .sort(),
    ).toEqual(['shape:offline', 'shape:stored'])
    expect(fresh.getMap('facilitator').size).toBe(0)
    expect(copyUnsentNotes(refused, fresh)).toBe(0)
  })
})
