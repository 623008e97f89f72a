// Hocuspocus for the benchmark: @hocuspocus/server with its defaults and no extensions (no
// persistence, like the reference), on 127.0.0.1 and PORT. It speaks its own protocol
// (documentName-prefixed y-protocols messages), so clients are @hocuspocus/provider.
// Plain .mjs so it runs under bare node, without tsx in the measured process.
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
})
await server.listen()
process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address.port })}\n`)
