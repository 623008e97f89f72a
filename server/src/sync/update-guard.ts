import * as Y from 'yjs'

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/**
 * The top-level types of the board doc that an update would change (insert into or delete
 * from), resolved against the doc before the update is applied; null when some part of it
 * cannot be placed (it refers to content the server does not have).
 *
 * Why: roles are enforced per top-level type (an editor may not touch the facilitator's
 * state), and Yjs has no way to undo an update once applied, so the server must know what an
 * update touches before it applies it.
 */
export function rootsTouchedBy(doc: Y.Doc, update: DecodedUpdate): Set<string> | null {
  const ownItems = new Map<number, Y.Item[]>()
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = ownItems.get(struct.id.client) ?? []
    list.push(struct)
    ownItems.set(struct.id.client, list)
  }
  const findOwn = (id: Y.ID) =>
    ownItems
      .get(id.client)
      ?.find((item) => id.clock >= item.id.clock && id.clock < item.id.clock + item.length)

  const rootOfType = (type: Y.AbstractType<unknown>): string | null => {
    let current = type
    while (current._item) current = current._item.parent as Y.AbstractType<unknown>
    return Y.findRootTypeKey(current) ?? null
  }
  const findInDoc = (id: Y.ID): Y.Item | Y.GC | null => {
    const structs = doc.store.clients.get(id.client)
    if (!structs || structs.length === 0) return null
    const last = structs[structs.length - 1]!
    if (id.clock >= last.id.clock + last.length) return null
    return Y.getItem(doc.store, id) as Y.Item | Y.GC
  }
  const rootOfId = (id: Y.ID, depth: number): string | null => {
    if (depth > 10_000) return null
    const own = findOwn(id)
    if (own) return rootOfDecoded(own, depth + 1)
    const existing = findInDoc(id)
    if (!(existing instanceof Y.Item)) return null
    return rootOfType(existing.parent as Y.AbstractType<unknown>)
  }
  const rootOfDecoded = (item: Y.Item, depth: number): string | null => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return parent
    if (parent instanceof Y.ID) return rootOfId(parent, depth)
    // Without parent info an item lives where its neighbour lives.
    const neighbour = item.origin ?? item.rightOrigin
    return neighbour ? rootOfId(neighbour, depth) : null
  }

  const roots = new Set<string>()
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    const root = rootOfDecoded(struct, 0)
    if (root === null) return null
    roots.add(root)
  }
  for (const [client, ranges] of update.ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const id = Y.createID(client, clock)
        const own = findOwn(id)
        const target = own ?? findInDoc(id)
        if (!target) return null
        // Deleting what the server already deleted changes nothing, and every sync step 2
        // carries the sender's whole delete set: such ranges must not count as touching a root.
        if (target instanceof Y.Item && !(own === undefined && target.deleted)) {
          const root = own
            ? rootOfDecoded(own, 0)
            : rootOfType(target.parent as Y.AbstractType<unknown>)
          if (root === null) return null
          roots.add(root)
        }
        clock = target.id.clock + target.length
      }
    }
  }
  return roots
}

/** True for an update that changes nothing: what every y-websocket client sends in sync step 2 when it has nothing new. */
export function isEmptyUpdate(update: DecodedUpdate): boolean {
  return update.structs.length === 0 && update.ds.clients.size === 0
}

/**
 * True when applying `update` to `doc` would change nothing: no new content, and every
 * deletion already done. A client that reconnects sends its whole delete set in sync step 2,
 * so a viewer's (or a frozen text's) reconnection looks like this and must pass.
 */
export function changesNothing(doc: Y.Doc, update: DecodedUpdate): boolean {
  if (update.structs.length > 0) return false
  for (const [client, ranges] of update.ds.clients) {
    const structs = doc.store.clients.get(client)
    const last = structs?.[structs.length - 1]
    for (const range of ranges) {
      if (!last || range.clock + range.len > last.id.clock + last.length) return false
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const target = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC
        if (target instanceof Y.Item && !target.deleted) return false
        clock = target.id.clock + target.length
      }
    }
  }
  return true
}
