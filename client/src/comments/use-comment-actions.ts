import { useMemo } from 'react'
import { useBoardContext } from '../board/board-context'
import {
  type CommentAccess,
  type CommentSpeaker,
  removeMessage,
  replyToThread,
  setThreadStatus,
  startThread,
} from './comments-api'

/** The comment requests with this board's link and this person's name already filled in. */
export function useCommentActions() {
  const { boardId, token, participant } = useBoardContext()
  return useMemo(() => {
    const access: CommentAccess = { boardId, token }
    const speaker: CommentSpeaker = {
      name: participant.name,
      organisation: participant.organisation,
    }
    return {
      start: (input: Omit<Parameters<typeof startThread>[1], keyof CommentSpeaker>) =>
        startThread(access, { ...input, ...speaker }),
      reply: (threadId: string, text: string) =>
        replyToThread(access, threadId, { text, ...speaker }),
      setStatus: (threadId: string, status: 'open' | 'resolved') =>
        setThreadStatus(access, threadId, { status, ...speaker }),
      remove: (threadId: string, messageId: string) => removeMessage(access, threadId, messageId),
    }
  }, [boardId, token, participant.name, participant.organisation])
}
