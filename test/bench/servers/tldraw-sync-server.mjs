// tldraw sync for the benchmark as a child process on 127.0.0.1:PORT (see tldraw-sync-app.mjs).
// Plain .mjs so it runs under bare node, without tsx in the measured process.
import { startTldrawSyncServer } from './tldraw-sync-app.mjs'

const { port } = await startTldrawSyncServer({ port: Number(process.env.PORT ?? 0) })
process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`)
process.on('SIGTERM', () => process.exit(0))
