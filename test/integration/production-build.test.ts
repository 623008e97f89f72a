import { execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { getHealth } from './helpers/http'
import { writeManifesto } from './helpers/manifesto'
import { tempDataDir } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'
import { copyWorkingTree } from './helpers/working-tree-copy'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BUILD_TIMEOUT_MS = 200_000

/**
 * The environment of a `docker build` step: the machine's, without what the test runner adds
 * (Vitest sets NODE_ENV=test, which would make Vite build the client in development mode).
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (key === 'NODE_ENV' || key === 'NODE_OPTIONS' || key.startsWith('VITEST')) delete env[key]
  }
  return env
}

/** pdftotext (poppler-utils) reading a PDF from stdin. */
function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-', '-'])
    const out: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`pdftotext ${code}`)),
    )
    child.stdin.end(pdf)
  })
}

describe('the production build (what the Dockerfile runs)', () => {
  const cleanup = useCleanup()

  it(
    'builds a clean copy with scripts/build-production.sh; the output runs alone under plain node',
    async () => {
      const work = await tempDataDir(cleanup)
      const source = path.join(work, 'repo')
      const out = path.join(work, 'out')
      copyWorkingTree(repoRoot, source)
      expect(existsSync(path.join(source, 'node_modules'))).toBe(false)

      await promisify(execFile)('bash', ['scripts/build-production.sh', out], {
        cwd: source,
        env: buildEnvironment(),
        timeout: BUILD_TIMEOUT_MS,
        maxBuffer: 64 << 20,
      })
      // What the image's last stage copies is all there is: the tree it was built from goes.
      await rm(source, { recursive: true, force: true })

      // Production dependencies only: no TypeScript tooling, no bundler, no test runner.
      const installed = readdirSync(path.join(out, 'server/node_modules/.pnpm'))
      for (const tool of ['tsx@', 'typescript@', 'esbuild@', 'vite@', 'vitest@', '@stip+']) {
        expect(installed.filter((name) => name.startsWith(tool))).toEqual([])
      }
      expect(existsSync(path.join(out, 'server/src'))).toBe(false)

      // Started as the image's CMD starts it: `node server/dist/main.js` from the output root.
      const dataDir = path.join(work, 'data')
      const server = await spawnChildServer(
        cleanup,
        dataDir,
        { NODE_OPTIONS: '', LOG_LEVEL: 'info' },
        { entry: path.join(out, 'server/dist/main.js'), cwd: out },
      )
      const health = await getHealth(server.url)
      expect(health).toMatchObject({ status: 200, body: { ok: true } })

      // The default CLIENT_DIR is found from the build: the page and its hashed scripts are served.
      const page = await fetch(`${server.url}/b/some-board`)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toBe(readFileSync(path.join(out, 'client/dist/index.html'), 'utf8'))
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
      expect(script).toBeDefined()
      const scriptResponse = await fetch(`${server.url}${script}`)
      expect(scriptResponse.status).toBe(200)
      expect(scriptResponse.headers.get('content-type')).toContain('javascript')
      // The build's brotli and gzip copies go to browsers that accept them, the file to others.
      const scriptFile = readFileSync(path.join(out, 'client/dist', script!), 'utf8')
      for (const encoding of ['br', 'gzip', 'identity']) {
        const response = await fetch(`${server.url}${script}`, {
          headers: { 'accept-encoding': encoding },
        })
        expect(response.headers.get('content-encoding') ?? 'identity').toBe(encoding)
        expect(response.headers.get('vary')).toBe('Accept-Encoding')
        expect(await response.text()).toBe(scriptFile)
      }

      // A board is created and two real y-websocket clients sync through the built server.
      const board = await createBoard(server.url, { title: 'Samen naar 2040' })
      const writer = await connectClient(cleanup, server.wsBase, board.id, {
        token: board.tokens.editor,
      })
      const reader = await connectClient(cleanup, server.wsBase, board.id, {
        token: board.tokens.viewer,
      })
      writer.map.set('note', 'gebouwd en gestart')
      writeManifesto(
        writer.doc,
        'Wij werken samen aan de wijk.',
        'Niemand staat er in 2040 alleen voor.',
      )
      await waitFor(() => reader.map.get('note') === 'gebouwd en gestart', {
        what: 'the edit to sync',
      })

      // pdfkit (loaded from node_modules, not bundled) and its fonts work from the build.
      await waitFor(
        async () => {
          const response = await fetch(
            `${server.url}/api/boards/${board.id}/manifesto.pdf?token=${board.tokens.viewer}`,
          )
          if (response.status !== 200) return false
          return (await pdfText(Buffer.from(await response.arrayBuffer()))).includes(
            'Niemand staat er in 2040 alleen voor.',
          )
        },
        { timeoutMs: 10_000, what: 'the manifesto PDF with the ambition' },
      )

      // SIGTERM flushes and exits 0, as `docker stop` and Kubernetes expect.
      writer.destroy()
      reader.destroy()
      expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })

      // The backup CLI runs from the build too.
      const backup = path.join(work, 'backup.sqlite')
      await promisify(execFile)(
        process.execPath,
        [path.join(out, 'server/dist/cli/backup.js'), backup],
        {
          cwd: out,
          env: { ...buildEnvironment(), DATA_DIR: dataDir },
        },
      )
      expect(existsSync(backup)).toBe(true)
    },
    BUILD_TIMEOUT_MS + 60_000,
  )
})
