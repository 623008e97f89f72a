/**
 * The one method tldraw's note and geo utils call on their label-size cache (tldraw's
 * `WeakCache.get`), so a {@link LabelSizeCache} can stand in for it.
 */
export interface LabelSizeCache<Item, Size> {
  get(item: Item, measure: (item: Item) => Size): Size
}

/** Stip's own side of the cache: batch measuring asks and fills it without a measure call. */
export interface ContentKeyedLabelCache<Item, Size> extends LabelSizeCache<Item, Size> {
  has(item: Item): boolean
  set(item: Item, size: Size): void
}

/**
 * A label-size cache keyed by what the measurement reads instead of by record object.
 * tldraw keys its cache on the record, and every record Stip's binding puts (a move
 * included) is a new object, so each one was measured in the DOM again. Keyed by content,
 * a moved shape, or a second shape with the same text and style, costs no measuring.
 * Least recently used entries go first once `limit` is passed, so a long session with many
 * edits keeps a bounded amount of memory.
 */
export function createLabelSizeCache<Item, Size>(
  keyOf: (item: Item) => string,
  limit: number,
): ContentKeyedLabelCache<Item, Size> {
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest entry first.
  const sizes = new Map<string, Size>()
  const remember = (key: string, size: Size) => {
    sizes.set(key, size)
    if (sizes.size > limit) {
      const oldest = sizes.keys().next()
      if (!oldest.done) sizes.delete(oldest.value)
    }
  }
  return {
    has: (item) => sizes.has(keyOf(item)),
    set: (item, size) => remember(keyOf(item), size),
    get(item, measure) {
      const key = keyOf(item)
      const cached = sizes.get(key)
      if (cached !== undefined) {
        sizes.delete(key)
        sizes.set(key, cached)
        return cached
      }
      const size = measure(item)
      remember(key, size)
      return size
    },
  }
}

/**
 * A cache key from a label's rich text and the measurement inputs beside it. Rich text is
 * a JSON document, so its serialisation identifies it; the inputs are plain numbers and
 * strings (font family, font size, widths, …).
 */
export function labelSizeKey(
  richText: unknown,
  inputs: readonly (string | number | undefined)[],
): string {
  return JSON.stringify([richText, ...inputs])
}
