import { describe, expect, it } from 'vitest'
import { noteRecord } from '../../../test/integration/helpers/board-shapes'
import { validVersionRecords } from './valid-version-records'

type Stored = Record<string, unknown> & { id: string; typeName: string }

describe('validVersionRecords', () => {
  it('keeps valid records and skips the ones that fail validation', () => {
    const good = noteRecord('shape:good', 'Goed') as Stored
    const badColour = { ...good, id: 'shape:bad', props: { ...(good.props as object), color: 'x' } }
    const notARecord = { id: 'shape:x', typeName: 'nonsense' }
    const { records, skipped } = validVersionRecords([good, badColour, notARecord], null)
    expect(records.map((record) => record.id)).toEqual(['shape:good'])
    expect(skipped).toBe(2)
  })
})
