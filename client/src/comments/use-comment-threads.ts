import {
  type CommentThread,
  commentTargetShapeId,
  getComments,
  readCommentMap,
} from '@stip/board/doc-model'
import { useCallback } from 'react'
import type * as Y from 'yjs'
import { useYValue } from '../board/use-y-value'

/*
 * One reading per change of the comments map, shared by every component that shows threads:
 * the list view puts a comment button on each of possibly thousands of notes, and each would
 * otherwise parse every thread again on every change. Y hands back the same stored object
 * until it is written again, so the raw values compared by identity tell whether anything
 * changed, whichever observer asks first.
 */
const readings = new WeakMap<Y.Map<unknown>, { raw: unknown[]; threads: CommentThread[] }>()

function readThreadsOnce(map: Y.Map<unknown>): CommentThread[] {
  const raw = [...map.values()]
  const previous = readings.get(map)
  if (
    previous &&
    previous.raw.length === raw.length &&
    previous.raw.every((value, index) => value === raw[index])
  ) {
    return previous.threads
  }
  const threads = readCommentMap(map)
  readings.set(map, { raw, threads })
  return threads
}

/** The board's comment threads, oldest first; the server writes each whole, so a shallow watch does. */
export function useCommentThreads(doc: Y.Doc): CommentThread[] {
  return useYValue(getComments(doc), readThreadsOnce)
}

/** Open threads per board shape (note or werkvorm frame): what the badges count. */
export function openThreadsByShape(
  threads: readonly CommentThread[],
): Map<string, CommentThread[]> {
  const byShape = new Map<string, CommentThread[]>()
  for (const thread of threads) {
    if (thread.status !== 'open') continue
    const shapeId = commentTargetShapeId(thread.target)
    if (shapeId === null) continue
    byShape.set(shapeId, [...(byShape.get(shapeId) ?? []), thread])
  }
  return byShape
}

const byShapeOf = new WeakMap<readonly CommentThread[], Map<string, CommentThread[]>>()

/** `openThreadsByShape` of a reading, computed once per reading. */
function byShapeOnce(threads: readonly CommentThread[]): Map<string, CommentThread[]> {
  let byShape = byShapeOf.get(threads)
  if (!byShape) {
    byShape = openThreadsByShape(threads)
    byShapeOf.set(threads, byShape)
  }
  return byShape
}

/** `openThreadsByShape` of the board's threads, computed once per change of the threads. */
export function useOpenThreadsByShape(doc: Y.Doc): Map<string, CommentThread[]> {
  return byShapeOnce(useCommentThreads(doc))
}

/** The open threads on one shape now (read when acted on, not watched). */
export function openThreadsOn(doc: Y.Doc, shapeId: string): CommentThread[] {
  return byShapeOnce(readThreadsOnce(getComments(doc))).get(shapeId) ?? []
}

/**
 * How many open threads one shape has, re-rendering only when that number changes: a list
 * with a button per note (thousands) then re-renders none of them for a thread elsewhere.
 */
export function useOpenThreadCountOn(doc: Y.Doc, shapeId: string): number {
  const read = useCallback(
    (map: Y.Map<unknown>) => byShapeOnce(readThreadsOnce(map)).get(shapeId)?.length ?? 0,
    [shapeId],
  )
  return useYValue(getComments(doc), read)
}
