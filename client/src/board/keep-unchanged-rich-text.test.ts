import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLNoteShape,
  toRichText,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { keepUnchangedRichText } from './keep-unchanged-rich-text'

function storeWithNote(text: string) {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const id = createShapeId('n1')
  const note = {
    id,
    typeName: 'shape',
    type: 'note',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'black',
      richText: toRichText(text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
  } as TLNoteShape
  store.put([note])
  return { store, note }
}

describe('keeping unchanged rich text', () => {
  it('keeps the rich-text object of a remotely moved shape', () => {
    const { store, note } = storeWithNote('Idee 1')
    keepUnchangedRichText(store)
    const original = (store.get(note.id) as TLNoteShape).props.richText
    const moved = structuredClone({ ...note, x: 240 })
    store.mergeRemoteChanges(() => store.put([moved]))
    expect(store.get(note.id)?.x).toBe(240)
    expect((store.get(note.id) as TLNoteShape).props.richText).toBe(original)
  })

  it('takes the new rich text when the text changed, and stops when unregistered', () => {
    const { store, note } = storeWithNote('Idee 1')
    const stop = keepUnchangedRichText(store)
    store.put([{ ...note, props: { ...note.props, richText: toRichText('Idee 2') } }])
    expect((store.get(note.id) as TLNoteShape).props.richText).toEqual(toRichText('Idee 2'))
    stop()
    // Without the handler tldraw stores the equal copy: the cost this module avoids.
    const before = (store.get(note.id) as TLNoteShape).props.richText
    store.put([{ ...structuredClone(store.get(note.id) as TLNoteShape), x: 5 }])
    expect((store.get(note.id) as TLNoteShape).props.richText).not.toBe(before)
    expect((store.get(note.id) as TLNoteShape).props.richText).toEqual(before)
  })
})
