import { Resvg } from '@resvg/resvg-js'
import { FONT_FAMILY, fontPaths } from '../documents/document-fonts'
import { xmlText } from '../documents/xml-text'
import { type BoardScene, lighten } from './board-scene'

const MIN_TEXT_WIDTH = 60
const LEGEND_ROW = 28

const xml = (text: string) =>
  xmlText(text).replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!,
  )

/** Greedy word wrap by an average glyph width; resvg draws SVG text without wrapping it. */
function wrap(text: string, width: number, size: number, maxLines: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (size * 0.55)))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= perLine) line = next
    else {
      if (line) lines.push(line)
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word
    }
    if (lines.length === maxLines) break
  }
  if (line && lines.length < maxLines) lines.push(line)
  if (lines.length === maxLines && lines.join(' ').length < text.length) {
    const last = lines[maxLines - 1]!
    lines[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 1))}…`
  }
  return lines
}

/** The scene as SVG, `width` pixels wide, the same drawing as board-picture-pdf.ts. */
export function boardSvg(scene: BoardScene, width: number, maxHeight: number): string {
  const perRow = Math.max(1, Math.floor(width / 300))
  const legend = scene.legend.length ? 16 + Math.ceil(scene.legend.length / perRow) * LEGEND_ROW : 0
  const scale = Math.min(width / scene.bounds.w, (maxHeight - legend) / scene.bounds.h)
  const w = scene.bounds.w * scale
  const h = scene.bounds.h * scale
  const at = (r: { x: number; y: number; w: number; h: number }) => ({
    x: (width - w) / 2 + (r.x - scene.bounds.x) * scale,
    y: (r.y - scene.bounds.y) * scale,
    w: r.w * scale,
    h: r.h * scale,
  })
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.ceil(h + legend)}" font-family="${FONT_FAMILY}">`,
    `<rect width="${width}" height="${Math.ceil(h + legend)}" fill="#ffffff"/>`,
    `<rect x="${(width - w) / 2}" y="0" width="${w}" height="${h}" fill="#f1f3f6"/>`,
  ]
  const label = (x: number, y: number, size: number, color: string, text: string, bold = false) =>
    `<text x="${x}" y="${y + size}" font-size="${size}" fill="${color}"${bold ? ' font-weight="bold"' : ''}>${xml(text)}</text>`
  for (const frame of scene.frames) {
    const r = at(frame.rect)
    out.push(
      `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="#fff" stroke="#8a929e" stroke-width="1.2"/>`,
    )
    if (frame.name && r.w > 80) {
      const size = Math.min(18, Math.max(10, r.w / 30))
      out.push(
        label(r.x + 6, r.y + 5, size, '#1b1f24', wrap(frame.name, r.w - 12, size, 1)[0]!, true),
      )
    }
  }
  for (const lane of scene.lanes) {
    const r = at(lane.rect)
    out.push(
      `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="#f7f8fa" stroke="#c9ced6" stroke-width="0.8"/>`,
    )
    if (lane.label && r.w > 80) {
      const size = Math.min(16, Math.max(9, r.w / 28))
      out.push(label(r.x + 6, r.y + 5, size, '#525a66', wrap(lane.label, r.w - 12, size, 1)[0]!))
    }
  }
  for (const note of scene.notes) {
    const r = at(note.rect)
    out.push(
      `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="${lighten(note.color, 0.55)}" stroke="#6b7380" stroke-width="0.6"/>`,
      `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${Math.max(1.5, r.h * 0.08)}" fill="${note.color}"/>`,
    )
    if (scene.noteText && note.text && r.w >= MIN_TEXT_WIDTH) {
      const size = Math.min(16, r.w / 9)
      const lines = wrap(
        note.text,
        r.w - 8,
        size,
        Math.max(1, Math.floor((r.h * 0.85) / (size * 1.25))),
      )
      lines.forEach((line, index) => {
        out.push(label(r.x + 4, r.y + r.h * 0.1 + index * size * 1.25, size, '#1b1f24', line))
      })
    }
  }
  const column = width / perRow
  scene.legend.forEach((entry, index) => {
    const x = (index % perRow) * column
    const y = h + 16 + Math.floor(index / perRow) * LEGEND_ROW
    out.push(
      `<rect x="${x}" y="${y + 2}" width="18" height="18" fill="${entry.color}"/>`,
      label(x + 26, y, 16, '#1b1f24', wrap(entry.name, column - 32, 16, 1)[0]!),
    )
  })
  out.push('</svg>')
  return out.join('')
}

/** The scene as a PNG for Word, drawn by resvg with the embedded Noto fonts (no system fonts). */
export function boardPng(scene: BoardScene, width = 1600, maxHeight = 2000) {
  const svg = boardSvg(scene, width, maxHeight)
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fontPaths(), defaultFontFamily: FONT_FAMILY },
  }).render()
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height }
}
