/**
 * The manifesto's canonical Markdown as a person reads it: no heading hashes, emphasis
 * markers, quote marks or escapes; list items keep a bullet (or their number). A stale
 * signature shows what changed in this text, not in the Markdown it is stored as.
 */
export function readableManifestoText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      dropEscapes(
        stripEmphasis(
          line
            .replace(/\\$/, '')
            .replace(/^#{1,6}\s+/, '')
            .replace(/^>\s?/, '')
            .replace(/^(\s*)[-+*]\s+/, '$1• '),
        ),
      ),
    )
    .join('\n')
}

/** `**bold**` and `*italic*` lose their markers; escaped ones (`\*`) stay for unescape. */
function stripEmphasis(line: string): string {
  return line.replace(/(?<!\\)\*{1,3}(?=\S)([^*]*?\S)(?<!\\)\*{1,3}/g, '$1')
}

function dropEscapes(line: string): string {
  return line.replace(/\\([\\*_`#>.)+-])/g, '$1')
}
