import { type Label, listTemplateInstances, locateNotes, readTemplateMeta } from '@stip/templates'
import type { Editor, TLShapeId } from 'tldraw'
import { type BoardNote, readBoardNotes } from '../notes/use-board-notes'

/** A note as the list shows it. */
export interface OutlineNote extends BoardNote {
  /** The werkvorm's own example note: it has no author, the werkvorm brought it. */
  example: boolean
}

export interface OutlineSection {
  /** The lane shape: where notes of this section go on the canvas. */
  laneId: TLShapeId
  label: Label
  notes: OutlineNote[]
}

export interface OutlineWerkvorm {
  instance: string
  frameId: TLShapeId
  name: string
  sections: OutlineSection[]
}

/** The board as the list view shows it: werkvormen with their sections, then the other notes. */
export interface BoardOutline {
  werkvormen: OutlineWerkvorm[]
  /** Notes outside any section (loose on the board, in a frame of their own), in reading order. */
  others: OutlineNote[]
}

/**
 * Reads the board in reading order: werkvormen top-left first (as the Werkvormen panel lists
 * them), each one's sections in the template's order, the notes in each top to bottom, left
 * to right. Notes come from `readBoardNotes` (as search and the Stemmen panel read them) and
 * which section a note is in from `locateNotes` (as the report and "wie wordt gehoord" judge
 * it), so the list says what the rest of Stip says; a werkvorm's example note, which that
 * leaves out, is listed in the section it was made for, as the canvas shows it there. Notes
 * hidden on this device are left out.
 */
export function readBoardOutline(editor: Editor): BoardOutline {
  const shapes = editor.getCurrentPageShapes()
  const werkvormen = new Map<string, OutlineWerkvorm>()
  for (const instance of listTemplateInstances(shapes)) {
    werkvormen.set(instance.instance, {
      instance: instance.instance,
      frameId: instance.frameId as TLShapeId,
      name: instance.name,
      sections: [],
    })
  }
  const sections = new Map<string, OutlineSection>()
  const order = new Map<OutlineSection, number>()
  for (const shape of shapes) {
    const meta = readTemplateMeta(shape)
    const werkvorm = meta && werkvormen.get(meta.stipInstance)
    if (meta?.stipPart !== 'lane' || !meta.stipSection || !werkvorm) continue
    const key = `${meta.stipInstance}/${meta.stipSection}`
    if (sections.has(key)) continue
    const section: OutlineSection = {
      laneId: shape.id,
      label: meta.stipSectionLabel ?? { nl: meta.stipSection, en: meta.stipSection },
      notes: [],
    }
    sections.set(key, section)
    order.set(section, meta.stipOrder ?? 0)
    werkvorm.sections.push(section)
  }
  for (const werkvorm of werkvormen.values()) {
    werkvorm.sections.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  }

  const sectionOf = new Map<string, string>()
  for (const placement of locateNotes(shapes)) {
    if (placement.kind === 'placed') {
      sectionOf.set(placement.note.id, `${placement.instance}/${placement.sectionKey}`)
    }
  }
  const examples = new Set<string>()
  for (const shape of shapes) {
    const meta = readTemplateMeta(shape)
    if (meta?.stipPart !== 'example') continue
    examples.add(shape.id)
    sectionOf.set(shape.id, `${meta.stipInstance}/${meta.stipSection ?? ''}`)
  }
  const others: OutlineNote[] = []
  const notes = readBoardNotes(editor).filter((note) => !note.hidden)
  for (const note of inReadingOrder(editor, notes)) {
    const listed = { ...note, example: examples.has(note.id) }
    const section = sections.get(sectionOf.get(note.id) ?? '')
    if (section) section.notes.push(listed)
    else others.push(listed)
  }
  return { werkvormen: [...werkvormen.values()], others }
}

/** Notes whose tops lie this close count as one row, read left to right. */
const ROW = 100

/** Top to bottom, then left to right, by each note's place on the page. */
function inReadingOrder(editor: Editor, notes: BoardNote[]): BoardNote[] {
  const place = new Map(
    notes.map((note) => {
      const bounds = editor.getShapePageBounds(note.id)
      return [note.id, bounds ? { x: bounds.x, y: bounds.y } : { x: 0, y: 0 }]
    }),
  )
  const at = (note: BoardNote) => place.get(note.id) ?? { x: 0, y: 0 }
  const row = (note: BoardNote) => Math.round(at(note).y / ROW)
  return [...notes].sort((a, b) => row(a) - row(b) || at(a).x - at(b).x)
}
