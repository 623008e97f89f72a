// tldraw sync for the benchmark as a child process on 127.0.0.1:PORT (see tldraw-sync-app.mjs).
// Plain .mjs so it runs under bare node, without tsx in the measured process. STATIC_DIR
// (optional) serves a built page from the same origin, as the drag benchmark's.
import { startTldrawSyncServer } from './tldraw-sync-app.mjs'

const { port } = await startTldrawSyncServer({
  port: Number(process.env.PORT ?? 0),
  staticDir: process.env.STATIC_DIR,
})
process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`)
process.on('SIGTERM', () => process.exit(0))
