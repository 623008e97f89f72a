import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The server areas whose SPEC.md rules the tests name by id. */
const SPECS = ['sync', 'auth', 'store', 'http', 'amendments', 'comments'].map(
  (area) => `server/src/${area}/SPEC.md`,
)

/** A rule opens a list item with its id in bold: `- **S4 Origins**`. */
const RULE = /^- \*\*([A-Z]+\d+)\b/gm

/** Where tests live: unit tests beside the code, the store contract suite, the cross-process tests. */
const TEST_FILE = /\.(test|contract)\.tsx?$/
const TEST_ROOTS = ['server/src', 'packages', 'test/integration', 'test/e2e']

function rulesOf(spec: string): string[] {
  return [...readFileSync(path.join(repo, spec), 'utf8').matchAll(RULE)].map((match) => match[1]!)
}

function testFiles(): string[] {
  return TEST_ROOTS.flatMap((root) =>
    readdirSync(path.join(repo, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => TEST_FILE.test(file) && !file.split(path.sep).includes('node_modules'))
      .map((file) => path.join(repo, root, file)),
  )
}

/**
 * The rule ids that open a test's or describe's name: `it('A2: …'`, `describe("S7: …"`,
 * `` it.each(…)(`H1: …` ``, the quote right after the call's parenthesis.
 */
function namedRules(source: string): Set<string> {
  return new Set([...source.matchAll(/\(\s*['"`]([A-Z]+\d+):\s/g)].map((match) => match[1]!))
}

describe('every rule of the server SPECs is named by a test', () => {
  const rules = SPECS.map((spec) => ({ spec, ids: rulesOf(spec) }))

  it('reads numbered rules from each SPEC, each id once', () => {
    for (const { spec, ids } of rules) expect(ids.length, spec).toBeGreaterThanOrEqual(5)
    const all = rules.flatMap(({ ids }) => ids)
    expect(new Set(all).size).toBe(all.length)
  })

  it('finds a test or describe that opens with the id of each rule', () => {
    const named = new Set(
      testFiles().flatMap((file) => [...namedRules(readFileSync(file, 'utf8'))]),
    )
    const unnamed = rules.flatMap(({ spec, ids }) =>
      ids.filter((id) => !named.has(id)).map((id) => `${id} (${spec})`),
    )
    expect(unnamed, 'rules no test names').toEqual([])
  })

  it('recognises a name only at the start of a test name', () => {
    expect(namedRules(`it('S4: stores', () => {})`)).toEqual(new Set(['S4']))
    expect(namedRules(`describe(\n  "ST6: migrates",`)).toEqual(new Set(['ST6']))
    expect(namedRules('it.each(cases)(`H1: refuses %s`, run)')).toEqual(new Set(['H1']))
    expect(namedRules(`it('keeps S4: in the middle', run)`)).toEqual(new Set())
  })
})
