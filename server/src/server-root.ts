import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = '@stip/server'

/**
 * The server package's directory (server/, or server/ inside a production build): the one
 * holding its package.json, assets/ and dist/. Paths to files the server reads at run time
 * (the built client, fonts) start here, not at the reading module: a module sits in
 * server/src/… in the sources but in server/dist/ or server/dist/chunks/ once bundled, so a
 * path relative to `import.meta.url` would point elsewhere in the build.
 */
export const serverRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))

/** The nearest directory at or above `start` whose package.json is the server package's. */
export function findPackageRoot(start: string, name = PACKAGE_NAME): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (packageNameIn(dir) === name) return dir
    if (path.dirname(dir) === dir)
      throw new Error(`no package.json of ${name} at or above ${start}`)
  }
}

function packageNameIn(dir: string): string | undefined {
  const manifest = path.join(dir, 'package.json')
  if (!existsSync(manifest)) return undefined
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'))
  return typeof parsed === 'object' &&
    parsed !== null &&
    'name' in parsed &&
    typeof parsed.name === 'string'
    ? parsed.name
    : undefined
}
