import * as Y from 'yjs'
import { childrenOf, inlineRuns, plainText } from './fragment-walk'
import { SECTION_ATTRIBUTE } from './sections'

/**
 * A passage of the manifesto as the editor sees a selection: the path of child indexes from the
 * fragment down to one textblock (a paragraph, a heading, a list item's paragraph) and the
 * offsets inside that block's inline content (ProseMirror's `parentOffset`: a character each,
 * an inline node such as a hard break one).
 */
export interface PassageSelection {
  path: readonly number[]
  from: number
  to: number
}

/** Where a passage lives in the Y types: one Y.XmlText and a range inside it. */
export interface LocatedPassage {
  text: Y.XmlText
  start: number
  end: number
  content: string
}

/** The passage's two ends as Y.RelativePosition JSON: they follow the text as it is edited. */
export interface PassageAnchor {
  start: unknown
  end: unknown
}

/** The textblock at `path`, or null when the path leads elsewhere. */
export function textblockAt(fragment: Y.XmlFragment, path: readonly number[]): Y.XmlElement | null {
  let node: Y.XmlFragment | Y.XmlElement = fragment
  for (const index of path) {
    const child: Y.XmlElement | Y.XmlText | undefined = childrenOf(node)[index]
    if (!(child instanceof Y.XmlElement)) return null
    node = child
  }
  if (!(node instanceof Y.XmlElement)) return null
  const inline = childrenOf(node).every(
    (child) => child instanceof Y.XmlText || child.nodeName === 'hardBreak',
  )
  return inline ? node : null
}

/**
 * The selection as a range of one Y.XmlText, or null when it does not lie in one stretch of
 * text (it crosses a hard break, leaves the block, or is empty).
 */
export function locatePassage(
  fragment: Y.XmlFragment,
  selection: PassageSelection,
): LocatedPassage | null {
  const block = textblockAt(fragment, selection.path)
  if (!block || selection.to <= selection.from || selection.from < 0) return null
  let offset = 0
  for (const child of childrenOf(block)) {
    const length = child instanceof Y.XmlText ? child.length : 1
    if (child instanceof Y.XmlText && selection.from >= offset && selection.to <= offset + length) {
      const start = selection.from - offset
      const end = selection.to - offset
      return { text: child, start, end, content: textOf(child, start, end) }
    }
    offset += length
  }
  return null
}

/** The plain characters of a Y.XmlText range, without y-prosemirror's mark tags. */
function textOf(text: Y.XmlText, start: number, end: number): string {
  let all = ''
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert === 'string') all += op.insert
  }
  return all.slice(start, end)
}

/** Anchors a located passage: the start sticks to its first character, the end to its last. */
export function anchorPassage(passage: LocatedPassage): PassageAnchor {
  return {
    start: Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(passage.text, passage.start, 0),
    ),
    end: Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(passage.text, passage.end, -1),
    ),
  }
}

/** Where an anchored passage is now, or null when its text is gone or its ends came apart. */
export function resolvePassage(doc: Y.Doc, anchor: PassageAnchor): LocatedPassage | null {
  const start = absolute(doc, anchor.start)
  const end = absolute(doc, anchor.end)
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null
  if (isDeleted(start.type)) return null
  if (end.index < start.index) return null
  return {
    text: start.type,
    start: start.index,
    end: end.index,
    content: textOf(start.type, start.index, end.index),
  }
}

function absolute(doc: Y.Doc, json: unknown): Y.AbsolutePosition | null {
  if (typeof json !== 'object' || json === null) return null
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc)
  } catch {
    // A malformed anchor reads as a passage that can no longer be found.
    return null
  }
}

function isDeleted(type: Y.XmlText): boolean {
  for (let item = type._item; item; item = (item.parent as Y.XmlElement)._item) {
    if (item.deleted) return true
  }
  return false
}

