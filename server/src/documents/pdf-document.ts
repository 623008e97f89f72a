import PDFDocument from 'pdfkit'
import { documentFonts, type FontStyle } from './document-fonts'
import { xmlText } from './xml-text'

export const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 }

/** pdfkit's names for the registered Noto Sans styles. */
export const FONT: Record<FontStyle, string> = {
  regular: 'Stip-Regular',
  bold: 'Stip-Bold',
  italic: 'Stip-Italic',
  boldItalic: 'Stip-BoldItalic',
}

export interface PdfMetadata {
  title: string
  author: string
  subject: string
  /** BCP 47, e.g. nl-NL: the language screen readers speak the document in. */
  lang: string
}

const escapeXml = (value: unknown) =>
  xmlText(String(value ?? '')).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  )

/**
 * An A4 pdfkit document set up for PDF/UA-1: tagged, PDF 1.7, pdfuaid in the XMP, the
 * language in the catalog, the title shown by viewers, Noto Sans registered (and no
 * Helvetica loaded at all).
 */
export function createPdfDocument(metadata: PdfMetadata): PDFKit.PDFDocument {
  const fonts = documentFonts()
  const doc = new PDFDocument({
    // @types/pdfkit 0.17 knows only the PDF/A subsets; pdfkit 0.20 writes pdfuaid:part 1.
    ...({ subset: 'PDF/UA' } as object),
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: metadata.lang,
    displayTitle: true,
    // The default would load Helvetica (not embedded) into the file.
    font: fonts.regular as unknown as string,
    info: {
      Title: metadata.title,
      Author: metadata.author,
      Subject: metadata.subject,
      Creator: 'Stip',
    },
  })
  for (const style of Object.keys(FONT) as FontStyle[]) doc.registerFont(FONT[style], fonts[style])
  // pdfkit 0.20.2 writes Title, Author and Subject into the XMP metadata unescaped, so a title
  // with "&" or "<" made it invalid XML. The Info dictionary is written (from the raw values)
  // before the XMP, so only the XMP sees escaped ones.
  const internal = doc as unknown as { _addInfo(): void; info: Record<string, unknown> }
  const addInfo = internal._addInfo.bind(doc)
  internal._addInfo = () => {
    const raw = internal.info
    internal.info = {
      ...raw,
      Title: escapeXml(raw.Title),
      Author: escapeXml(raw.Author),
      Subject: escapeXml(raw.Subject),
      Creator: escapeXml(raw.Creator),
    }
    addInfo()
    internal.info = raw
  }
  return doc
}
