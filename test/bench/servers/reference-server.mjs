// The reference server for the sync benchmark: @y/websocket-server 0.1.1 exactly as its own
// bin (src/server.js) wires it, with the ws version that package resolves (6.x), but on
// 127.0.0.1 and PORT (0 = random), printing one JSON line with the port once listening.
// Plain .mjs so it runs under bare node, without tsx in the measured process.
import http from 'node:http'
import { createRequire } from 'node:module'
import { setupWSConnection } from '@y/websocket-server/utils'

const require = createRequire(import.meta.url)
const packageDir = require.resolve('@y/websocket-server/package.json')
const WebSocket = createRequire(packageDir)('ws')

const wss = new WebSocket.Server({ noServer: true })
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request)
  })
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port: address.port })}\n`)
})
process.on('SIGTERM', () => process.exit(0))
