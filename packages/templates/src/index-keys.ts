import type { TLShape } from '@tldraw/tlschema'

type IndexKey = TLShape['index']

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * The n-th fractional index key (n >= 1) in tldraw's format: `a1`…`az`, then `b01`…, so keys
 * sort in creation order without depending on @tldraw/utils.
 */
export function indexKeyAt(n: number): IndexKey {
  if (n < 1) throw new RangeError('index keys start at 1')
  if (n < DIGITS.length) return `a${DIGITS[n]}` as IndexKey
  const m = n - DIGITS.length + 1
  const high = Math.floor(m / DIGITS.length)
  const low = m % DIGITS.length
  // A key must not end in 0 only in its fractional part; `b` keys are integers, so `b10` is fine.
  return `b${DIGITS[high]}${DIGITS[low]}` as IndexKey
}
