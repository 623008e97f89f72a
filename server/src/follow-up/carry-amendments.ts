import { getManifesto } from '@stip/board/doc-layout'
import {
  type Amendment,
  type EarlierAmendment,
  readAmendments,
  writeAmendment,
} from '@stip/board/doc-model'
import { reanchorPassage } from '@stip/manifesto'
import type * as Y from 'yjs'

export interface CarriedAmendments {
  /** What the new board's record of the previous session lists, by number there. */
  record: EarlierAmendment[]
  /** How many open amendments live on as open amendments of the new board. */
  carried: number
}

const recordOf = (
  amendment: Amendment,
  outcome: EarlierAmendment['outcome'],
): EarlierAmendment => ({
  number: amendment.number,
  organisationName: amendment.organisationName,
  sectionTitle: amendment.sectionTitle,
  original: amendment.original,
  replacement: amendment.replacement,
  outcome,
  note: amendment.decision?.note ?? '',
})

/**
 * The previous board's amendments on a vervolgsessie (auth rule A12, amendments rule M9): the
 * decided ones become part of the record of the previous session; the open ones carry over as
 * open amendments, with their answers, anchored anew in `target`'s copy of the manifesto and
 * numbered after what `target` already has. An open amendment whose passage cannot be found
 * in the copy is recorded as not carried. Call it in the transaction that writes the copy.
 */
export function carryAmendments(
  source: Y.Doc,
  target: Y.Doc,
  from: { boardId: string; title: string },
): CarriedAmendments {
  const record: EarlierAmendment[] = []
  let next = readAmendments(target).reduce((max, a) => Math.max(max, a.number), 0)
  let carried = 0
  for (const amendment of readAmendments(source)) {
    if (amendment.status !== 'open') {
      record.push(recordOf(amendment, amendment.status))
      continue
    }
    const anchor = reanchorPassage(
      source,
      amendment.anchor,
      amendment.original,
      getManifesto(target),
    )
    if (!anchor) {
      record.push(recordOf(amendment, 'not-carried'))
      continue
    }
    next++
    carried++
    writeAmendment(target, {
      ...amendment,
      number: next,
      anchor,
      carriedFrom: { ...from, number: amendment.number },
    })
  }
  return { record, carried }
}
