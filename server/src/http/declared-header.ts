/** A self-declared name from a header: decoded, trimmed, at most 80 characters, or null. */
export function declared(header: string | undefined): string | null {
  if (!header) return null
  let text: string
  try {
    text = decodeURIComponent(header)
  } catch {
    return null
  }
  const trimmed = text
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 80)
  return trimmed === '' ? null : trimmed
}
