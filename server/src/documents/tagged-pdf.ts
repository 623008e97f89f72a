import { type FontStyle, fontStyleOf } from './document-fonts'
import { createPdfDocument, FONT, MARGIN, type PdfMetadata } from './pdf-document'
import { printable } from './xml-text'

/** A piece of text in one style; a paragraph is a list of runs. */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
}

export interface TaggedPdfOptions extends PdfMetadata {
  /** Left in every page's footer. */
  footerTitle: string
  pageLabel: (page: number, pages: number) => string
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

type Pdf = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement
type Level = 1 | 2 | 3 | 4 | 5 | 6
/** pdfkit 0.20 also takes a layout box and placement, which @types/pdfkit 0.17 does not list. */
type StructureOptions = PDFKit.Mixins.StructureElementOptions & {
  bbox?: [number, number, number, number]
  placement?: 'Block' | 'Inline'
}

export const INK = '#1b1f24'
export const MUTED = '#525a66'
export const RULE = '#c9ced6'
const BODY = 10.5
const HEADING_SIZE: Record<Level, number> = { 1: 20, 2: 14.5, 3: 12, 4: 11, 5: 10.5, 6: 10.5 }
/** Deeper headings (an organisation inside a report section) would only crowd the bookmarks. */
const BOOKMARK_DEPTH = 3

/**
 * A tagged PDF (PDF/UA-1 aimed): every piece of content is either in the structure tree
 * (H1–H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with alternative text) or marked as an
 * artifact (rules, page footers), in reading order; Noto Sans is embedded; the document has a
 * language, a title shown in the viewer's title bar, and bookmarks per heading.
 */
export class TaggedPdf {
  readonly doc: Pdf
  private readonly root: Struct
  private readonly bookmarks: Array<PDFKit.PDFOutline | undefined> = []
  private readonly done: Promise<Uint8Array>

