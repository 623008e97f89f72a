// Builds the server for production: server/src (and the workspace packages it imports, which
// export TypeScript sources) bundled by esbuild into server/dist/*.js, run with plain `node`.
// Why a bundle and not `tsc` emit: the sources import without file extensions (tsconfig's
// "Bundler" resolution) and the workspace packages export .ts files, neither of which Node
// loads; see docs/deploy.md for the measurements behind the choice.
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const serverDir = path.join(repoRoot, 'server')
// server/dist sits one level below server/, as server/src does: paths that config.ts derives
// from import.meta.url (the server package root, the client's dist, server/assets) resolve
// the same from the source and from the build.
const outdir = path.join(serverDir, 'dist')

/**
 * Loaded from node_modules at run time instead of bundled: native addons (better-sqlite3;
 * @resvg/resvg-js, which loads a platform package's .node file), pdfkit (it reads its font
 * metrics and ICC profile from files beside its own code) and pg-native (an optional addon
 * pg requires lazily; not installed). Each must stay a production dependency of the server.
 */
const external = ['better-sqlite3', '@resvg/resvg-js', 'pdfkit', 'pg-native']

await rm(outdir, { recursive: true, force: true })
const result = await build({
  absWorkingDir: serverDir,
  entryPoints: {
    main: 'src/main.ts',
    'cli/backup': 'src/cli/backup.ts',
    'cli/restore': 'src/cli/restore.ts',
    'cli/admin': 'src/cli/admin.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20.11',
  external,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  // Bundled CommonJS dependencies (pg, ioredis, pino…) call require() for Node's built-ins;
  // an ES module has no require of its own, so give the bundle one.
  banner: {
    js: "import { createRequire as __stipCreateRequire } from 'node:module'; const require = __stipCreateRequire(import.meta.url);",
  },
})

const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, output]) => sum + output.bytes, 0)
process.stdout.write(
  `server built into ${path.relative(repoRoot, outdir)} (${(bytes / 1024 / 1024).toFixed(1)} MiB of JavaScript)\n`,
)
