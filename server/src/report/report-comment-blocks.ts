import type { CommentAuthor } from '@stip/board/doc-model'
import { MANIFESTO_SECTIONS } from '@stip/manifesto'
import type { Locale } from '@stip/templates'
import type { ReportBlock } from './report-block'
import type { ReportCommentThread } from './report-comments'
import type { ReportWords } from './report-words'

/** "Werkvorm: Ambities 2040", "Briefje: …", "Manifest, Preambule: …". */
export function commentTargetLine(
  thread: ReportCommentThread,
  words: ReportWords,
  locale: Locale,
): string {
  const kind = words.commentTarget[thread.kind]
  if (thread.kind === 'werkvorm') return `${kind}: ${thread.place ?? thread.quote}`
  if (thread.kind === 'note') return `${kind}: “${thread.quote}”`
  const section = MANIFESTO_SECTIONS.find((s) => s.key === thread.place)
  return `${kind}${section ? `, ${section[locale]}` : ''}: “${thread.quote}”`
}

const who = (author: CommentAuthor) => `${author.name} (${author.organisation})`

/** The chapter "Opmerkingen": open threads, then resolved ones, each with its messages. */
export function commentBlocks(
  threads: readonly ReportCommentThread[],
  words: ReportWords,
  locale: Locale,
  time: (date: Date) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ type: 'heading', level: 2, text: words.comments }]
  if (threads.length === 0) {
    return [...blocks, { type: 'paragraph', runs: [{ text: words.noComments }], muted: true }]
  }
  for (const status of ['open', 'resolved'] as const) {
    const group = threads.filter((thread) => thread.status === status)
    if (group.length === 0) continue
    blocks.push({ type: 'heading', level: 3, text: words.commentGroup[status](group.length) })
    for (const thread of group) {
      blocks.push(
        { type: 'heading', level: 4, text: commentTargetLine(thread, words, locale) },
        {
          type: 'list',
          items: thread.messages.map((message) => [
            { text: who(message.author), bold: true },
            { text: `, ${time(message.at)}: ` },
            message.removed
              ? { text: words.commentRemoved, italic: true }
              : { text: message.text.replace(/\n/g, ' / ') },
          ]),
        },
      )
      if (thread.carriedFrom !== null) {
        blocks.push({
          type: 'paragraph',
          runs: [{ text: words.commentCarried(thread.carriedFrom.replace(/\s+/g, ' ')) }],
          muted: true,
        })
      }
      if (thread.resolved) {
        blocks.push({
          type: 'paragraph',
          runs: [{ text: words.resolvedBy(who(thread.resolved.by), time(thread.resolved.at)) }],
          muted: true,
        })
      }
    }
  }
  return blocks
}
