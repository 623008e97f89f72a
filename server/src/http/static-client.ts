import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { httpError } from './http-error'

/**
 * Serves the built client from clientDir: files as they are, or their brotli or gzip copy
 * written by the build when the browser accepts it (hashed assets cached for a year), and
 * index.html for every other GET, so /b/:boardId loads the app.
 */
export function mountStaticClient(app: Hono, clientDir: string): void {
  const indexFile = path.join(clientDir, 'index.html')
  if (fs.existsSync(clientDir)) {
    app.use('/assets/*', async (c, next) => {
      await next()
      if (c.res.status !== 200) return
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
      // Also on the uncompressed file, so a cache in between keeps one copy per encoding.
      c.header('Vary', 'Accept-Encoding')
    })
    // The service worker decides which build a browser runs: always ask for the newest.
    app.use('/sw.js', async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-cache')
    })
    app.use('*', serveStatic({ root: clientDir, precompressed: true }))
  }
  app.get('*', (c) => {
    if (!fs.existsSync(indexFile)) {
      throw httpError(503, 'the client is not built: run `pnpm build` first')
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(fs.readFileSync(indexFile, 'utf8'))
  })
}
