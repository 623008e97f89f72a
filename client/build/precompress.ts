import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text formats worth compressing; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|json|svg|webmanifest)$/
/** Below this a compressed copy saves less than its own request headers. */
const MIN_BYTES = 1024

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the build,
 * which the server sends to browsers that accept them (serveStatic's `precompressed`). A board
 * page loads 4.18 MB of script and styles; brotli makes it 0.98 MB, which counts for a remote
 * partner on a phone or a workshop's shared Wi-Fi when no proxy in front of Stip compresses.
 * Done once at build time at the highest levels, so serving costs nothing.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'stip:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    // After every other plugin has written its files (the service worker included).
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = await compressibleFiles(outDir)
        await Promise.all(files.map(writeCompressedCopies))
      },
    },
  }
}

async function compressibleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  const sizes = await Promise.all(files.map((file) => stat(file).then((s) => s.size)))
  return files.filter((_, i) => sizes[i]! >= MIN_BYTES)
}

async function writeCompressedCopies(file: string): Promise<void> {
  const content = await readFile(file)
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
}
