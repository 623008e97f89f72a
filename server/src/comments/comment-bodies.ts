import * as z from 'zod'

/** The limits of SPEC rule C8. */
export const COMMENT_LIMITS = {
  text: 2000,
  name: 80,
  messagesPerThread: 200,
  threadsPerBoard: 2000,
  /**
   * Characters of comment text a board holds in all (about 1–4 MB): the server writes
   * comments outside the websocket's MAX_BOARD_BYTES check, and 2000 full threads of long
   * messages would otherwise let one link grow a board by hundreds of megabytes.
   */
  textPerBoard: 1_000_000,
  /** The quote a thread keeps of its target. */
  quote: 300,
} as const

/** Control characters a modified client could send: no document format wants them. */
const CONTROL = /\p{Cc}/gu
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/gu

const Text = z
  .string()
  .transform((text) => text.replace(CONTROL_BUT_LINES, ''))
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'text must not be empty')
      .max(COMMENT_LIMITS.text, `text must be at most ${COMMENT_LIMITS.text} characters`),
  )
const Name = z
  .string()
  .transform((name) => name.replace(CONTROL, ''))
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'name must not be empty')
      .max(COMMENT_LIMITS.name, `name must be at most ${COMMENT_LIMITS.name} characters`),
  )
const Organisation = z.string().trim().min(1).max(80).optional()
/** tldraw shape ids: `shape:` and the id the client or a werkvorm gave it. */
const ShapeId = z.string().regex(/^shape:[A-Za-z0-9_:.-]{1,120}$/, 'must be a shape id')

/** A selection in the manifesto as the editor saw it (the same shape amendments send). */
const Passage = z
  .object({
    path: z.array(z.number().int().min(0).max(10_000)).min(1).max(8),
    from: z.number().int().min(0),
    to: z.number().int().min(1),
    /** The passage as the sender saw it: refused when the server's text reads otherwise. */
    text: z.string().min(1).max(4000),
  })
  .refine((passage) => passage.to > passage.from, 'passage: to must come after from')

export const CommentTargetBody = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('note'), shapeId: ShapeId }),
    z.object({ kind: z.literal('werkvorm'), frameId: ShapeId }),
    z.object({ kind: z.literal('manifesto'), passage: Passage }),
  ],
  { error: 'target.kind must be note, werkvorm or manifesto' },
)
export type CommentTargetInput = z.output<typeof CommentTargetBody>

export const StartThreadBody = z.object({
  target: CommentTargetBody,
  text: Text,
  name: Name,
  organisation: Organisation,
})

export const ReplyBody = z.object({ text: Text, name: Name, organisation: Organisation })

export const StatusBody = z.object({
  status: z.enum(['open', 'resolved'], { error: 'status must be open or resolved' }),
  name: Name,
  organisation: Organisation,
})
