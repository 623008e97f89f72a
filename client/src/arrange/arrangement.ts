import { type Box, GAP, type Rect, shelfLayout } from './shelf-layout'

/*
 * One arrangement of a section: its groups (cluster frames with their notes) first, each a
 * small grid of notes under its name, then the loose notes, in rows; organisation bands when
 * asked. Pure: the editor code reads the shapes into this and writes the result back.
 */

export interface ArrangeNote {
  id: string
  /** Unscaled size: tldraw notes are 200 wide and 200 + growY high at scale 1. */
  w: number
  h: number
  organisation: string
}

export interface ArrangeGroup {
  id: string
  notes: ArrangeNote[]
  /** The cluster's name, so its frame is wide enough to show it (tldraw cuts it off). */
  name?: string
}

export interface PlacedNote {
  id: string
  x: number
  y: number
  scale: number
}

export interface PlacedGroup {
  id: string
  x: number
  y: number
  w: number
  h: number
  /** Notes in page coordinates. */
  notes: PlacedNote[]
}

export interface Arrangement {
  groups: PlacedGroup[]
  notes: PlacedNote[]
  scale: number
  fits: boolean
}

/** Room inside a group's frame around its notes. */
const PAD = 24
/** tldraw draws a frame's name just above it: keep that much room free. */
export const HEADING = 40

export function arrange(
  area: Rect,
  groups: readonly ArrangeGroup[],
  loose: readonly ArrangeNote[],
  options: { byOrganisation?: boolean } = {},
): Arrangement {
  // A cluster's grid may be wide and low or near square; the one that lets the notes stay
  // largest wins (ties: the squarer one, tried first).
  const largest = Math.max(1, ...groups.map((group) => group.notes.length))
  const square = Math.ceil(Math.sqrt(largest))
  let best: Arrangement | null = null
  for (let rows = square; rows >= 1; rows--) {
    const candidate = arrangeWithRows(area, groups, loose, options, rows)
    if (!best || (candidate.fits && !best.fits) || candidate.scale > best.scale) best = candidate
  }
  return best!
}

function arrangeWithRows(
  area: Rect,
  groups: readonly ArrangeGroup[],
  loose: readonly ArrangeNote[],
  options: { byOrganisation?: boolean },
  rows: number,
): Arrangement {
  const grids = new Map(groups.map((group) => [group.id, gridOf(group.notes, rows)]))
  const groupBoxes: Box[] = groups.map((group) => {
    const grid = grids.get(group.id)!
    return {
      id: group.id,
      w: Math.max(grid.w + 2 * PAD, nameWidth(group.name ?? '')),
      h: grid.h + 2 * PAD + HEADING,
    }
  })
  // Loose notes follow the clusters on the same rows; per organisation, each starts a row.
  const bands = options.byOrganisation
    ? [groupBoxes, ...bandsByOrganisation(loose)]
    : [[...groupBoxes, ...loose]]
  const layout = shelfLayout(area, bands)
  const at = new Map(layout.placed.map((placed) => [placed.id, placed]))
  const s = layout.scale
  return {
    scale: s,
    fits: layout.fits,
    groups: groups.map((group) => {
      const box = at.get(group.id)!
      const frame = { x: box.x, y: box.y + HEADING * s, w: box.w, h: box.h - HEADING * s }
      const grid = grids.get(group.id)!
      return {
        id: group.id,
        ...frame,
        notes: grid.cells.map((cell) => ({
          id: cell.id,
          x: frame.x + (PAD + cell.x) * s,
          y: frame.y + (PAD + cell.y) * s,
          scale: s,
        })),
      }
    }),
    notes: loose.map((note) => {
      const box = at.get(note.id)!
      return { id: note.id, x: box.x, y: box.y, scale: s }
    }),
  }
}

/** Roughly how wide tldraw draws a frame's name (about 10 px a letter), at most 480. */
function nameWidth(name: string): number {
  return Math.min(480, 32 + name.length * 10)
}

/** Notes of one organisation together, organisations in alphabetical order. */
function bandsByOrganisation(notes: readonly ArrangeNote[]): ArrangeNote[][] {
  const bands = new Map<string, ArrangeNote[]>()
  for (const note of notes) {
    const band = bands.get(note.organisation) ?? []
    band.push(note)
    bands.set(note.organisation, band)
  }
  // Notes without an organisation (the werkvorm's example, older notes) come last.
  const last = (name: string) => Number(name === '')
  return [...bands]
    .sort((a, b) => last(a[0]) - last(b[0]) || a[0].localeCompare(b[0], 'nl'))
    .map(([, band]) => band)
}

/** A grid of at most `rows` rows at scale 1, cells relative to the grid's top-left. */
function gridOf(notes: readonly ArrangeNote[], rows: number) {
  const columns = Math.max(1, Math.ceil(notes.length / rows))
  const cellW = Math.max(0, ...notes.map((note) => note.w))
  const cells: { id: string; x: number; y: number }[] = []
  let y = 0
  let h = 0
  for (let start = 0; start < notes.length; start += columns) {
    const row = notes.slice(start, start + columns)
    row.forEach((note, column) => {
      cells.push({ id: note.id, x: column * (cellW + GAP), y })
    })
    const rowHeight = Math.max(...row.map((note) => note.h))
    h = y + rowHeight
    y += rowHeight + GAP
  }
  const used = Math.min(columns, notes.length)
  return { cells, w: used * cellW + Math.max(0, used - 1) * GAP, h }
}
