import { FacilitatorKey, getFacilitator } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardEvent, observeBoardEvents } from './board-events'
import { BACKPLANE_ORIGIN, connectionOrigin, RESTORE_ORIGIN } from './origins'
import type { Session } from './session'

const facilitatorSession: Session = {
  id: 's1',
  role: 'facilitator',
  send() {},
  close() {},
  bufferedAmount: () => 0,
}

function watched() {
  const doc = new Y.Doc()
  const events: BoardEvent[] = []
  observeBoardEvents(doc, (event) => events.push(event))
  const setFrozen = (value: boolean, origin: unknown) =>
    doc.transact(() => getFacilitator(doc).set(FacilitatorKey.manifestoFrozen, value), origin)
  return { doc, events, setFrozen }
}

describe('board events', () => {
  it('reports who froze and unfroze the manifesto through a connection', () => {
    const { events, setFrozen } = watched()
    setFrozen(true, connectionOrigin(facilitatorSession))
    setFrozen(true, connectionOrigin(facilitatorSession))
    setFrozen(false, RESTORE_ORIGIN)
    expect(events).toEqual([
      { kind: 'manifesto-frozen', role: 'facilitator', organisation: null },
      { kind: 'manifesto-unfrozen', role: 'server', organisation: null },
    ])
  })

  it('leaves changes relayed by another instance to that instance', () => {
    const { events, setFrozen, doc } = watched()
    setFrozen(true, BACKPLANE_ORIGIN)
    getFacilitator(doc).set('step', 2)
    expect(events).toEqual([])
  })
})
