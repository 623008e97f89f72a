/**
 * Where a server's CPU went, from the V8 profiles `pnpm bench --cpu-prof` writes: self time
 * by function and by module (npm package, or the repo file), optionally after skipping the
 * first seconds (start-up: module loading and compilation).
 *
 *   node_modules/.bin/tsx test/bench/profile-summary.ts [--skip 3] [--top 25] a.cpuprofile ...
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
}

/** The npm package (`yjs`, `@hono/node-ws`), the repo path, or V8's own bucket. */
export function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node: (core)'
  const nm = url.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/')
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url)
  }
  const repo = /\/(server\/src\/.*|packages\/[^/]+\/src\/.*)$/.exec(url)
  return repo?.[1] ?? url.replace(/^file:\/\//, '')
}

function summarize(profile: CpuProfile, skipMs: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const byFunction = new Map<string, number>()
  // Inclusive time of the repo's own functions (each counted once per sample).
  const inclusive = new Map<string, number>()
  const byModule = new Map<string, number>()
  let elapsed = 0
  let total = 0
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000
    elapsed += delta
    if (elapsed < skipMs) return
    const frame = byId.get(id)
    if (frame === undefined) return
    total += delta
    const module = moduleOf(frame.url, frame.functionName)
    const file = frame.url.split('/').pop() ?? ''
    const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta)
    byModule.set(module, (byModule.get(module) ?? 0) + delta)
    const counted = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)
      if (f === undefined || !/\/(server|packages\/[^/]+)\/src\//.test(f.url)) continue
      const key = `${f.functionName || '(anonymous)'} ${moduleOf(f.url, f.functionName)}:${f.lineNumber + 1}`
      if (counted.has(key)) continue
      counted.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta)
    }
  })
  return { total, byFunction, byModule, inclusive }
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { skip: { type: 'string', default: '0' }, top: { type: 'string', default: '25' } },
  })
  const top = Number(values.top)
  for (const path of positionals) {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
    const { total, byFunction, byModule, inclusive } = summarize(
      profile,
      Number(values.skip) * 1000,
    )
    const idle = byModule.get('(idle)') ?? 0
    const busy = total - idle
    const table = (map: Map<string, number>) =>
      [...map.entries()]
        .filter(([name]) => !name.startsWith('(idle)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([name, ms]) => `| ${name} | ${Math.round(ms)} | ${((ms / busy) * 100).toFixed(1)} % |`,
        )
    console.log(`\n## ${path}\n`)
    console.log(
      `profiled ${(total / 1000).toFixed(1)} s after skipping ${values.skip} s; busy ${(busy / 1000).toFixed(2)} s\n`,
    )
    console.log('| module | self ms | share of busy |\n|---|---:|---:|')
    console.log(table(byModule).join('\n'))
    console.log('\n| function | self ms | share of busy |\n|---|---:|---:|')
    console.log(table(byFunction).join('\n'))
    console.log('\n| repo function (inclusive) | ms | share of busy |\n|---|---:|---:|')
    console.log(table(inclusive).join('\n'))
  }
}

main()
