export interface Summary {
  n: number
  median: number
  p95: number
  min: number
  max: number
}

/** Median, nearest-rank p95, min and max, rounded to 0.1 ms; undefined values are dropped. */
export function summarise(values: Array<number | undefined>): Summary {
  const xs = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b)
  const at = (q: number) =>
    xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))] ?? NaN
  const round = (v: number) => Math.round(v * 10) / 10
  return {
    n: xs.length,
    median: round(
      xs.length % 2 ? at(0.5) : ((xs[xs.length / 2 - 1] ?? NaN) + (xs[xs.length / 2] ?? NaN)) / 2,
    ),
    p95: round(at(0.95)),
    min: round(xs[0] ?? NaN),
    max: round(xs[xs.length - 1] ?? NaN),
  }
}

/** The 1-, 5- and 15-minute load averages, to print beside every figure. */
export async function loadAverage(): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  return (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')
}
