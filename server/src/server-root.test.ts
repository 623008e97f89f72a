import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { findPackageRoot, serverRoot } from './server-root'

const here = path.dirname(fileURLToPath(import.meta.url))
const scratch: string[] = []
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('serverRoot', () => {
  it('is the server package directory, one above server/src', () => {
    expect(serverRoot).toBe(path.resolve(here, '..'))
  })

  it('is found from any depth below the package, as in a bundled build (dist/chunks/)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'stip-root-'))
    scratch.push(root)
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: '@stip/server' }))
    const chunks = path.join(root, 'dist', 'chunks')
    mkdirSync(chunks, { recursive: true })
    // A package.json of another name in between (a nested package) is passed over.
    writeFileSync(path.join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }))
    expect(findPackageRoot(chunks)).toBe(root)
  })

  it('fails clearly when there is no server package above', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'stip-root-'))
    scratch.push(root)
    expect(() => findPackageRoot(root)).toThrowError(/no package.json of @stip\/server/)
  })
})
