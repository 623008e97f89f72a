import { type Computed, computed, type Editor, type TLShape } from 'tldraw'

/*
 * The werkvorm parts (frame, lanes, titles, prompts, scales, markers, examples: every shape
 * whose meta names its `stipPart`) on the current page, one reading per editor (a WeakMap, gone
 * with the editor). The store's query keeps an index on that meta field and updates it from
 * each change, so moving a note does not look at the board's other shapes: panels that list
 * the werkvormen used to read every shape on every change, drag frames included.
 */
const perEditor = new WeakMap<Editor, Computed<TLShape[]>>()

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

function templateShapesComputed(editor: Editor): Computed<TLShape[]> {
  let shapes = perEditor.get(editor)
  if (!shapes) {
    // `neq` matches records whose field is set to anything else: every part has a name.
    const parts = editor.store.query.records('shape', () => ({
      meta: { stipPart: { neq: '' } },
    }))
    shapes = computed(
      'stip werkvorm shapes',
      () => {
        const page = editor.getCurrentPageId()
        return parts.get().filter((shape) => editor.getAncestorPageId(shape) === page)
      },
      { isEqual: sameItems },
    )
    perEditor.set(editor, shapes)
  }
  return shapes
}

/** The werkvorm parts on the current page; the same array until one of them changes. */
export function templateShapesOf(editor: Editor): TLShape[] {
  return templateShapesComputed(editor).get()
}
