import { readFileSync } from 'node:fs'
import path from 'node:path'
// fontkit has no type declarations; pdfkit (which depends on it) takes its font objects as is.
// @ts-expect-error -- untyped module
import * as fontkit from 'fontkit'
import { serverRoot } from '../server-root'

/**
 * Noto Sans (SIL Open Font License, server/assets/fonts/OFL.txt): one family that covers every
 * Latin script the partners' names use (Ĳ, ş, ı, Ł, Ø, ḥ, ʿ…), plus Greek and Cyrillic. PDFs
 * embed the glyphs they use; nothing is fetched at run time.
 */
export const FONT_FAMILY = 'Noto Sans'

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic'

const FILES: Record<FontStyle, string> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
  boldItalic: 'NotoSans-BoldItalic.ttf',
}

// From the server package's root, not this module: bundled, it runs from server/dist/.
const FONT_DIR = path.join(serverRoot, 'assets', 'fonts')

/** Absolute paths of the font files, for renderers that load fonts by path (resvg). */
export function fontPaths(): string[] {
  return Object.values(FILES).map((file) => path.join(FONT_DIR, file))
}

/** A parsed font, as pdfkit takes it (typed as its accepted source so no cast spreads). */
export type ParsedFont = Uint8Array

let parsed: Record<FontStyle, ParsedFont> | null = null

/**
 * The four fonts, parsed once per process. pdfkit would parse a font file per document, and
 * the first text set in Noto builds its shaping tables (a large GPOS for every diacritic):
 * about half a second per style per document. Kept, they cost that once; each document still
 * embeds its own subset.
 */
export function documentFonts(): Record<FontStyle, ParsedFont> {
  const open = (style: FontStyle): ParsedFont =>
    fontkit.create(readFileSync(path.join(FONT_DIR, FILES[style]))) as ParsedFont
  parsed ??= {
    regular: open('regular'),
    bold: open('bold'),
    italic: open('italic'),
    boldItalic: open('boldItalic'),
  }
  return parsed
}

/** The font style of a run of text. */
export function fontStyleOf(run: { bold?: boolean; italic?: boolean }): FontStyle {
  if (run.bold && run.italic) return 'boldItalic'
  if (run.bold) return 'bold'
  if (run.italic) return 'italic'
  return 'regular'
}