/** The child indexes from the fragment down to `node`, or null when it is not inside it. */
function pathTo(fragment: Y.XmlFragment, node: Y.XmlText): number[] | null {
  const path: number[] = []
  let child: Y.XmlElement | Y.XmlText = node
  for (;;) {
    const parent: unknown = child.parent
    if (!(parent instanceof Y.XmlElement) && !(parent instanceof Y.XmlFragment)) return null
    const index = childrenOf(parent).indexOf(child)
    if (index === -1) return null
    path.unshift(index)
    if (parent === fragment) return path
    if (!(parent instanceof Y.XmlElement)) return null
    child = parent
  }
}

/** The node at `path` below `fragment`, when it is a Y.XmlText. */
function textAt(fragment: Y.XmlFragment, path: readonly number[]): Y.XmlText | null {
  let node: Y.XmlFragment | Y.XmlElement | Y.XmlText = fragment
  for (const index of path) {
    if (node instanceof Y.XmlText) return null
    const next: Y.XmlElement | Y.XmlText | undefined = childrenOf(node)[index]
    if (!next) return null
    node = next
  }
  return node instanceof Y.XmlText ? node : null
}

/**
 * Finds an anchored passage of one manifesto again in a copy of it (a vervolgsessie's text is
 * a clone, so its Y items, and every relative position, are new): the same block by its path,
 * the same text at the same place or, failing that, its nearest occurrence in that block.
 * Null when the passage no longer reads `expected` in the source, or the copy's block lacks it.
 */
export function reanchorPassage(
  source: Y.Doc,
  anchor: PassageAnchor,
  expected: string,
  copy: Y.XmlFragment,
): PassageAnchor | null {
  const passage = resolvePassage(source, anchor)
  if (!passage || passage.content !== expected || expected === '') return null
  const sourceFragment = topFragmentOf(passage.text)
  const path = sourceFragment ? pathTo(sourceFragment, passage.text) : null
  const text = path ? textAt(copy, path) : null
  if (!text) return null
  const content = textOf(text, 0, text.length)
  let start = content.slice(passage.start, passage.end) === expected ? passage.start : -1
  if (start === -1) {
    // Should the block read differently, the occurrence nearest to where it was.
    for (let at = content.indexOf(expected); at !== -1; at = content.indexOf(expected, at + 1)) {
      if (start === -1 || Math.abs(at - passage.start) < Math.abs(start - passage.start)) start = at
    }
  }
  if (start === -1) return null
  return anchorPassage({ text, start, end: start + expected.length, content: expected })
}

function topFragmentOf(node: Y.XmlText): Y.XmlFragment | null {
  let parent = node.parent
  while (parent instanceof Y.XmlElement) parent = parent.parent
  return parent instanceof Y.XmlFragment ? parent : null
}

/**
 * Replaces an anchored passage by new text when it still reads `expected`; the new text takes
 * the formatting of the passage's first character. Returns false (and changes nothing) when
 * the passage changed or disappeared since it was anchored.
 */
export function replacePassage(
  doc: Y.Doc,
  anchor: PassageAnchor,
  expected: string,
  replacement: string,
): boolean {
  const passage = resolvePassage(doc, anchor)
  if (!passage || passage.content !== expected) return false
  const attributes = formattingAt(passage.text, passage.start)
  doc.transact(() => {
    passage.text.delete(passage.start, passage.end - passage.start)
    if (replacement !== '') passage.text.insert(passage.start, replacement, attributes)
  })
  return true
}

function formattingAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: object }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    if (index < offset + length) return { ...(op.attributes ?? {}) }
    offset += length
  }
  return {}
}

/** The heading that opens the section a top-level block sits in: its section key and text. */
export function sectionOfBlock(
  fragment: Y.XmlFragment,
  topIndex: number,
): { key: string | null; title: string } {
  const blocks = childrenOf(fragment)
  for (let index = Math.min(topIndex, blocks.length - 1); index >= 0; index--) {
    const block = blocks[index]
    if (block instanceof Y.XmlElement && block.nodeName === 'heading') {
      const key = block.getAttribute(SECTION_ATTRIBUTE)
      return {
        key: typeof key === 'string' ? key : null,
        title: plainText(inlineRuns(block)).trim(),
      }
    }
  }
  return { key: null, title: '' }
}
