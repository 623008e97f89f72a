import { getManifesto, getMeta, getSessions, MetaKey } from '@stip/board/doc-layout'
import {
  type Commitment,
  type EarlierSignature,
  type PreviousSession,
  readCommitments,
  SessionKey,
  UNFINISHED_STATUSES,
  writeCommitment,
} from '@stip/board/doc-model'
import { createKeyValueContainer, readStoredRecords } from '@stip/board/record-container'
import {
  canonicalManifestoText,
  isManifestoEmpty,
  manifestoHash,
  readSignatures,
} from '@stip/manifesto'
import {
  boardStartRecords,
  createBoardSchema,
  FIRST_PAGE_ID,
  indexShapes,
  isPromotedCopy,
  type Locale,
  locateNotes,
  pageRect,
  readTemplateMeta,
  type ShapeLike,
} from '@stip/templates'
import * as Y from 'yjs'
import { carryAmendments } from './carry-amendments'
import { carryComments } from './carry-comments'

const ABCD = 'ambities-2040'

export interface CarryOverSource {
  boardId: string
  title: string
  doc: Y.Doc
}

/** What a vervolgsessie starts with, and what it says about the session before. */
export interface CarriedOver {
  /** The new board's first Yjs update. */
  update: Uint8Array
  previous: PreviousSession
  /** Shapes copied (frames with everything on them). */
  shapes: number
  commitments: number
  /** Open amendments carried over as open amendments of the new board. */
  amendments: number
  /** Open comment threads carried over as open threads of the new board. */
  comments: number
}

let serializedSchema: ReturnType<ReturnType<typeof createBoardSchema>['serialize']> | undefined

/**
 * The first update of a vervolgsessie made from `source`: the shared values (the Kernwaarden
 * frame a vote filled) and the ambitions (every "Ambities 2040" werkvorm) with everything on
 * them, the manifesto's text, the unfinished commitments (marked as carried over), the open
 * amendments (anchored anew in the copied text), the open comment threads about what was
 * copied, and a record of the previous session: its signatures (as a record, not as live
 * signatures: see `EarlierSignature`), its finished commitments, its decided amendments, and
 * the ABCD step it stopped at.
 */
