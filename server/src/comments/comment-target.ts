import { type CommentTarget, getManifesto } from '@stip/board/doc-model'
import { readStoredRecords } from '@stip/board/record-container'
import { anchorPassage, locatePassage, sectionOfBlock } from '@stip/manifesto'
import { readTemplateMeta, TEMPLATES } from '@stip/templates'
import type * as Y from 'yjs'
import { richTextToPlain } from '../report/note-text'
import { COMMENT_LIMITS, type CommentTargetInput } from './comment-bodies'

/** Why a request cannot go ahead against the document as it is now. */
export interface Refusal {
  refused: 404 | 409
  error: string
  code?: string
}

export const refuse = (refused: 404 | 409, error: string, code?: string): Refusal => ({
  refused,
  error,
  ...(code ? { code } : {}),
})

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'refused' in value

/** The quote a thread keeps of its target (SPEC C3): whole, or cut at the limit with "…". */
export function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= COMMENT_LIMITS.quote) return flat
  return `${flat.slice(0, COMMENT_LIMITS.quote - 1).trimEnd()}…`
}

type StoredShape = {
  typeName?: unknown
  type?: unknown
  props?: { richText?: unknown; name?: unknown }
  meta?: unknown
}

/**
 * What a new thread is about, as the board has it now (SPEC C3, C4): the stored target and its
 * quote, or why not. Runs inside the registry's transaction, so the manifesto passage is found
 * and anchored on the very text the thread is written beside.
 */
export function resolveTarget(
  doc: Y.Doc,
  input: CommentTargetInput,
): { target: CommentTarget; quote: string } | Refusal {
  if (input.kind === 'manifesto') return manifestoTarget(doc, input.passage)
  const id = input.kind === 'note' ? input.shapeId : input.frameId
  const shape = readStoredRecords(doc).get(id) as StoredShape | undefined
  if (input.kind === 'note') {
    if (shape?.typeName !== 'shape' || shape.type !== 'note') {
      return refuse(404, `the board has no note "${id}"`)
    }
    return {
      target: { kind: 'note', shapeId: id },
      quote: quoteOf(richTextToPlain(shape.props?.richText)),
    }
  }
  // A werkvorm is known by its frame: a frame shape whose template meta says so.
  const meta =
    shape?.typeName === 'shape' && shape.type === 'frame' ? readTemplateMeta(shape) : undefined
  if (!shape || meta?.stipPart !== 'frame') return refuse(404, `the board has no werkvorm "${id}"`)
  const name = typeof shape.props?.name === 'string' ? shape.props.name.trim() : ''
  return {
    target: { kind: 'werkvorm', frameId: id },
    quote: quoteOf(name || TEMPLATES[meta.stipTemplate].title.nl),
  }
}

function manifestoTarget(
  doc: Y.Doc,
  selection: Extract<CommentTargetInput, { kind: 'manifesto' }>['passage'],
): { target: CommentTarget; quote: string } | Refusal {
  const fragment = getManifesto(doc)
  const passage = locatePassage(fragment, selection)
  if (!passage) {
    return refuse(409, 'the passage is not one stretch of text in one paragraph of the manifesto')
  }
  if (passage.content !== selection.text) {
    return refuse(
      409,
      'the passage changed before the comment arrived; select it again',
      'passage-changed',
    )
  }
  return {
    target: {
      kind: 'manifesto',
      anchor: anchorPassage(passage),
      sectionKey: sectionOfBlock(fragment, selection.path[0]!).key,
    },
    quote: quoteOf(passage.content),
  }
}
