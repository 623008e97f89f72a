import { getManifesto } from '@stip/board/doc-layout'
import { type InlineRun, manifestoBlocks } from '@stip/manifesto'
import type { Editor, TLFrameShape } from 'tldraw'
import type * as Y from 'yjs'
import type { BoardNote } from '../notes/use-board-notes'
import type { SearchItem } from './match-search'

/**
 * The notes this device shows. A note of someone else's still hidden in a silent round never
 * reaches this browser, and one hidden here (organisation filter) is not offered either: a
 * result that jumps to nothing visible would only confuse.
 */
export function noteItems(notes: readonly BoardNote[]): SearchItem[] {
  return notes
    .filter((note) => !note.hidden && note.text !== '')
    .map((note) => ({
      kind: 'note',
      id: note.id,
      text: note.text,
      authorName: note.authorName,
      organisation: note.organisation,
    }))
}

/** Werkvorm and section titles (frames) and other text on the board (text, shapes with a label). */
export function readLabelItems(editor: Editor): SearchItem[] {
  const items: SearchItem[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === 'note' || editor.isShapeHidden(shape)) continue
    const text =
      shape.type === 'frame'
        ? (shape as TLFrameShape).props.name
        : (editor.getShapeUtil(shape).getText(shape) ?? '')
    if (text.trim() === '') continue
    items.push({
      kind: 'label',
      id: shape.id,
      text: text.trim(),
      authorName: null,
      organisation: null,
    })
  }
  return items
}

const joinRuns = (runs: readonly InlineRun[]) =>
  runs
    .map((run) => run.text)
    .join('')
    .trim()

/** The manifesto's passages: each heading, paragraph, list item and quote paragraph. */
export function readManifestoItems(doc: Y.Doc): SearchItem[] {
  const passages = manifestoBlocks(getManifesto(doc)).flatMap((block) => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return [joinRuns(block.runs)]
      case 'list':
        return block.items.map(joinRuns)
      default:
        return block.paragraphs.map(joinRuns)
    }
  })
  return passages
    .filter((text) => text !== '')
    .map((text, index) => ({
      kind: 'manifesto',
      id: `manifesto-${index}`,
      text,
      authorName: null,
      organisation: null,
    }))
}
