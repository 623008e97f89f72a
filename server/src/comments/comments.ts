import { randomBytes } from 'node:crypto'
import {
  type CommentAuthor,
  type CommentThread,
  getComments,
  parseCommentThread,
  writeCommentThread,
} from '@stip/board/doc-model'
import type * as Y from 'yjs'
import type * as z from 'zod'
import { describeIssues } from '../boards/create-board-body'
import { httpError } from '../http/http-error'
import type { BoardRecord, BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { type CommentCaller, commentAuthor } from './comment-author'
import { COMMENT_LIMITS, ReplyBody, StartThreadBody, StatusBody } from './comment-bodies'
import { isRefusal, type Refusal, refuse, resolveTarget } from './comment-target'

export interface CommentDeps {
  store: BoardStore
  registry: RoomRegistry
}

/** A thread after a request, and whether the request changed it (an audit entry is due). */
export interface CommentOutcome {
  thread: CommentThread
  changed: boolean
  /** The message the request wrote or removed, if any. */
  messageId: string | null
  author: CommentAuthor | null
}

const newId = () => randomBytes(9).toString('base64url')

/** Refuses a message that would take the board's comment text past its budget (C8). */
function overTextBudget(doc: Y.Doc, adding: string): Refusal | null {
  let used = adding.length
  for (const value of getComments(doc).values()) {
    for (const message of parseCommentThread(value)?.messages ?? []) used += message.text.length
  }
  if (used <= COMMENT_LIMITS.textPerBoard) return null
  return refuse(
    409,
    `the board holds the most comment text it may (${COMMENT_LIMITS.textPerBoard} characters)`,
    'comment-text-full',
  )
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
  return parsed.data
}

async function boardOf(deps: CommentDeps, boardId: string): Promise<BoardRecord> {
  const board = await deps.store.getBoard(boardId)
  if (!board) throw httpError(404, 'no such board')
  return board
}

function settle<T>(result: T | Refusal): T {
  if (isRefusal(result)) throw httpError(result.refused, result.error, result.code)
  return result as T
}

/** Starts a thread on a note, a werkvorm or a manifesto passage (SPEC C1–C4, C8). */
export async function startThread(
  deps: CommentDeps,
  boardId: string,
  caller: CommentCaller,
  body: unknown,
): Promise<CommentOutcome> {
  const input = parse(StartThreadBody, body)
  const board = await boardOf(deps, boardId)
  const author = commentAuthor(board, caller, input.name, input.organisation)
  const result = await deps.registry.changeDocument(boardId, (doc): CommentThread | Refusal => {
    if (getComments(doc).size >= COMMENT_LIMITS.threadsPerBoard) {
      return refuse(
        409,
        `the board holds the most comment threads it may (${COMMENT_LIMITS.threadsPerBoard})`,
        'comment-threads-full',
      )
    }
    const overBudget = overTextBudget(doc, input.text)
    if (overBudget) return overBudget
    // A frozen manifesto does not matter here (C4): the thread changes no text.
    const found = resolveTarget(doc, input.target)
    if (isRefusal(found)) return found
    const now = Date.now()
    const thread: CommentThread = {
      id: newId(),
      target: found.target,
      quote: found.quote,
      status: 'open',
      messages: [{ id: newId(), text: input.text, author, at: now, removedAt: null }],
      createdAt: now,
      updatedAt: now,
      resolved: null,
      carriedFrom: null,
    }
    writeCommentThread(doc, thread)
    return thread
  })
  const thread = settle(result)
  return { thread, changed: true, messageId: thread.messages[0]!.id, author }
}

/** Adds a reply to a thread, open or resolved (SPEC C5, C8). */
export async function replyToThread(
  deps: CommentDeps,
  boardId: string,
  threadId: string,
  caller: CommentCaller,
  body: unknown,
): Promise<CommentOutcome> {
  const input = parse(ReplyBody, body)
  const author = commentAuthor(await boardOf(deps, boardId), caller, input.name, input.organisation)
  const messageId = newId()
  const outcome = await changeThread(deps, boardId, threadId, (thread, doc) => {
    const overBudget = overTextBudget(doc, input.text)
    if (overBudget) return overBudget
    if (thread.messages.length >= COMMENT_LIMITS.messagesPerThread) {
      return refuse(
        409,
        `the thread holds the most messages it may (${COMMENT_LIMITS.messagesPerThread}); start a new one`,
        'comment-thread-full',
      )
    }
    const now = Date.now()
    thread.messages.push({ id: messageId, text: input.text, author, at: now, removedAt: null })
    thread.updatedAt = now
    return 'changed'
  })
  return { ...outcome, messageId, author }
}

/** Resolves or reopens a thread; asking for the status it has changes nothing (SPEC C6). */
export async function setThreadStatus(
  deps: CommentDeps,
  boardId: string,
  threadId: string,
  caller: CommentCaller,
  body: unknown,
): Promise<CommentOutcome> {
  const input = parse(StatusBody, body)
  const author = commentAuthor(await boardOf(deps, boardId), caller, input.name, input.organisation)
  const outcome = await changeThread(deps, boardId, threadId, (thread) => {
    if (thread.status === input.status) return 'unchanged'
    const now = Date.now()
    thread.status = input.status
    thread.resolved = input.status === 'resolved' ? { by: author, at: now } : null
    thread.updatedAt = now
    return 'changed'
  })
  return { ...outcome, messageId: null, author }
}

/** The facilitator empties a message; it keeps its place in the thread (SPEC C7). */
export async function removeMessage(
  deps: CommentDeps,
  boardId: string,
  threadId: string,
  messageId: string,
): Promise<CommentOutcome> {
  await boardOf(deps, boardId)
  const outcome = await changeThread(deps, boardId, threadId, (thread) => {
    const message = thread.messages.find((m) => m.id === messageId)
    if (!message) return refuse(404, 'the thread has no such message')
    if (message.removedAt !== null) return 'unchanged'
    message.text = ''
    message.removedAt = Date.now()
    return 'changed'
  })
  return { ...outcome, messageId, author: null }
}

/** Reads a thread, lets `change` edit it, and writes it back whole in the same transaction. */
async function changeThread(
  deps: CommentDeps,
  boardId: string,
  threadId: string,
  change: (thread: CommentThread, doc: Y.Doc) => 'changed' | 'unchanged' | Refusal,
): Promise<{ thread: CommentThread; changed: boolean }> {
  const result = await deps.registry.changeDocument(boardId, (doc) => {
    // parseCommentThread copies what it reads, so `change` never edits the stored value itself.
    const thread = parseCommentThread(getComments(doc).get(threadId))
    if (!thread) return refuse(404, 'no such comment thread')
    const outcome = change(thread, doc)
    if (isRefusal(outcome)) return outcome
    if (outcome === 'changed') writeCommentThread(doc, thread)
    return { thread, changed: outcome === 'changed' }
  })
  return settle(result)
}
