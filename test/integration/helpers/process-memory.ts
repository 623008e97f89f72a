import { readFileSync } from 'node:fs'

/** Resident set size of a live process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1])
  if (!Number.isFinite(kib)) throw new Error(`no VmRSS for process ${pid}`)
  return kib * 1024
}
