import net from 'node:net'
import type { Cleanup } from './cleanup'

export interface TcpProxy {
  port: number
  /** Drops every open connection and refuses new ones until resume(): a network cut. */
  cut(): void
  resume(): void
  close(): Promise<void>
}

/**
 * A minimal TCP load balancer on 127.0.0.1: each new connection goes to the next backend
 * (round robin) that accepts it, so when one backend dies its clients reconnect to another.
 * With one backend it is a plain proxy whose link can be cut, e.g. between a server and Redis.
 */
export async function startTcpProxy(
  cleanup: Cleanup,
  backendPorts: () => number[],
): Promise<TcpProxy> {
  const open = new Set<net.Socket>()
  let next = 0
  let isCut = false

  const server = net.createServer((client) => {
    if (isCut) {
      client.destroy()
      return
    }
    open.add(client)
    client.on('close', () => open.delete(client))
    client.on('error', () => client.destroy())
    client.pause()
    connectToBackend(client, backendPorts(), 0)
  })

  function connectToBackend(client: net.Socket, ports: number[], attempt: number): void {
    if (attempt >= ports.length || client.destroyed) {
      client.destroy()
      return
    }
    const port = ports[next++ % ports.length]!
    const backend = net.connect(port, '127.0.0.1')
    let connected = false
    backend.once('error', () => {
      backend.destroy()
      if (!connected) connectToBackend(client, ports, attempt + 1)
    })
    backend.once('connect', () => {
      connected = true
      open.add(backend)
      backend.on('close', () => {
        open.delete(backend)
        client.destroy()
      })
      backend.on('error', () => backend.destroy())
      client.on('close', () => backend.destroy())
      client.pipe(backend)
      backend.pipe(client)
      client.resume()
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const proxy: TcpProxy = {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      isCut = true
      for (const socket of open) socket.destroy()
    },
    resume() {
      isCut = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
  cleanup.add(() => proxy.close())
  return proxy
}
