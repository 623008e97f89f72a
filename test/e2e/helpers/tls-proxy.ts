import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:tls'

export interface TlsProxy {
  port: number
  close(): Promise<void>
}

/**
 * A TLS terminator in front of a local server, as a production install has (Caddy, nginx, an
 * ingress): bytes are piped both ways, so pages, API calls and websockets all pass. The
 * certificate is self-signed for `hostname` and made now with the system's openssl; the
 * browser is told to accept it (`--ignore-certificate-errors`).
 */
export async function startTlsProxy(targetPort: number, hostname: string): Promise<TlsProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'stip-tls-'))
  const keyPath = join(dir, 'key.pem')
  const certPath = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '1',
      '-subj',
      `/CN=${hostname}`,
      '-addext',
      `subjectAltName=DNS:${hostname}`,
    ],
    { stdio: 'ignore' },
  )
  const [key, cert] = await Promise.all([readFile(keyPath), readFile(certPath)])
  await rm(dir, { recursive: true, force: true })

  const openSockets = new Set<{ destroy(): void }>()
  const server = createServer({ key, cert }, (client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    openSockets.add(client)
    openSockets.add(upstream)
    client.pipe(upstream).pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
      openSockets.delete(client)
      openSockets.delete(upstream)
    }
    client.on('error', end)
    upstream.on('error', end)
    client.on('close', end)
    upstream.on('close', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TLS proxy port')
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Open keep-alive and websocket pipes would hold close() forever.
        for (const socket of openSockets) socket.destroy()
      }),
  }
}
