// tldraw sync for the benchmark: one TLSocketRoom (@tldraw/sync-core) per room name, served
// over `ws` as tldraw's own Node example (templates/simple-server-example) does, without
// persistence (the other peers persist nothing either). Rooms stay open while the process
// lives, so a board built earlier is still in memory for a new client.
// STATIC_DIR (optional) serves a built page from the same origin (the browser benchmark).
// Plain .mjs so it runs under bare node, without tsx in the measured process.
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { TLSocketRoom } from '@tldraw/sync-core'
import { WebSocketServer } from 'ws'

const rooms = new Map()
const getRoom = (id) => {
  let room = rooms.get(id)
  if (room === undefined || room.isClosed()) {
    room = new TLSocketRoom({})
    rooms.set(id, room)
  }
  return room
}

const staticDir = process.env.STATIC_DIR
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
}
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (staticDir !== undefined) {
    const file = path.join(
      staticDir,
      url.pathname === '/' ? 'index.html' : path.normalize(url.pathname),
    )
    if (file.startsWith(staticDir) && existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      })
      createReadStream(file).pipe(response)
      return
    }
  }
  response.writeHead(url.pathname === '/' ? 200 : 404, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
const wss = new WebSocketServer({ noServer: true })
server.on('upgrade', (request, socket, head) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const match = /^\/connect\/([^/]+)$/.exec(url.pathname)
  const sessionId = url.searchParams.get('sessionId')
  if (match === null || sessionId === null) {
    socket.destroy()
    return
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    getRoom(decodeURIComponent(match[1])).handleSocketConnect({ sessionId, socket: ws })
  })
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address().port })}\n`)
})
process.on('SIGTERM', () => process.exit(0))
