import { DOC_TYPE_NAMES } from '@stip/board/doc-layout'
import * as Y from 'yjs'

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** A tldraw record the update deletes (in `UpdateEffects.records`). */
export const DELETED = Symbol('deleted')

/**
 * What applying an update to a doc would change (auth rule A1 in SPEC.md): only what the doc
 * does not have yet counts. Content it already holds, and deletions it already made, are no
 * change at all: Yjs updates are idempotent, and clients re-send what the server has (every
 * sync step 2 carries the sender's whole delete set; an offline copy loaded after the socket
 * synced is sent again whole).
 */
export interface UpdateEffects {
  /** Top-level types that gain content or lose content they still show. */
  roots: Set<string>
  /**
   * tldraw records the update writes (id -> the record as stored, to decode with
   * decodeStoredRecord: left undecoded, as only a locked shape's is ever read) or deletes
   * (id -> DELETED).
   */
  records: Map<string, unknown>
}

interface Place {
  root: string
  /** The item sits in the top-level type itself, not in a type nested inside it. */
  direct: boolean
}

/**
 * The effects of `update` on `doc`, resolved before it is applied (Yjs cannot take an update
 * back once applied); null when a new part refers to content neither holds, which Yjs would
 * keep pending.
 */
export function effectsOf(doc: Y.Doc, update: DecodedUpdate): UpdateEffects | null {
  const own = new UpdateItems(update)
  const places = new Map<Y.Item, Place | null>()
  const roots = new Set<string>()
  const written = new Map<string, unknown>()
  const writtenBy = new Map<string, string>()
  const deletedKeys = new Set<string>()
  const deletedEntries = new Set<string>()

  const placeOf = (item: Y.Item): Place | null => resolvePlace(item, doc, own, places)

  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    const firstNew = Y.getState(doc.store, struct.id.client) - struct.id.clock
    if (firstNew >= struct.length) continue
    const place = placeOf(struct)
    if (!place) return null
    roots.add(place.root)
    if (place.root !== DOC_TYPE_NAMES.records || !place.direct) continue
    forEachEntry(struct, Math.max(0, firstNew), struct.length, (key, value, entryId) => {
      written.set(key, value)
      writtenBy.set(entryId, key)
    })
  }

  for (const [client, ranges] of update.ds.clients) {
    for (const range of ranges) {
      const end = range.clock + range.len
      for (let clock = range.clock; clock < end; ) {
        const id = Y.createID(client, clock)
        // Content the doc already holds is judged as the doc holds it, even when re-sent.
        const inDoc = clock < Y.getState(doc.store, client)
        const ownItem = inDoc ? undefined : own.find(id)
        const target = inDoc ? findInDoc(doc, id) : ownItem
        if (!target) return null
        const next = target.id.clock + target.length
        // Deleting what is already gone (or garbage-collected) changes nothing.
        const changes = target instanceof Y.Item && (ownItem !== undefined || !target.deleted)
        if (changes) {
          const place = placeOf(target)
          if (!place) return null
          roots.add(place.root)
          if (place.root === DOC_TYPE_NAMES.records && place.direct) {
            const from = clock - target.id.clock
            const to = Math.min(end, next) - target.id.clock
            forEachEntry(target, from, to, (key, _value, entryId) => {
              deletedEntries.add(entryId)
              if (!ownItem) deletedKeys.add(key)
            })
          }
        }
        clock = next
      }
    }
  }

  const records = new Map<string, unknown>()
  for (const key of deletedKeys) records.set(key, DELETED)
  for (const [entryId, key] of writtenBy) {
    if (!deletedEntries.has(entryId)) records.set(key, written.get(key))
  }
  return { roots, records }
}

/** True for an update with no effect at all: what a client sends when it has nothing new. */
export function hasNoEffect(effects: UpdateEffects): boolean {
  return effects.roots.size === 0
}

/** Calls `fn` for each `{key, val}` entry of a key-value log item between two offsets. */
function forEachEntry(
  item: Y.Item,
  from: number,
  to: number,
  fn: (key: string, value: unknown, entryId: string) => void,
): void {
  if (!(item.content instanceof Y.ContentAny)) return
  const entries = item.content.arr
  for (let offset = from; offset < to && offset < entries.length; offset++) {
    const entry = entries[offset] as { key?: unknown; val?: unknown } | null
    if (typeof entry?.key !== 'string') continue
    fn(entry.key, entry.val, `${item.id.client}:${item.id.clock + offset}`)
  }
}

/** The items of an update by client, sorted by clock, for lookups by id. */
class UpdateItems {
  private readonly byClient = new Map<number, Y.Item[]>()

  constructor(update: DecodedUpdate) {
    for (const struct of update.structs) {
      if (!(struct instanceof Y.Item)) continue
      const list = this.byClient.get(struct.id.client)
      if (list) list.push(struct)
      else this.byClient.set(struct.id.client, [struct])
    }
  }

  find(id: Y.ID): Y.Item | undefined {
    const list = this.byClient.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const item = list[middle]!
      if (id.clock < item.id.clock) high = middle - 1
      else if (id.clock >= item.id.clock + item.length) low = middle + 1
      else return item
    }
    return undefined
  }
}

function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  return Y.getItem(doc.store, id) as Y.Item | Y.GC
}

/** Where an item of the doc lives: its top-level type, and whether directly in it. */
function placeInDoc(item: Y.Item): Place | null {
  let type = item.parent as Y.AbstractType<unknown> | null
  if (!type) return null
  const direct = type._item === null
  while (type._item) type = type._item.parent as Y.AbstractType<unknown>
  const root = Y.findRootTypeKey(type)
  return root ? { root, direct } : null
}

/**
 * Where an item of the update lives. Its parent is named, or (to save bytes) left out and
 * shared with a neighbour, which may itself be new: such chains are followed iteratively, so a
 * key set thousands of times offline cannot exhaust the stack, and remembered in `places`.
 */
function resolvePlace(
  start: Y.Item,
  doc: Y.Doc,
  own: UpdateItems,
  places: Map<Y.Item, Place | null>,
): Place | null {
  const chain: Y.Item[] = []
  let item: Y.Item | undefined = start
  let place: Place | null = null
  while (item) {
    const known = places.get(item)
    if (known !== undefined) {
      place = known
      break
    }
    chain.push(item)
    const parent = item.parent as unknown
    if (typeof parent === 'string') {
      place = { root: parent, direct: true }
      break
    }
    if (parent instanceof Y.AbstractType) {
      place = placeInDoc(item)
      break
    }
    const next: Y.ID | null =
      parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin ?? null)
    if (!next) break
    const ownNext = own.find(next)
    if (ownNext) {
      if (parent instanceof Y.ID) {
        // The parent is a type created by this update: same root, one level down.
        const above = resolvePlace(ownNext, doc, own, places)
        place = above ? { root: above.root, direct: false } : null
        break
      }
      item = ownNext
      continue
    }
    const existing = findInDoc(doc, next)
    if (!(existing instanceof Y.Item)) break
    if (parent instanceof Y.ID) {
      const above = placeInDoc(existing)
      place = above ? { root: above.root, direct: false } : null
    } else {
      place = placeInDoc(existing)
    }
    break
  }
  for (const visited of chain) places.set(visited, place)
  return place
}
