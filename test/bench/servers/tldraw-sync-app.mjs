// tldraw sync as tldraw's own Node example (templates/simple-server-example) serves it: one
// TLSocketRoom (@tldraw/sync-core) per room name over `ws`, sockets at /connect/:room with
// useSync's `sessionId` query parameter. No persistence (the other peers persist nothing
// either); rooms stay open while the process lives, so a board built earlier is still in
// memory for a new client. `staticDir` (optional) serves a built page from the same origin.
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { TLSocketRoom } from '@tldraw/sync-core'
import { WebSocketServer } from 'ws'

const contentTypes = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** Starts the server; resolves with its port and a close function. */
export function startTldrawSyncServer({ port = 0, staticDir } = {}) {
  const rooms = new Map()
  const roomFor = (id) => {
    let room = rooms.get(id)
    if (room === undefined || room.isClosed()) {
      room = new TLSocketRoom({})
      rooms.set(id, room)
    }
    return room
  }
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (staticDir !== undefined) {
      const file = path.join(
        staticDir,
        url.pathname === '/' ? 'index.html' : path.normalize(url.pathname),
      )
      if (file.startsWith(staticDir) && existsSync(file) && statSync(file).isFile()) {
        const type = contentTypes[path.extname(file)] ?? 'application/octet-stream'
        response.writeHead(200, { 'Content-Type': type })
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
      roomFor(decodeURIComponent(match[1])).handleSocketConnect({ sessionId, socket: ws })
    })
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        close: () =>
          new Promise((done) => {
            for (const room of rooms.values()) room.close()
            for (const client of wss.clients) client.terminate()
            server.close(() => done())
          }),
      })
    })
  })
}
