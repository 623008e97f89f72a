import type * as Y from 'yjs'

/**
 * The one place that names the board Y.Doc's top-level types. Every other module reaches
 * them through these accessors, so a rename or a new feature touches only this file.
 *
 * Top-level names are part of the persisted format: changing one orphans existing boards.
 */
const names = {
  /** tldraw document records as a key-value log (see record-container.ts for why). */
  records: 'tldraw-records',
  /** Board metadata, including the tldraw schema the records were written with. */
  meta: 'meta',
  /** Reserved for later features; declared here so no feature claims the same name. */
  manifesto: 'manifesto',
  signatures: 'signatures',
  votes: 'votes',
  organisations: 'organisations',
  facilitator: 'facilitator',
  /** Quick reactions on notes, one entry per person, note and kind (note-reactions.ts). */
  reactions: 'reactions',
  /** Proposed changes to the manifesto and how partners answered them; written by the server. */
  amendments: 'amendments',
  /** "Dit ga ik doen" commitments with owner and status; the server writes them (commitments-api). */
  commitments: 'commitments',
  /** The previous and the next session of a board (vervolgsessie); the server writes them. */
  sessions: 'sessions',
  /** Comment threads on notes, werkvormen and manifesto passages; the server writes them. */
  comments: 'comments',
} as const

/** Keys inside the `meta` map. */
export const MetaKey = {
  /** `store.schema.serialize()` of the newest client that wrote the records. */
  tldrawSchema: 'tldrawSchema',
} as const

export const DOC_TYPE_NAMES = names

export type StoredRecord = { key: string; val: unknown }

export function getRecordsArray(doc: Y.Doc): Y.Array<StoredRecord> {
  return doc.getArray<StoredRecord>(names.records)
}

export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.meta)
}

export function getManifesto(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(names.manifesto)
}

export function getSignatures(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.signatures)
}

export function getVotes(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.votes)
}

export function getOrganisations(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.organisations)
}

export function getFacilitator(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.facilitator)
}

export function getReactions(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.reactions)
}

export function getAmendments(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.amendments)
}

export function getCommitments(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.commitments)
}

export function getSessions(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.sessions)
}

export function getComments(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(names.comments)
}
