/** What can be found: a note, a label on the board (werkvorm, section, text) or a manifesto passage. */
export type SearchKind = 'note' | 'label' | 'manifesto'

export interface SearchItem {
  kind: SearchKind
  /** The shape id, or the manifesto block's index. */
  id: string
  text: string
  authorName: string | null
  organisation: string | null
}

export type SearchField = 'text' | 'authorName' | 'organisation'

/** A stretch of the original (unfolded) field text that matched, [start, end). */
export type MatchRange = readonly [number, number]

export interface SearchHit {
  item: SearchItem
  score: number
  /** Per field, the stretches to highlight. */
  ranges: Partial<Record<SearchField, MatchRange[]>>
}

const FIELDS: readonly SearchField[] = ['text', 'authorName', 'organisation']

/**
 * Text folded for matching: no accents, lower case ("Één" → "een"). `origin[i]` is the index in
 * the original text of folded character i, so a match maps back for highlighting.
 */
export function foldForSearch(text: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  let index = 0
  for (const char of text) {
    const plain = char
      .normalize('NFKD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase()
    for (const part of plain) {
      folded += part
      origin.push(index)
    }
    index += char.length
  }
  origin.push(index)
  return { folded, origin }
}

/** The words of a query, folded; empty words dropped. */
export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .folded.split(/[\s,.;:!?"'()]+/u)
    .filter((term) => term !== '')
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/** How well a term fits at `at` in the folded text: a whole word beats a word start beats inside. */
function placeScore(folded: string, at: number, length: number): number {
  const starts = !isWordChar(folded[at - 1])
  const ends = !isWordChar(folded[at + length])
  if (starts && ends) return 3
  if (starts) return 2
  return 1
}

// The note's own words count more than who wrote it.
const FIELD_WEIGHT: Record<SearchField, number> = { text: 3, authorName: 2, organisation: 2 }

/**
 * Every item in which each query term occurs (as a substring, ignoring accents and case) in
 * its text, author or organisation, best first: whole words over word starts over parts of
 * words, the text over the author, then the order given.
 */
export function matchSearch(items: readonly SearchItem[], query: string, limit = 50): SearchHit[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return []
  const hits: SearchHit[] = []
  for (const item of items) {
    const hit = matchItem(item, terms)
    if (hit) hits.push(hit)
  }
  // Array.prototype.sort is stable, so equal scores keep the board's order.
  return hits.sort((a, b) => b.score - a.score).slice(0, limit)
}

function matchItem(item: SearchItem, terms: readonly string[]): SearchHit | null {
  const folds = FIELDS.map((field) => {
    const value = item[field]
    return value ? { field, value, ...foldForSearch(value) } : null
  })
  const ranges: Partial<Record<SearchField, MatchRange[]>> = {}
  let score = 0
  for (const term of terms) {
    let best = 0
    for (const fold of folds) {
      if (!fold) continue
      let at = fold.folded.indexOf(term)
      while (at !== -1) {
        const fit = placeScore(fold.folded, at, term.length) * FIELD_WEIGHT[fold.field]
        best = Math.max(best, fit)
        const list = ranges[fold.field] ?? []
        list.push([fold.origin[at] ?? 0, fold.origin[at + term.length] ?? fold.value.length])
        ranges[fold.field] = list
        at = fold.folded.indexOf(term, at + term.length)
      }
    }
    if (best === 0) return null
    score += best
  }
  for (const field of FIELDS) {
    const list = ranges[field]
    if (list) ranges[field] = mergeRanges(list)
  }
  return { item, score, ranges }
}

/** Sorted, overlapping stretches joined, so a highlight never nests. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** A piece of text split into plain and highlighted parts, for rendering with <mark>. */
export function highlightParts(
  text: string,
  ranges: readonly MatchRange[] = [],
): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/**
 * A long text cut to a window around its first match (with "…"), ranges shifted to fit; a
 * manifesto paragraph or a long note then still shows the matching words in a result line.
 */
export function snippet(
  text: string,
  ranges: readonly MatchRange[] = [],
  width = 120,
): { text: string; ranges: MatchRange[] } {
  if (text.length <= width) return { text, ranges: [...ranges] }
  const first = ranges[0]?.[0] ?? 0
  let start = Math.max(0, first - Math.floor(width / 3))
  // Start at a word boundary rather than halfway through a word.
  const space = text.lastIndexOf(' ', start)
  if (start > 0 && space !== -1 && start - space < 20) start = space + 1
  const end = Math.min(text.length, start + width)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  const shifted = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as const)
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, ranges: shifted }
}
