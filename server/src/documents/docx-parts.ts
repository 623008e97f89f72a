import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Run } from './tagged-pdf'
import { xmlText } from './xml-text'

const ORDERED = 'stip-ordered'
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const
const RULE = 'C9CED6'
const FONT = 'Calibri'

/** Word's Heading n style in Stip's type: bold, dark, with room above (sizes in half points). */
function headingStyle(size: number, before: number, after: number) {
  return {
    run: { size, bold: true, color: '1B1F24', font: FONT },
    paragraph: { spacing: { before, after }, keepNext: true },
  }
}

export interface DocxOptions {
  title: string
  subject: string
  creator: string
  /** BCP 47, e.g. nl-NL: Word's proofing and screen readers use it. */
  lang: string
  /** "Pagina" / "Page" and "van" / "of" for the footer's "Pagina 1 van 3". */
  page: readonly [string, string]
  children: FileChild[]
}

export function docxRuns(runs: readonly Run[]): TextRun[] {
  return runs.map((run) =>
    run.text === '\n'
      ? new TextRun({ break: 1 })
      : new TextRun({ text: xmlText(run.text), bold: run.bold, italics: run.italic }),
  )
}

/** A heading in Word's own Heading 1–6 styles, so the navigation pane and readers see it. */
export function docxHeading(level: number, text: string): Paragraph {
  return new Paragraph({
    heading: HEADINGS[Math.min(6, Math.max(1, level)) - 1]!,
    text: xmlText(text),
  })
}

export function docxParagraph(
  content: string | readonly Run[],
  style: { size?: number; color?: string; italics?: boolean; quote?: boolean } = {},
): Paragraph {
  const runs = typeof content === 'string' ? [{ text: content }] : content
  return new Paragraph({
    ...(style.quote ? { style: 'Quote' } : {}),
    children: runs.map((run) =>
      run.text === '\n'
        ? new TextRun({ break: 1 })
        : new TextRun({
            text: xmlText(run.text),
            bold: run.bold,
            italics: run.italic ?? style.italics,
            ...(style.size ? { size: style.size * 2 } : {}),
            ...(style.color ? { color: style.color } : {}),
          }),
    ),
  })
}

/** Word's own list numbering (real bullets and numbers, which readers announce as a list). */
export function docxList(
  items: ReadonlyArray<readonly Run[]>,
  ordered: boolean,
  instance: number,
): Paragraph[] {
  return items.map(
    (item) =>
      new Paragraph({
        children: docxRuns(item),
        ...(ordered
          ? { numbering: { reference: ORDERED, level: 0, instance } }
          : { bullet: { level: 0 } }),
      }),
  )
}

/** A table whose first row is marked as the header row (repeated on every page, read as such). */
export function docxTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  widths: readonly number[],
): Table {
  const total = widths.reduce((sum, width) => sum + width, 0)
  const cell = (text: string, index: number, head: boolean) =>
    new TableCell({
      width: { size: Math.round((widths[index]! / total) * 5000), type: WidthType.PERCENTAGE },
      margins: { top: 60, bottom: 60, left: 90, right: 90 },
      ...(head ? { shading: { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' } } : {}),
      // The body's 6 pt after each paragraph would make every row a line taller; 10 pt text as
      // in the PDF's tables.
      children: [
        new Paragraph({
          spacing: { after: 0 },
          children: [new TextRun({ text: xmlText(text), bold: head, size: 20 })],
        }),
      ],
    })
  const line = { style: BorderStyle.SINGLE, size: 4, color: RULE }
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, index) => cell(text, index, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, index) => cell(text, index, false)),
          }),
      ),
    ],
  })
}

/** A Word document in `lang`, with Word's heading styles, list numbering and page numbers. */
export async function docxDocument(options: DocxOptions): Promise<Uint8Array> {
  const document = new Document({
    title: xmlText(options.title),
    subject: options.subject,
    creator: xmlText(options.creator),
    styles: {
      default: {
        // Calibri is on every Word; LibreOffice substitutes its metric twin Carlito.
        document: {
          run: { language: { value: options.lang }, size: 22, font: FONT, color: '1B1F24' },
          // lineRule written out: LibreOffice otherwise reads 276 as an exact line height and
          // squeezes the board picture into one line.
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: headingStyle(36, 0, 200),
        heading2: headingStyle(28, 320, 120),
        heading3: headingStyle(24, 240, 80),
        heading4: headingStyle(22, 200, 60),
        heading5: headingStyle(22, 160, 60),
        heading6: headingStyle(22, 160, 60),
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, color: '555555' },
          paragraph: { indent: { left: 720 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      `${options.page[0]} `,
                      PageNumber.CURRENT,
                      ` ${options.page[1]} `,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: options.children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
