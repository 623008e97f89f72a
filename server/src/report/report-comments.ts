import {
  type CommentAuthor,
  type CommentStatus,
  type CommentTargetKind,
  readCommentThreads,
} from '@stip/board/doc-model'
import { listTemplateInstances } from '@stip/templates'
import type * as Y from 'yjs'

export interface ReportCommentMessage {
  author: CommentAuthor
  at: Date
  /** Empty when the facilitator removed it. */
  text: string
  removed: boolean
}

/** One comment thread as the report tells it (comments/SPEC.md C10). */
export interface ReportCommentThread {
  status: CommentStatus
  kind: CommentTargetKind
  /** The werkvorm's title as it is now (else as it was), or the manifesto section's key. */
  place: string | null
  /** What the thread is about as it read when it was started. */
  quote: string
  messages: ReportCommentMessage[]
  resolved: { by: CommentAuthor; at: Date } | null
  /** The title of the session a vervolgsessie brought it over from (C11), if it did. */
  carriedFrom: string | null
}

/** The board's threads, open ones first, each group oldest first. */
export function readReportComments(doc: Y.Doc, records: Iterable<unknown>): ReportCommentThread[] {
  const frames = new Map(listTemplateInstances(records).map((i) => [i.frameId, i.name]))
  const threads = readCommentThreads(doc).map(
    (thread): ReportCommentThread => ({
      status: thread.status,
      kind: thread.target.kind,
      place:
        thread.target.kind === 'werkvorm'
          ? (frames.get(thread.target.frameId) ?? null)
          : thread.target.kind === 'manifesto'
            ? thread.target.sectionKey
            : null,
      quote: thread.quote,
      messages: thread.messages.map((message) => ({
        author: message.author,
        at: new Date(message.at),
        text: message.removedAt === null ? message.text : '',
        removed: message.removedAt !== null,
      })),
      resolved: thread.resolved && { by: thread.resolved.by, at: new Date(thread.resolved.at) },
      carriedFrom: thread.carriedFrom?.title ?? null,
    }),
  )
  return [
    ...threads.filter((t) => t.status === 'open'),
    ...threads.filter((t) => t.status === 'resolved'),
  ]
}