export async function carryOver(
  source: CarryOverSource,
  locale: Locale,
  now: number,
): Promise<CarriedOver> {
  serializedSchema ??= createBoardSchema().serialize()
  const records = readStoredRecords(source.doc)
  const copied = carriedShapes(records.values())
  const sourceManifesto = getManifesto(source.doc)
  const empty = isManifestoEmpty(sourceManifesto)
  const carriedHash = empty ? null : await manifestoHash(canonicalManifestoText(sourceManifesto))
  const signatures: EarlierSignature[] = readSignatures(source.doc).map((signature) => ({
    organisationName: signature.organisationName,
    signerName: signature.signerName,
    signerFunction: signature.signerFunction,
    signedAt: signature.signedAt,
    hash: signature.hash,
    onCarriedText: signature.hash === carriedHash,
  }))
  const commitments = readCommitments(source.doc)
  const open = commitments.filter((c) => UNFINISHED_STATUSES.has(c.status))
  const previous: PreviousSession = {
    boardId: source.boardId,
    title: source.title,
    endedAt: now,
    abcdStep: lastAbcdStep(records.values()),
    manifestoHash: carriedHash,
    signatures,
    closedCommitments: commitments.filter((c) => !UNFINISHED_STATUSES.has(c.status)),
    amendments: [],
  }
  let carriedAmendments = 0
  let carriedComments = 0

  const doc = new Y.Doc()
  doc.transact(() => {
    getMeta(doc).set(MetaKey.tldrawSchema, serializedSchema)
    const container = createKeyValueContainer(doc)
    for (const record of boardStartRecords(locale)) {
      container.set(record.id, record as unknown as Record<string, unknown>)
    }
    for (const shape of copied) container.set(String(shape.id), shape)
    const nodes = sourceManifesto
      .toArray()
      .filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText)
    getManifesto(doc).insert(
      0,
      nodes.map((node) => node.clone()),
    )
    const carriedFrom = { boardId: source.boardId, title: source.title }
    for (const commitment of open) {
      writeCommitment(doc, { ...commitment, carriedFrom } satisfies Commitment)
    }
    // After the manifesto's copy: the open amendments are anchored anew in it.
    const amendments = carryAmendments(source.doc, doc, carriedFrom)
    previous.amendments = amendments.record
    carriedAmendments = amendments.carried
    // The copied shapes keep their ids, so a thread's target id holds on the new board.
    const copiedIds = new Set(copied.map((shape) => String(shape.id)))
    carriedComments = carryComments(source.doc, doc, copiedIds, carriedFrom)
    getSessions(doc).set(SessionKey.previous, previous)
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return {
    update,
    previous,
    shapes: copied.length,
    commitments: open.length,
    amendments: carriedAmendments,
    comments: carriedComments,
  }
}

/**
 * The frames to carry and everything on them, placed on the new board's page where they
 * were on the old one, each under its own id. A note lying on such a frame without being its
 * child comes too.
 * Images are left behind: their files belong to the old board.
 */
function carriedShapes(records: Iterable<unknown>): Array<Record<string, unknown>> {
  const all = [...records]
  const shapes = indexShapes(all)
  const childrenOf = new Map<string, ShapeLike[]>()
  for (const shape of shapes.values()) {
    const list = childrenOf.get(shape.parentId) ?? []
    list.push(shape)
    childrenOf.set(shape.parentId, list)
  }
  const frames = [...shapes.values()].filter((shape) => isCarriedFrame(shape, childrenOf))
  const chosen = new Map<string, Record<string, unknown>>()
  const take = (shape: ShapeLike, override: Partial<ShapeLike> = {}) => {
    const props = shape.props as Record<string, unknown>
    if (typeof props.assetId === 'string') return
    chosen.set(shape.id, { ...(shape as unknown as Record<string, unknown>), ...override })
    for (const child of childrenOf.get(shape.id) ?? []) take(child)
  }
  for (const frame of frames) {
    const rect = pageRect(shapes, frame)
    take(frame, { parentId: FIRST_PAGE_ID, x: rect.x, y: rect.y })
  }
  for (const note of locateNotes(all)) {
    if (note.kind !== 'placed' || note.templateId !== ABCD || chosen.has(note.note.id)) continue
    const rect = pageRect(shapes, note.note)
    take(note.note, { parentId: FIRST_PAGE_ID, x: rect.x, y: rect.y })
  }
  return [...chosen.values()]
}

function isCarriedFrame(shape: ShapeLike, childrenOf: ReadonlyMap<string, ShapeLike[]>): boolean {
  if (shape.type !== 'frame') return false
  const meta = readTemplateMeta(shape)
  if (meta) return meta.stipPart === 'frame' && meta.stipTemplate === ABCD
  // The Kernwaarden frame: the one a vote's winners were copied into.
  return (childrenOf.get(shape.id) ?? []).some(isPromotedCopy)
}

/** The furthest ABCD step that has notes, on any "Ambities 2040" werkvorm; null when none has. */
function lastAbcdStep(records: Iterable<unknown>): PreviousSession['abcdStep'] {
  let last: { order: number; sectionKey: string; label: { nl: string; en: string } } | null = null
  for (const placement of locateNotes(records)) {
    if (placement.kind !== 'placed' || placement.templateId !== ABCD) continue
    if (last === null || placement.order > last.order) {
      last = {
        order: placement.order,
        sectionKey: placement.sectionKey,
        label: placement.sectionLabel,
      }
    }
  }
  return last ? { sectionKey: last.sectionKey, label: last.label } : null
}
