/**
 * Text as XML 1.0 allows it: control characters (which any client could type into a note)
 * would make Word refuse the whole file.
 */
export function xmlText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly these is the point
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

/** Text without the control characters fonts have no glyph for (they print as empty boxes). */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly these is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
}
