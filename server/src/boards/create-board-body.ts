import { TEMPLATE_IDS } from '@stip/protocol'
import * as z from 'zod'

/** Colours for organisations that name none: distinct, and dark enough for white text (>= 4.5:1). */
export const ORGANISATION_PALETTE = [
  '#1f5fa8',
  '#0f7b6c',
  '#8a3fa0',
  '#b0421c',
  '#2e6b1f',
  '#a3195b',
  '#5a5a8c',
  '#7a5b00',
] as const

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0)!
  return code < 0x20 || code === 0x7f
}

/** Text a person typed: trimmed, no control characters, within limits. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => ![...value].some(isControlCharacter), 'must not contain control characters')

export const CreateBoardBody = z
  .object({
    title: text(120),
    template: z
      .enum(TEMPLATE_IDS, { message: `template must be one of: ${TEMPLATE_IDS.join(', ')}` })
      .optional(),
    organisations: z
      .array(
        z
          .object({
            name: text(60),
            color: z.string().regex(HEX_COLOUR, 'color must look like #1f5fa8').optional(),
          })
          .strict(),
      )
      .max(16, 'at most 16 organisations')
      .optional(),
    /** The language the board is made in: its werkvorm, page name and manifesto start in it. */
    locale: z.enum(['nl', 'en'], { message: 'locale must be nl or en' }).optional(),
  })
  .strict()

export type CreateBoardBody = z.infer<typeof CreateBoardBody>

/** Turns zod's issues into one sentence that says what is wrong and where. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ')
}

/** A URL-safe id from a name, unique among `taken`. */
export function slugFor(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'organisatie'
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  taken.add(slug)
  return slug
}
