import { getManifesto } from '@stip/board/doc-layout'
import { type InlineRun, manifestoBlocks } from '@stip/manifesto'
import {
  type Computed,
  computed,
  createComputedCache,
  type Editor,
  type TLFrameShape,
  type TLShape,
} from 'tldraw'
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

function readLabelItem(editor: Editor, shape: TLShape): SearchItem | null {
  if (shape.type === 'note' || editor.isShapeHidden(shape)) return null
  const text =
    shape.type === 'frame'
      ? (shape as TLFrameShape).props.name
      : (editor.getShapeUtil(shape).getText(shape) ?? '')
  if (text.trim() === '') return null
  return { kind: 'label', id: shape.id, text: text.trim(), authorName: null, organisation: null }
}

/*
 * Each shape's label is read on its own and kept until the shape (or its visibility) changes;
 * an equal reading keeps the same object. A label's text goes through TipTap, so reading every
 * label on every change of the page (drag frames included) cost the open Zoeken panel
 * milliseconds per frame on a large board.
 */
const labelItems = createComputedCache('stip search label', readLabelItem, {
  areResultsEqual: (a, b) =>
    a === b || (a !== null && b !== null && a.id === b.id && a.text === b.text),
})

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

const labelLists = new WeakMap<Editor, Computed<SearchItem[]>>()

/**
 * Werkvorm and section titles (frames) and other text on the board (text, shapes with a label);
 * the same array until a label is added, removed or changed.
 */
export function readLabelItems(editor: Editor): SearchItem[] {
  let list = labelLists.get(editor)
  if (!list) {
    list = computed(
      'stip search labels',
      () => {
        const items: SearchItem[] = []
        for (const id of editor.getCurrentPageShapeIds()) {
          const item = labelItems.get(editor, id)
          if (item) items.push(item)
        }
        return items
      },
      { isEqual: sameItems },
    )
    labelLists.set(editor, list)
  }
  return list.get()
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
