/*
 * How far a suggested grouping agrees with a person's: the adjusted Rand index (1 = the same
 * grouping, about 0 = no better than chance) and the F1 of "these two notes belong together"
 * over every pair of notes. Notes left out of every suggested cluster count as alone.
 */

export interface Agreement {
  adjustedRand: number
  pairPrecision: number
  pairRecall: number
  pairF1: number
}

/** `truth` and `guess` give each note a group name; both must name the same notes. */
export function clusterAgreement(
  truth: ReadonlyMap<string, string>,
  guess: ReadonlyMap<string, string>,
): Agreement {
  const ids = [...truth.keys()]
  let both = 0
  let inTruth = 0
  let inGuess = 0
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!
      const b = ids[j]!
      const sameTruth = truth.get(a) === truth.get(b)
      const sameGuess = guess.get(a) !== undefined && guess.get(a) === guess.get(b)
      if (sameTruth) inTruth++
      if (sameGuess) inGuess++
      if (sameTruth && sameGuess) both++
    }
  }
  const pairs = (ids.length * (ids.length - 1)) / 2
  const expected = (inTruth * inGuess) / pairs
  const maximum = (inTruth + inGuess) / 2
  const pairPrecision = inGuess === 0 ? 0 : both / inGuess
  const pairRecall = inTruth === 0 ? 0 : both / inTruth
  return {
    adjustedRand: maximum === expected ? 0 : (both - expected) / (maximum - expected),
    pairPrecision,
    pairRecall,
    pairF1:
      pairPrecision + pairRecall === 0
        ? 0
        : (2 * pairPrecision * pairRecall) / (pairPrecision + pairRecall),
  }
}