  constructor(private readonly options: TaggedPdfOptions) {
    const doc = createPdfDocument(options)
    const chunks: Buffer[] = []
    this.done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
      doc.on('error', reject)
    })
    this.doc = doc
    this.root = doc.struct('Document')
    doc.addStructure(this.root)
    doc.font(FONT.regular).fontSize(BODY).fillColor(INK)
  }

  font(style: FontStyle): string {
    return FONT[style]
  }

  get left(): number {
    return this.doc.page.margins.left
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right
  }

  /** Room left on the page below the cursor. */
  get roomLeft(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.doc.y
  }

  /** Starts a new page when less than `points` are left, so a heading never ends a page. */
  keepRoom(points: number): void {
    if (this.roomLeft < points) this.newPage()
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout, margins: MARGIN })
  }

  /** Content that is not part of the text (rules, backgrounds): marked so readers skip it. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' })
    draw()
    this.doc.endMarkedContent()
  }

  /** A structure element of `type` whose content is what `draw` puts on the page. */
  private element(
    type: string,
    draw: () => void,
    parent: Struct = this.root,
    options: StructureOptions = {},
  ): void {
    const element = this.doc.struct(type, options)
    parent.add(element)
    element.add(draw)
    element.end()
  }

  heading(level: Level, text: string): void {
    const size = HEADING_SIZE[level]
    this.keepRoom(size * 5)
    this.doc.x = this.left
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level <= 2 ? 0.9 : 0.6)
    this.element(`H${level}`, () => {
      this.doc.font(FONT.bold).fontSize(size).fillColor(INK).text(printable(text), { lineGap: 2 })
    })
    if (level <= BOOKMARK_DEPTH) {
      const parent =
        level === 1 ? this.doc.outline : (this.bookmarks[level - 1] ?? this.doc.outline)
      this.bookmarks[level] = parent.addItem(text, { expanded: level < 2 })
      this.bookmarks.length = level + 1
    }
    if (level === 1) {
      const y = this.doc.y + 4
      this.artifact(() => {
        this.doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(1.2)
          .strokeColor(INK)
          .stroke()
      })
      this.doc.y = y + 10
    } else {
      this.doc.moveDown(0.3)
    }
    this.doc.fontSize(BODY)
  }

  /** A paragraph: runs switch fonts within one wrapped text. */
  paragraph(
    content: string | readonly Run[],
    style: { size?: number; color?: string; gapAfter?: number } = {},
  ): void {
    const runs = (typeof content === 'string' ? [{ text: content }] : content).filter(
      (run) => run.text !== '',
    )
    if (runs.length === 0) return
    const size = style.size ?? BODY
    this.keepRoom(size * 3)
    this.doc.x = this.left
    this.element('P', () => this.writeRuns(runs, size, style.color ?? INK, this.width))
    this.doc.moveDown(style.gapAfter ?? 0.6)
  }

  private writeRuns(runs: readonly Run[], size: number, color: string, width: number): void {
    // Each run is a text call of its own (pdfkit's slowest path): merge runs of one style.
    const merged: Run[] = []
    for (const run of runs) {
      const last = merged.at(-1)
      if (last && !last.bold === !run.bold && !last.italic === !run.italic)
        merged[merged.length - 1] = { ...last, text: last.text + run.text }
      else merged.push(run)
    }
    merged.forEach((run, index) => {
      this.doc
        .font(FONT[fontStyleOf(run)])
        .fontSize(size)
        .fillColor(color)
        .text(printable(run.text), {
          width,
          lineGap: 2.5,
          continued: index < merged.length - 1,
        })
    })
  }

  /**
   * A list: `L` › `LI` › `Lbl` + `LBody` for numbered lists. A bullet carries no meaning of its
   * own (a reader announces the list and its items), so it is drawn as an artifact and the item
   * is `LI` › `LBody`: a third fewer text runs, which counts on a report of 2,000 notes.
   */
  list(items: ReadonlyArray<readonly Run[]>, ordered: boolean, size = BODY): void {
    const list = this.doc.struct('L')
    this.root.add(list)
    const indent = ordered ? 22 : 16
    items.forEach((runs, index) => {
      this.keepRoom(size * 3)
      const item = this.doc.struct('LI')
      list.add(item)
      const top = this.doc.y
      if (ordered)
        this.element(
          'Lbl',
          () => {
            this.doc
              .font(FONT.regular)
              .fontSize(size)
              .fillColor(MUTED)
              .text(`${index + 1}.`, this.left + 2, top, { width: indent - 4, lineBreak: false })
          },
          item,
        )
      else
        this.artifact(() => {
          this.doc.circle(this.left + 5, top + size * 0.72, size * 0.16).fill(MUTED)
        })
      this.element(
        'LBody',
        () => {
          this.doc.x = this.left + indent
          this.doc.y = top
          this.writeRuns(runs, size, INK, this.width - indent)
        },
        item,
      )
      item.end()
      this.doc.x = this.left
      this.doc.moveDown(0.2)
    })
    list.end()
    this.doc.moveDown(0.4)
  }

  /** A table whose first row holds the column headers (TH, scope Column). */
  table(
    header: readonly string[],
    rows: ReadonlyArray<readonly string[]>,
    widths?: number[],
  ): void {
    this.keepRoom(60)
    this.doc.x = this.left
    const options = {
      structParent: this.root,
      position: { x: this.left, y: this.doc.y },
      maxWidth: this.width,
      ...(widths ? { columnStyles: widths } : {}),
      defaultStyle: { border: 0.6, borderColor: RULE, padding: 5, textColor: INK },
      // Fonts per row: pdfkit takes a cell's font from its column or row style, else whatever
      // font the text before the table left set.
      rowStyles: (row: number) =>
        row === 0
          ? { backgroundColor: '#eef1f5', font: { src: FONT.bold, size: 9.5 } }
          : { font: { src: FONT.regular, size: 9.5 } },
    }
    // @types/pdfkit 0.17 lacks the accessibility options pdfkit 0.20 has (structParent, scope).
    const table = this.doc.table(options as PDFKit.Mixins.TableOptions)
    table.row(
      header.map((text) => ({ text, type: 'TH', scope: 'Column' }) as PDFKit.Mixins.CellOptions),
    )
    for (const row of rows) table.row(row.map(printable))
    table.end()
    this.doc.x = this.left
    this.doc.moveDown(0.8)
  }

  /** A picture with its alternative text; `draw` paints it inside `box`. */
  figure(alt: string, size: { w: number; h: number }, draw: (box: Box) => void): void {
    this.keepRoom(size.h + 8)
    const box = { x: this.left + (this.width - size.w) / 2, y: this.doc.y, w: size.w, h: size.h }
    // The bounding box lets a reader (and a PDF/UA checker) place the figure on the page.
    this.element('Figure', () => draw(box), this.root, {
      alt,
      bbox: [box.x, box.y, box.x + box.w, box.y + box.h],
      placement: 'Block',
    })
    this.doc.x = this.left
    this.doc.y = box.y + box.h + 12
  }

  /** Footers on every page (marked as pagination artifacts), then the finished file. */
  finish(): Promise<Uint8Array> {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    for (let index = 0; index < range.count; index++) {
      doc.switchToPage(range.start + index)
      // Writing inside the bottom margin would otherwise start a new page.
      const bottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      const y = doc.page.height - MARGIN.bottom / 2
      const width = doc.page.width - MARGIN.left - MARGIN.right
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] })
      doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED)
      doc.text(this.options.footerTitle, MARGIN.left, y, {
        width: width * 0.7,
        lineBreak: false,
        ellipsis: true,
      })
      doc.text(this.options.pageLabel(index + 1, range.count), MARGIN.left + width * 0.7, y, {
        width: width * 0.3,
        align: 'right',
        lineBreak: false,
      })
      doc.endMarkedContent()
      doc.page.margins.bottom = bottom
    }
    this.root.end()
    doc.end()
    return this.done
  }
}
