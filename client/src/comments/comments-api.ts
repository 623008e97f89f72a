import type { CommentStatus, CommentThread } from '@stip/board/doc-model'
import { apiFetch, apiJson, boardPath } from '../api/http'
import type { SelectedPassage } from '../manifesto/selected-passage'

/*
 * Comment threads go through the server (server/src/comments): it checks who may write, stamps
 * the author and the time, and writes the board's `comments` map, which no client may write.
 * The board then shows the result over the ordinary sync.
 */

export interface CommentAccess {
  boardId: string
  token: string
}

/** Who writes: the name and organisation given on joining (a signing link's own wins). */
export interface CommentSpeaker {
  name: string
  organisation: string
}

/** What a new thread is about, as the server takes it. */
export type NewCommentTarget =
  | { kind: 'note'; shapeId: string }
  | { kind: 'werkvorm'; frameId: string }
  | { kind: 'manifesto'; passage: SelectedPassage }

/** The longest message the form lets through; the server checks its own limit. */
export const COMMENT_MAX_LENGTH = 2000

const base = (access: CommentAccess) => `${boardPath(access.boardId)}/comments`
const threadPath = (access: CommentAccess, threadId: string) =>
  `${base(access)}/${encodeURIComponent(threadId)}`

export async function startThread(
  access: CommentAccess,
  input: { target: NewCommentTarget; text: string } & CommentSpeaker,
): Promise<CommentThread> {
  const body = await apiJson<{ thread: CommentThread }>(base(access), {
    method: 'POST',
    token: access.token,
    json: input,
  })
  return body.thread
}

export async function replyToThread(
  access: CommentAccess,
  threadId: string,
  input: { text: string } & CommentSpeaker,
): Promise<CommentThread> {
  const body = await apiJson<{ thread: CommentThread }>(
    `${threadPath(access, threadId)}/messages`,
    { method: 'POST', token: access.token, json: input },
  )
  return body.thread
}

export async function setThreadStatus(
  access: CommentAccess,
  threadId: string,
  input: { status: CommentStatus } & CommentSpeaker,
): Promise<CommentThread> {
  const body = await apiJson<{ thread: CommentThread }>(`${threadPath(access, threadId)}/status`, {
    method: 'POST',
    token: access.token,
    json: input,
  })
  return body.thread
}

/** The facilitator removes a message's text (moderation); its place in the thread stays. */
export async function removeMessage(
  access: CommentAccess,
  threadId: string,
  messageId: string,
): Promise<void> {
  await apiFetch(`${threadPath(access, threadId)}/messages/${encodeURIComponent(messageId)}`, {
    method: 'DELETE',
    token: access.token,
  })
}
