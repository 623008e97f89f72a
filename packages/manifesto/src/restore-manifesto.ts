import type { Node as PmNode } from '@tiptap/pm/model'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { diffArrays } from 'diff'
import * as Y from 'yjs'
import { manifestoSchema } from './manifesto-schema'

/**
 * Makes `live` read as `past` with the fewest changes, the way the editor writes a person's
 * edit: blocks the version has stay the same Yjs items (a changed one is changed character by
 * character), and only blocks added since are removed. Removing a block also removes whatever
 * somebody typed into it at the same moment (or offline), because Yjs drops an insert into a
 * deleted parent; so a block is never removed and made again where it can be kept.
 * Call inside a transaction of `live`'s doc; `past` must be a snapshot of the same doc, in a
 * throwaway doc, because reading it into ProseMirror may tidy its text nodes.
 */
export function restoreManifesto(live: Y.XmlFragment, past: Y.XmlFragment): void {
  const doc = live.doc
  if (!doc) throw new Error('the manifesto fragment must belong to a doc')
  const pastText = yXmlFragmentToProseMirrorRootNode(past, manifestoSchema())
  restoreChildren(doc, live, past, pastText)
}

type LiveBlock = ReturnType<Y.XmlFragment['toArray']>[number]

/** A block of the past text, as Yjs type (to copy) and as ProseMirror node (to write from). */
interface PastBlock {
  type: LiveBlock
  node: PmNode
}

/**
 * Blocks are lined up by identity first: the past text is a snapshot of the same doc, so a block
 * both have is the same Yjs item in both, and stays; it is edited in place if its content
 * changed. A positional comparison (y-tiptap's updateYFragment on the whole text) would instead
 * rewrite every block below one added since into its neighbour. Blocks added since are removed,
 * blocks removed since come back; where both meet, a block is edited into one of its kind (a
 * paragraph, the heading of one section) rather than removed and made again.
 */
function restoreChildren(
  doc: Y.Doc,
  live: Y.XmlFragment | Y.XmlElement,
  past: Y.XmlFragment | Y.XmlElement,
  pastNode: PmNode,
): void {
  const pastChildren = past.toArray()
  if (pastNode.childCount !== pastChildren.length) {
    // ProseMirror dropped or merged something it could not read; let y-tiptap write it whole.
    updateYFragment(doc, live, pastNode, freshMeta())
    return
  }
  const pastBlocks: PastBlock[] = pastChildren.map((type, index) => ({
    type,
    node: pastNode.child(index),
  }))
  const liveBlocks = live.toArray()
  let at = 0
  let liveIndex = 0
  let pastIndex = 0
  const changes = diffArrays(
    liveBlocks.map(identityOf),
    pastBlocks.map((b) => identityOf(b.type)),
  )
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++) {
        const liveType = liveBlocks[liveIndex + k]!
        const pastBlock = pastBlocks[pastIndex + k]!
        if (liveType.toString() !== pastBlock.type.toString()) {
          editInPlace(doc, liveType as Y.XmlElement, pastBlock.type as Y.XmlElement, pastBlock.node)
        }
      }
      at += change.count
      liveIndex += change.count
      pastIndex += change.count
      continue
    }
    // A removed run next to an added run is one changed stretch.
    const next = changes[i + 1]
    const both = next !== undefined && (next.added || next.removed) && next.added !== change.added
    if (both) i++
    const removedCount = change.removed ? change.count : both ? next.count : 0
    const addedCount = change.added ? change.count : both ? next.count : 0
    at = rewriteStretch(
      doc,
      live,
      at,
      liveBlocks.slice(liveIndex, liveIndex + removedCount),
      pastBlocks.slice(pastIndex, pastIndex + addedCount),
    )
    liveIndex += removedCount
    pastIndex += addedCount
  }
}

/** The Yjs item a block is: the same in the live doc and in a snapshot of it. */
function identityOf(type: LiveBlock): string {
  const id = type._item?.id
  return id ? `${id.client}:${id.clock}` : `content:${type.toString()}`
}

/** Rewrites the live blocks from index `at` into `added`; returns the index after them. */
function rewriteStretch(
  doc: Y.Doc,
  live: Y.XmlFragment | Y.XmlElement,
  at: number,
  removed: readonly LiveBlock[],
  added: readonly PastBlock[],
): number {
  let index = at
  let pastIndex = 0
  const pairs = diffArrays(
    removed.map(kindOf),
    added.map((block) => kindOf(block.type)),
  )
  for (const change of pairs) {
    const { count } = change
    if (change.removed) {
      live.delete(index, count)
      continue
    }
    const blocks = added.slice(pastIndex, pastIndex + count)
    pastIndex += count
    if (change.added) {
      live.insert(index, blocks.map(copyOf))
    } else {
      // Same kind on both sides: the live block stays, its content becomes the past one's.
      blocks.forEach((block, k) => {
        const liveType = live.get(index + k)
        if (liveType instanceof Y.XmlElement && block.type instanceof Y.XmlElement) {
          editInPlace(doc, liveType, block.type, block.node)
        } else {
          live.delete(index + k, 1)
          live.insert(index + k, [copyOf(block)])
        }
      })
    }
    index += count
  }
  return index
}

function editInPlace(doc: Y.Doc, live: Y.XmlElement, past: Y.XmlElement, pastNode: PmNode) {
  if (pastNode.isTextblock) {
    updateYFragment(doc, live, pastNode, freshMeta())
    return
  }
  // A list or quote: its attributes, then its blocks lined up the same way.
  const pastAttributes = past.getAttributes()
  for (const [key, value] of Object.entries(pastAttributes)) {
    if (live.getAttribute(key) !== value) live.setAttribute(key, value as string)
  }
  for (const key of Object.keys(live.getAttributes())) {
    if (!(key in pastAttributes)) live.removeAttribute(key)
  }
  restoreChildren(doc, live, past, pastNode)
}

/** Blocks of one kind can be edited into each other: a paragraph, a list, one section's heading. */
function kindOf(type: LiveBlock): string {
  if (!(type instanceof Y.XmlElement)) return type.constructor.name
  const section = type.getAttribute('section')
  return section ? `${type.nodeName}#${section}` : type.nodeName
}

function copyOf(block: PastBlock): Y.XmlElement | Y.XmlText {
  return block.type.clone() as Y.XmlElement | Y.XmlText
}

function freshMeta() {
  return { mapping: new Map(), isOMark: new Map() }
}
