import type { Box, TaggedPdf } from '../documents/tagged-pdf'
import { type BoardScene, lighten } from './board-scene'

/** Below this width on paper a note's text would be too small to read; the note stays a tile. */
const MIN_TEXT_WIDTH = 30
const LEGEND_ROW = 14

/** Points of paper the picture needs at `width`, legend included. */
export function pictureHeight(scene: BoardScene, width: number, maxHeight: number): number {
  const scale = Math.min(width / scene.bounds.w, maxHeight / scene.bounds.h)
  return scene.bounds.h * scale + legendHeight(scene, width)
}

function legendHeight(scene: BoardScene, width: number): number {
  if (scene.legend.length === 0) return 0
  const perRow = Math.max(1, Math.floor(width / 150))
  return 8 + Math.ceil(scene.legend.length / perRow) * LEGEND_ROW
}

/**
 * The board's overview as PDF vector graphics inside `box`: frames, lanes with their labels,
 * notes in their organisation's colour (with their text where it is large enough to read), and
 * a legend of the organisations. Called inside the report's Figure, which carries the alt text.
 */
export function drawBoardPicture(pdf: TaggedPdf, scene: BoardScene, box: Box): void {
  const doc = pdf.doc
  const legend = legendHeight(scene, box.w)
  const area = { ...box, h: box.h - legend }
  const scale = Math.min(area.w / scene.bounds.w, area.h / scene.bounds.h)
  const ox = area.x + (area.w - scene.bounds.w * scale) / 2
  const oy = area.y
  const at = (r: { x: number; y: number; w: number; h: number }) => ({
    x: ox + (r.x - scene.bounds.x) * scale,
    y: oy + (r.y - scene.bounds.y) * scale,
    w: r.w * scale,
    h: r.h * scale,
  })
  doc.save()
  doc.rect(ox, oy, scene.bounds.w * scale, scene.bounds.h * scale).fill('#f1f3f6')
  for (const frame of scene.frames) {
    const r = at(frame.rect)
    doc.rect(r.x, r.y, r.w, r.h).lineWidth(0.6).fillAndStroke('#ffffff', '#8a929e')
    if (frame.name && r.w > 40)
      doc
        .font(pdf.font('bold'))
        .fontSize(Math.min(9, Math.max(5, r.w / 30)))
        .fillColor('#1b1f24')
        .text(frame.name, r.x + 3, r.y + 3, {
          width: r.w - 6,
          height: 12,
          ellipsis: true,
          lineBreak: false,
        })
  }
  for (const lane of scene.lanes) {
    const r = at(lane.rect)
    doc.rect(r.x, r.y, r.w, r.h).lineWidth(0.4).fillAndStroke('#f7f8fa', '#c9ced6')
    if (lane.label && r.w > 40)
      doc
        .font(pdf.font('regular'))
        .fontSize(Math.min(8, Math.max(4.5, r.w / 28)))
        .fillColor('#525a66')
        .text(lane.label, r.x + 3, r.y + 3, { width: r.w - 6, height: 20, ellipsis: true })
  }
  for (const note of scene.notes) {
    const r = at(note.rect)
    doc.rect(r.x, r.y, r.w, r.h).lineWidth(0.3).fillAndStroke(lighten(note.color, 0.55), '#6b7380')
    doc.rect(r.x, r.y, r.w, Math.max(0.8, r.h * 0.08)).fill(note.color)
    if (scene.noteText && note.text && r.w >= MIN_TEXT_WIDTH) {
      const size = Math.min(8, r.w / 9)
      doc
        .font(pdf.font('regular'))
        .fontSize(size)
        .fillColor('#1b1f24')
        .text(note.text, r.x + 2, r.y + r.h * 0.1 + 1, {
          width: r.w - 4,
          height: r.h * 0.88 - 2,
          ellipsis: true,
          lineGap: 0,
        })
    }
  }
  drawLegend(pdf, scene, { x: box.x, y: area.y + scene.bounds.h * scale + 8, w: box.w })
  doc.restore()
}

function drawLegend(pdf: TaggedPdf, scene: BoardScene, at: { x: number; y: number; w: number }) {
  const perRow = Math.max(1, Math.floor(at.w / 150))
  const column = at.w / perRow
  scene.legend.forEach((entry, index) => {
    const x = at.x + (index % perRow) * column
    const y = at.y + Math.floor(index / perRow) * LEGEND_ROW
    pdf.doc.rect(x, y + 1, 9, 9).fill(entry.color)
    pdf.doc
      .font(pdf.font('regular'))
      .fontSize(8)
      .fillColor('#1b1f24')
      .text(entry.name, x + 13, y, {
        width: column - 16,
        height: 11,
        ellipsis: true,
        lineBreak: false,
      })
  })
}
