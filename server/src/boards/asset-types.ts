/**
 * The image types a board accepts, recognised by their first bytes, never by the name or
 * the declared type. SVG is not among them: it can carry script.
 */
const SIGNATURES: {
  mimeType: string
  extension: string
  matches: (bytes: Uint8Array) => boolean
}[] = [
  {
    mimeType: 'image/png',
    extension: 'png',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { mimeType: 'image/jpeg', extension: 'jpg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    mimeType: 'image/gif',
    extension: 'gif',
    matches: (b) =>
      startsWith(b, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) ||
      startsWith(b, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]),
  },
  {
    mimeType: 'image/webp',
    extension: 'webp',
    matches: (b) =>
      startsWith(b, [0x52, 0x49, 0x46, 0x46]) &&
      startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value)
}

export function sniffImageType(bytes: Uint8Array): { mimeType: string; extension: string } | null {
  const found = SIGNATURES.find((signature) => signature.matches(bytes))
  return found ? { mimeType: found.mimeType, extension: found.extension } : null
}
