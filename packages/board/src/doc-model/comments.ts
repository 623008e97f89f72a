import type * as Y from 'yjs'
import { getComments } from '../doc-layout'

/**
 * Comment threads ("Opmerkingen"): a remark on a note, a werkvorm or a passage of the
 * manifesto, for the other partners to answer later. The board's `comments` map holds one entry
 * per thread, written whole and only by the server after its checks (server/src/comments); every
 * reader goes through `parseCommentThread`, so a malformed entry is skipped, never thrown on.
 */
export type CommentStatus = 'open' | 'resolved'

/** What a thread is about. */
export type CommentTarget =
  /** A sticky note (its tldraw shape id). */
  | { kind: 'note'; shapeId: string }
  /** A werkvorm (the id of its frame shape). */
  | { kind: 'werkvorm'; frameId: string }
  /**
   * A passage inside one paragraph, heading or list item of the manifesto, anchored with
   * Y.RelativePosition JSON at both ends so it follows the text as people type around it.
   * Both ends are null on a thread a vervolgsessie carried after its passage had gone from the
   * text (see `isDetachedPassage`): it keeps only its quote.
   */
  | { kind: 'manifesto'; anchor: { start: unknown; end: unknown }; sectionKey: string | null }

export type CommentTargetKind = CommentTarget['kind']

export interface CommentAuthor {
  name: string
  /** The organisation's name: a signing link's own, or the one chosen on joining (see C2). */
  organisation: string
}

export interface CommentMessage {
  id: string
  text: string
  author: CommentAuthor
  at: number
  /** Set when the facilitator removed the message's text (moderation); the place stays. */
  removedAt: number | null
}

export interface CommentThread {
  id: string
  target: CommentTarget
  /**
   * What the target said when the thread was started (the note's text, the werkvorm's title,
   * the passage): the thread still reads sensibly in an export after the target changed or went.
   */
  quote: string
  status: CommentStatus
  /** The first message opens the thread; replies follow in the order they arrived. */
  messages: CommentMessage[]
  createdAt: number
  /** Time of the newest message or status change: what "new since your last visit" compares. */
  updatedAt: number
  /** Who resolved it, when it is resolved. */
  resolved: { by: CommentAuthor; at: number } | null
  /** Set when a vervolgsessie brought it over, still open, from the board named here. */
  carriedFrom: { boardId: string; title: string } | null
}

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isStr = (value: unknown): value is string => typeof value === 'string'
const isNum = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

function parseAuthor(value: unknown): CommentAuthor | null {
  if (!isObj(value) || !isStr(value.name) || !isStr(value.organisation)) return null
  return { name: value.name, organisation: value.organisation }
}

function parseTarget(value: unknown): CommentTarget | null {
  if (!isObj(value)) return null
  if (value.kind === 'note' && isStr(value.shapeId)) return { kind: 'note', shapeId: value.shapeId }
  if (value.kind === 'werkvorm' && isStr(value.frameId)) {
    return { kind: 'werkvorm', frameId: value.frameId }
  }
  if (value.kind === 'manifesto' && isObj(value.anchor)) {
    return {
      kind: 'manifesto',
      anchor: { start: value.anchor.start ?? null, end: value.anchor.end ?? null },
      sectionKey: isStr(value.sectionKey) ? value.sectionKey : null,
    }
  }
  return null
}

function parseMessage(value: unknown): CommentMessage | null {
  if (!isObj(value) || !isStr(value.id) || !isStr(value.text) || !isNum(value.at)) return null
  const author = parseAuthor(value.author)
  if (!author) return null
  return {
    id: value.id,
    text: value.text,
    author,
    at: value.at,
    removedAt: isNum(value.removedAt) ? value.removedAt : null,
  }
}

/** A thread as stored, or null when it is malformed. */
export function parseCommentThread(value: unknown): CommentThread | null {
  if (!isObj(value) || !isStr(value.id) || !isNum(value.createdAt)) return null
  if (value.status !== 'open' && value.status !== 'resolved') return null
  const target = parseTarget(value.target)
  if (!target || !Array.isArray(value.messages)) return null
  const messages = value.messages.map(parseMessage).filter((m): m is CommentMessage => m !== null)
  if (messages.length === 0) return null
  const resolved = isObj(value.resolved) ? value.resolved : null
  const resolvedBy = resolved ? parseAuthor(resolved.by) : null
  const from = isObj(value.carriedFrom) ? value.carriedFrom : null
  return {
    id: value.id,
    target,
    quote: isStr(value.quote) ? value.quote : '',
    status: value.status,
    messages,
    createdAt: value.createdAt,
    updatedAt: isNum(value.updatedAt) ? value.updatedAt : value.createdAt,
    resolved:
      value.status === 'resolved' && resolved && resolvedBy && isNum(resolved.at)
        ? { by: resolvedBy, at: resolved.at }
        : null,
    carriedFrom:
      from && isStr(from.boardId) && isStr(from.title)
        ? { boardId: from.boardId, title: from.title }
        : null,
  }
}

/** Every readable thread, oldest first. */
export function readCommentThreads(doc: Y.Doc): CommentThread[] {
  return readCommentMap(getComments(doc))
}

/** The same, from the map itself (what a React hook observes). */
export function readCommentMap(map: Y.Map<unknown>): CommentThread[] {
  const threads: CommentThread[] = []
  for (const value of map.values()) {
    const thread = parseCommentThread(value)
    if (thread) threads.push(thread)
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** The server's one write of a thread (clients may not write `comments`). */
export function writeCommentThread(doc: Y.Doc, thread: CommentThread): void {
  getComments(doc).set(thread.id, thread)
}

/** A manifesto thread without a place in the text: only its quote says what it was about. */
export function isDetachedPassage(target: CommentTarget): boolean {
  return target.kind === 'manifesto' && target.anchor.start === null && target.anchor.end === null
}

/** The id a thread's target is known by on the board: a shape id, or null for the manifesto. */
export function commentTargetShapeId(target: CommentTarget): string | null {
  if (target.kind === 'note') return target.shapeId
  if (target.kind === 'werkvorm') return target.frameId
  return null
}
