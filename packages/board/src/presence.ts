import { Limits } from '@stip/protocol'
import {
  getDefaultUserPresence,
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { consoleLogger, type Logger } from './logger'
import { type Schedule, scheduleNextFrame } from './schedule'

/** Who the local participant is; read on every publish, so name changes show on the next move. */
export interface PresenceUser {
  id: string
  name: string
  color: string
  organisation?: string
  role?: string
}

/** The field of the awareness state that holds tldraw presence; other fields belong to others. */
export const PRESENCE_FIELD = 'tldraw'

export interface PresenceOptions {
  logger?: Logger
  schedule?: Schedule
}

type PresenceState = Omit<TLInstancePresence, 'id' | 'typeName'>

const encoder = new TextEncoder()
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value)).length

/**
 * Publishes the local cursor, selection, page and camera into Yjs awareness (at most once per
 * frame) and mirrors every other client's state into the store as `instance_presence`
 * records, which tldraw draws as collaborator cursors and uses for "follow".
 * Presence never enters the Y.Doc. Returns a cleanup that withdraws both directions.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  user: () => PresenceUser,
  options: PresenceOptions = {},
): () => void {
  const logger = options.logger ?? consoleLogger
  const schedule = options.schedule ?? scheduleNextFrame
  const recordIdFor = (clientId: number) =>
    InstancePresenceRecordType.createId(`awareness-${clientId}`)
  const mirrored = new Set<TLInstancePresence['id']>()
  let cancelPublish: (() => void) | undefined

  const publish = () => {
    cancelPublish = undefined
    const state = localPresence(store, user())
    if (!state) return
    const size = byteLength(state)
    if (size > Limits.maxAwarenessStateBytes) {
      logger.warn(
        { size, limit: Limits.maxAwarenessStateBytes },
        'local presence too large; not published',
      )
      return
    }
    awareness.setLocalStateField(PRESENCE_FIELD, state)
  }
  const schedulePublish = () => {
    if (!cancelPublish) cancelPublish = schedule(publish)
  }
  // Pointer, camera, selection and current page all live in session-scoped records.
  const stopSession = store.listen(schedulePublish, { source: 'user', scope: 'session' })
  publish()

  const onChange = ({
    added,
    updated,
    removed,
  }: Record<'added' | 'updated' | 'removed', number[]>) => {
    const puts: TLInstancePresence[] = []
    const removes: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated, ...removed]) {
      if (clientId === awareness.clientID) continue
      const id = recordIdFor(clientId)
      const record = remotePresence(store, id, awareness.getStates().get(clientId), logger)
      if (record) puts.push(record)
      else if (mirrored.has(id)) removes.push(id)
    }
    if (puts.length === 0 && removes.length === 0) return
    for (const id of removes) mirrored.delete(id)
    for (const record of puts) mirrored.add(record.id)
    store.mergeRemoteChanges(() => {
      if (removes.length > 0) store.remove(removes)
      if (puts.length > 0) store.put(puts)
    })
  }
  awareness.on('change', onChange)
  onChange({ added: Array.from(awareness.getStates().keys()), updated: [], removed: [] })

  return () => {
    cancelPublish?.()
    stopSession()
    awareness.off('change', onChange)
    awareness.setLocalStateField(PRESENCE_FIELD, null)
    const stale = Array.from(mirrored).filter((id) => store.has(id))
    mirrored.clear()
    if (stale.length > 0) store.mergeRemoteChanges(() => store.remove(stale))
  }
}

function localPresence(store: TLStore, person: PresenceUser): PresenceState | null {
  const tlUser: TLUser = {
    id: `user:${person.id}` as TLUser['id'],
    typeName: 'user',
    name: person.name,
    color: person.color,
    imageUrl: '',
    meta: {},
  }
  const info = getDefaultUserPresence(store, tlUser)
  if (!info) return null
  const meta: Record<string, string> = {}
  if (person.organisation !== undefined) meta.organisation = person.organisation
  if (person.role !== undefined) meta.role = person.role
  return { ...info, meta }
}

/** A remote awareness state as a validated presence record, or null to ignore (and remove) it. */
function remotePresence(
  store: TLStore,
  id: TLInstancePresence['id'],
  state: Record<string, unknown> | undefined,
  logger: Logger,
): TLInstancePresence | null {
  const presence = state?.[PRESENCE_FIELD]
  if (typeof presence !== 'object' || presence === null) return null
  const size = byteLength(state)
  if (size > Limits.maxAwarenessStateBytes) {
    logger.warn({ id, size }, 'ignored a remote presence larger than the limit')
    return null
  }
  try {
    const record = InstancePresenceRecordType.create({ ...(presence as PresenceState), id })
    return store.schema.types.instance_presence.validate(record) as TLInstancePresence
  } catch (error) {
    logger.warn({ id, error: String(error) }, 'ignored an invalid remote presence')
    return null
  }
}
