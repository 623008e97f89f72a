import {
  COMMITMENT_STATUSES,
  type Commitment,
  getCommitments,
  noteAuthor,
  parseCommitment,
  writeCommitment,
} from '@stip/board/doc-model'
import { readStoredRecords } from '@stip/board/record-container'
import { locateNotes } from '@stip/templates'
import * as z from 'zod'
import { describeIssues } from '../boards/create-board-body'
import { httpError } from '../http/http-error'
import { richTextToPlain } from '../report/note-text'
import type { RoomRegistry } from '../sync/room-registry'

/** The werkvorm section whose notes their authors may turn into commitments themselves. */
const OWN_SECTION = { templateId: 'dit-ga-ik-doen', sectionKey: 'ik-ga' } as const

/**
 * Who asks. `organisation` is the signing link's organisation when the request carries one
 * (the server issued it for that organisation); otherwise what the person chose on joining,
 * which the server cannot check (see SPEC.md rule A11).
 */
export interface CommitmentCaller {
  facilitator: boolean
  organisation: string | null
  name: string
}

const ISO_DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'due must be a date like 2027-03-31')
  // Date.parse rolls 31 February over into March; reading the date back catches it.
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'due is not a real date')

const personName = z.string().trim().min(1, 'person must not be empty').max(80)

export const MakeCommitmentBody = z
  .object({
    noteId: z.string().regex(/^shape:[A-Za-z0-9_:-]{1,80}$/, 'noteId must be a note id'),
    person: personName.optional(),
    due: ISO_DATE.nullable().optional(),
    /** Only the facilitator may name it, for a note that records no organisation. */
    organisation: z.string().trim().min(1).max(80).optional(),
  })
  .strict()

export const ChangeCommitmentBody = z
  .object({
    status: z
      .enum(COMMITMENT_STATUSES, {
        message: `status must be one of: ${COMMITMENT_STATUSES.join(', ')}`,
      })
      .optional(),
    person: personName.optional(),
    due: ISO_DATE.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'say what changes: status, person or due')

/** Organisation names as people type and choose them: case and outer spaces do not count. */
export function sameOrganisation(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl')
}

/** The commitment id for a note: one commitment per note. */
export function commitmentIdFor(noteId: string): string {
  return `commitment:${noteId.slice('shape:'.length)}`
}

type NoteFacts =
  | { found: false }
  | {
      found: true
      text: string
      organisation: string | null
      authorName: string
      inOwnSection: boolean
    }

function readNote(doc: Parameters<typeof readStoredRecords>[0], noteId: string): NoteFacts {
  const records = readStoredRecords(doc)
  const note = records.get(noteId) as
    | { typeName?: unknown; type?: unknown; props?: { richText?: unknown }; meta?: unknown }
    | undefined
  if (note?.typeName !== 'shape' || note.type !== 'note') return { found: false }
  const author = noteAuthor((note.meta ?? {}) as Record<string, unknown>)
  const placement = locateNotes(records.values()).find((p) => p.note.id === noteId)
  return {
    found: true,
    text: richTextToPlain(note.props?.richText).slice(0, 2000),
    organisation: author?.organisation ?? null,
    authorName: author?.authorName ?? '',
    inOwnSection:
      placement?.kind === 'placed' &&
      placement.templateId === OWN_SECTION.templateId &&
      placement.sectionKey === OWN_SECTION.sectionKey,
  }
}

/**
 * Makes a note a commitment (auth rule A11): the facilitator may mark any note; anyone else
 * only a note in "Dit ga ik doen" of their own organisation. One commitment per note.
 */
export async function makeCommitment(
  registry: RoomRegistry,
  boardId: string,
  caller: CommitmentCaller,
  body: unknown,
): Promise<Commitment> {
  const parsed = MakeCommitmentBody.safeParse(body)
  if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
  const { noteId, person, due, organisation: named } = parsed.data
  if (named !== undefined && !caller.facilitator) {
    throw httpError(403, 'only the facilitator may name the organisation of a commitment')
  }
  const note = await registry.inspectDocument(boardId, (doc) => readNote(doc, noteId))
  if (!note.found) throw httpError(404, `the board has no note "${noteId}"`)
  if (!caller.facilitator) {
    if (!note.inOwnSection) {
      throw httpError(
        403,
        'only the facilitator may make a commitment of a note outside "Dit ga ik doen"',
      )
    }
    if (note.organisation === null || !sameOrganisation(caller.organisation, note.organisation)) {
      throw httpError(403, 'this note belongs to another organisation')
    }
  }
  const organisation = named ?? note.organisation
  if (!organisation) throw httpError(400, 'the note names no organisation; say which one')
  if (note.text === '') throw httpError(409, 'the note has no text yet')
  const now = Date.now()
  const commitment: Commitment = {
    id: commitmentIdFor(noteId),
    text: note.text,
    organisation,
    person: person ?? (note.authorName || caller.name),
    due: due ?? null,
    status: 'open',
    noteId,
    createdAt: now,
    updatedAt: now,
    updatedBy: caller.name,
    carriedFrom: null,
  }
  const written = await registry.changeDocument(boardId, (doc) => {
    if (getCommitments(doc).has(commitment.id)) return false
    writeCommitment(doc, commitment)
    return true
  })
  if (!written) throw httpError(409, 'this note is already a commitment')
  return commitment
}

/**
 * Changes a commitment's status, person or date (auth rule A11): only its own organisation
 * or the facilitator.
 */
export async function changeCommitment(
  registry: RoomRegistry,
  boardId: string,
  commitmentId: string,
  caller: CommitmentCaller,
  body: unknown,
): Promise<Commitment> {
  const parsed = ChangeCommitmentBody.safeParse(body)
  if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
  const change = parsed.data
  const result = await registry.changeDocument(boardId, (doc) => {
    const current = parseCommitment(getCommitments(doc).get(commitmentId))
    if (!current) return 'missing' as const
    if (!caller.facilitator && !sameOrganisation(caller.organisation, current.organisation)) {
      return 'forbidden' as const
    }
    const next: Commitment = {
      ...current,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.person !== undefined ? { person: change.person } : {}),
      ...(change.due !== undefined ? { due: change.due } : {}),
      updatedAt: Date.now(),
      updatedBy: caller.name,
    }
    writeCommitment(doc, next)
    return next
  })
  if (result === 'missing') throw httpError(404, `the board has no commitment "${commitmentId}"`)
  if (result === 'forbidden') {
    throw httpError(403, 'only its own organisation or the facilitator may change a commitment')
  }
  return result
}

/** The facilitator takes a mark back (a note marked by mistake). */
export async function removeCommitment(
  registry: RoomRegistry,
  boardId: string,
  commitmentId: string,
): Promise<void> {
  const removed = await registry.changeDocument(boardId, (doc) => {
    const map = getCommitments(doc)
    if (!map.has(commitmentId)) return false
    map.delete(commitmentId)
    return true
  })
  if (!removed) throw httpError(404, `the board has no commitment "${commitmentId}"`)
}
