import { dutchTerms } from './dutch-terms'

/*
 * Suggested clusters ("rode draden") from the notes' own words, in the browser, with no
 * outside service: each note becomes a TF-IDF vector of Dutch stems, notes are joined
 * bottom-up (average-linkage agglomerative clustering on cosine similarity) while the two
 * closest groups are still alike enough, and each group is named after its most telling
 * words, written as the notes wrote them.
 */

export interface ClusterInput {
  id: string
  text: string
}

export interface SuggestedCluster {
  /** A readable name from the notes' own words, e.g. "eenzaamheid · ontmoeting". */
  label: string
  noteIds: string[]
}

export interface ClusterOptions {
  /** Two groups are joined while their average cosine similarity is at least this. */
  minSimilarity?: number
  /** Words in the label. */
  labelWords?: number
}

/** Chosen on the fixture among a few values; see docs/clusters.md for what was tried. */
export const DEFAULT_MIN_SIMILARITY = 0.02

/**
 * Letter 5-grams of each stem join the stems: Dutch glues words together, and "wijkagent",
 * "huurwoningen" or "jongerenwerk" should meet "wijk", "woningen" and "jongeren".
 */
const NGRAM = 5

type Vector = Map<string, number>

/**
 * Groups of at least two notes that share words, largest first. Notes that share nothing
 * with any other stay out of every group: the facilitator places those by hand.
 */
export function suggestClusters(
  notes: readonly ClusterInput[],
  options: ClusterOptions = {},
): SuggestedCluster[] {
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY
  const terms = notes.map((note) => dutchTerms(note.text))
  const vectors = tfIdf(terms.map((list) => features(list)))
  const groups = agglomerate(vectors, minSimilarity)
  return groups
    .filter((members) => members.length >= 2)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((members) => ({
      label: labelOf(members, vectors, terms, options.labelWords ?? 2),
      noteIds: members.map((index) => notes[index]!.id),
    }))
}

/** A note's stems and their letter n-grams (marked with # so a label never uses one). */
function features(terms: readonly { stem: string }[]): string[] {
  const out: string[] = []
  for (const { stem } of terms) {
    out.push(stem)
    const padded = `_${stem}_`
    for (let i = 0; i + NGRAM <= padded.length; i++) out.push(`#${padded.slice(i, i + NGRAM)}`)
  }
  return out
}

/** L2-normalised TF-IDF vectors; a stem in every note (or in one only) weighs little. */
function tfIdf(docs: readonly string[][]): Vector[] {
  const df = new Map<string, number>()
  for (const doc of docs) for (const stem of new Set(doc)) df.set(stem, (df.get(stem) ?? 0) + 1)
  return docs.map((doc) => {
    const vector: Vector = new Map()
    for (const stem of doc) vector.set(stem, (vector.get(stem) ?? 0) + 1)
    let norm = 0
    for (const [stem, tf] of vector) {
      const weight = tf * Math.log(1 + docs.length / df.get(stem)!)
      vector.set(stem, weight)
      norm += weight * weight
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (const [stem, weight] of vector) vector.set(stem, weight / norm)
    return vector
  })
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let sum = 0
  for (const [stem, weight] of small) sum += weight * (large.get(stem) ?? 0)
  return sum
}

/**
 * Average linkage: the similarity of two groups is the mean over every pair of their notes.
 * O(n³) on the pair table, which is nothing for the few hundred notes of one werkvorm.
 */
function agglomerate(vectors: readonly Vector[], minSimilarity: number): number[][] {
  const n = vectors.length
  const pair = vectors.map((a) => vectors.map((b) => cosine(a, b)))
  const groups: (number[] | null)[] = vectors.map((_, index) => [index])
  // link[i][j]: summed similarity between the notes of group i and group j.
  const link = pair.map((row) => [...row])
  for (;;) {
    let best = { i: -1, j: -1, similarity: minSimilarity }
    for (let i = 0; i < n; i++) {
      const gi = groups[i]
      if (!gi) continue
      for (let j = i + 1; j < n; j++) {
        const gj = groups[j]
        if (!gj) continue
        const similarity = link[i]![j]! / (gi.length * gj.length)
        if (similarity >= best.similarity && (best.i < 0 || similarity > best.similarity)) {
          best = { i, j, similarity }
        }
      }
    }
    if (best.i < 0) break
    const { i, j } = best
    groups[i] = [...groups[i]!, ...groups[j]!]
    groups[j] = null
    for (let k = 0; k < n; k++) {
      if (!groups[k] || k === i) continue
      const joined = link[i]![k]! + link[j]![k]!
      link[i]![k] = joined
      link[k]![i] = joined
    }
  }
  return groups.filter((group): group is number[] => group !== null)
}

/**
 * The words the group's notes share: stems ranked by how many of its notes use them, then by
 * their weight (rarer on the board weighs more), each written as the notes wrote it most often.
 */
function labelOf(
  members: readonly number[],
  vectors: readonly Vector[],
  terms: readonly { stem: string; word: string }[][],
  words: number,
): string {
  const notesWith = new Map<string, number>()
  const weight = new Map<string, number>()
  const spelled = new Map<string, Map<string, number>>()
  for (const index of members) {
    for (const stem of new Set(terms[index]!.map((term) => term.stem))) {
      notesWith.set(stem, (notesWith.get(stem) ?? 0) + 1)
      weight.set(stem, (weight.get(stem) ?? 0) + (vectors[index]!.get(stem) ?? 0))
    }
    for (const { stem, word } of terms[index]!) {
      const counts = spelled.get(stem) ?? new Map<string, number>()
      counts.set(word, (counts.get(word) ?? 0) + 1)
      spelled.set(stem, counts)
    }
  }
  return [...notesWith]
    .sort(
      (a, b) => b[1] - a[1] || weight.get(b[0])! - weight.get(a[0])! || a[0].localeCompare(b[0]),
    )
    .slice(0, words)
    .map(([stem]) => mostUsed(spelled.get(stem)!))
    .join(' · ')
}

function mostUsed(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0]
}
