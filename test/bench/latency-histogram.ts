/**
 * Fixed-resolution latency histogram: 0.1 ms buckets up to 10 s, plus one overflow bucket.
 * Buckets are plain counts so worker threads can ship them to the main thread as a
 * Uint32Array and the main thread can merge them by addition, which a list of
 * percentiles could not do.
 */
export const BUCKET_MS = 0.1
export const BUCKET_COUNT = 100_001

export interface LatencySummary {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export function createHistogram(): Uint32Array {
  return new Uint32Array(BUCKET_COUNT)
}

export function recordLatency(histogram: Uint32Array, ms: number): void {
  // Clock skew between threads can make a tiny latency negative; count it as zero.
  const index = Math.min(BUCKET_COUNT - 1, Math.max(0, Math.round(ms / BUCKET_MS)))
  histogram[index] = (histogram[index] ?? 0) + 1
}

export function mergeHistograms(histograms: Uint32Array[]): Uint32Array {
  const merged = createHistogram()
  for (const histogram of histograms) {
    for (let i = 0; i < BUCKET_COUNT; i++) merged[i] = (merged[i] ?? 0) + (histogram[i] ?? 0)
  }
  return merged
}

export function summarize(histogram: Uint32Array): LatencySummary {
  let count = 0
  let sum = 0
  let max = 0
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = histogram[i] ?? 0
    if (n === 0) continue
    count += n
    sum += n * i * BUCKET_MS
    max = i * BUCKET_MS
  }
  const percentile = (p: number): number => {
    if (count === 0) return Number.NaN
    const rank = Math.ceil(p * count)
    let seen = 0
    for (let i = 0; i < BUCKET_COUNT; i++) {
      seen += histogram[i] ?? 0
      if (seen >= rank) return round(i * BUCKET_MS)
    }
    return round(max)
  }
  return {
    count,
    p50: percentile(0.5),
    p95: percentile(0.95),
    p99: percentile(0.99),
    max: round(max),
    mean: count === 0 ? Number.NaN : round(sum / count),
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
