import { CloseCode } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { getHealth, metricOf } from './helpers/http'
import { residentBytes } from './helpers/process-memory'
import { closeCodeOf, openRawSocket } from './helpers/raw-socket'
import { startTestServer, tempDataDir } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

const MAX_BUFFERED_BYTES = 256 * 1024
const BLOB_BYTES = 512 * 1024
const BLOBS = 96
const RSS_GROWTH_LIMIT_MIB = 192
const PING_INTERVAL_MS = 200

describe('connection health', () => {
  const cleanup = useCleanup()

  it('S6: closes a client that stops reading with 4408 and keeps the server memory bounded', async () => {
    const server = await spawnChildServer(cleanup, await tempDataDir(cleanup), {
      MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES),
    })
    const { id, tokens } = await createBoard(server.url)
    const token = tokens.editor
    const writer = await connectClient(cleanup, server.wsBase, id, { token })
    const reader = await connectClient(cleanup, server.wsBase, id, { token })
    const slow = await openRawSocket(cleanup, `${server.wsBase}/${id}?token=${token}`)
    await waitFor(() => slow.received.length > 0, { what: 'the slow client to get the handshake' })
    slow.pause()

    const rss = () => residentBytes(server.child.pid!)
    const baseline = rss()
    const samples: Array<{ blob: number; bytes: number }> = []
    let resumed = false
    const closedSlow = async () =>
      (await metricOf(server.url, 'stip_connections_closed_total', { code: '4408' })) === 1
    for (let k = 0; k < BLOBS; k++) {
      writer.map.set('blob', String.fromCharCode(65 + (k % 26)).repeat(BLOB_BYTES))
      writer.map.set('seq', k)
      // Pace the writer by a reader that keeps up, so the load is on the server, not in the writer.
      if (k % 8 === 7) {
        await waitFor(() => reader.map.get('seq') === k, {
          timeoutMs: 20_000,
          what: `blob ${k} to arrive`,
        })
        samples.push({ blob: k, bytes: rss() })
        // Reading again once it was closed, the slow client drains what the kernel and the
        // server had queued, then the close frame; the server cuts a peer that does not read
        // its close within a few seconds, so it must not wait for the rest of the flood.
        if (!resumed && (await closedSlow())) {
          slow.resume()
          resumed = true
        }
      }
    }
    const sentBytes = BLOBS * BLOB_BYTES

    expect(await metricOf(server.url, 'stip_connections_closed_total', { code: '4408' })).toBe(1)
    expect(reader.closeCodes).toEqual([])
    expect((await getHealth(server.url)).status).toBe(200)

    expect(resumed).toBe(true)
    expect(await closeCodeOf(slow)).toBe(CloseCode.slowConsumer)
    // This is what the server kept for the slow client: loopback kernel buffers hold a few MiB
    // (~4 MiB measured), the server's own queue at most MAX_BUFFERED_BYTES plus one frame. A server
    // without the limit queues the whole flood (48 MiB) and the client would receive all of it.
    expect(slow.receivedBytes()).toBeLessThan(sentBytes / 4)

    // RSS is only a coarse guard here: every blob leaves garbage in the server (decoded strings,
    // merged updates, SQLite buffers), so RSS climbs by 60-100 MiB while the collector settles,
    // whether or not the slow client is dropped (measured: with MAX_BUFFERED_BYTES=1 GiB the
    // curve is only ~40 MiB higher). The bound on what was queued for the slow client above is the
    // discriminating check; this one catches a server that holds the whole flood several times.
    const peak = Math.max(...samples.map((s) => s.bytes))
    expect((peak - baseline) / 2 ** 20).toBeLessThan(RSS_GROWTH_LIMIT_MIB)
  })

  it('terminates a connection that stops answering pings within two intervals and keeps a healthy one', async () => {
    const server = await startTestServer(cleanup, { pingIntervalMs: PING_INTERVAL_MS })
    const { id, tokens } = await createBoard(server.url)
    const token = tokens.editor
    const healthy = await connectClient(cleanup, server.wsBase, id, { token })
    const silent = await openRawSocket(cleanup, `${server.wsBase}/${id}?token=${token}`)
    await waitFor(async () => (await metricOf(server.url, 'stip_connections')) === 2, {
      what: 'two connections',
    })

    silent.pause()
    const pausedAt = performance.now()
    await waitFor(async () => (await metricOf(server.url, 'stip_connections')) === 1, {
      timeoutMs: 5 * PING_INTERVAL_MS,
      intervalMs: 5,
      what: 'the silent connection to be dropped',
    })
    const droppedAfter = performance.now() - pausedAt
    // One interval until the next ping, one more until the missing pong is noticed; 200 ms for late
    // timers on a loaded CI machine and the 5 ms polling of /metrics.
    expect(droppedAfter).toBeLessThan(2 * PING_INTERVAL_MS + 200)
    silent.resume()
    expect(await closeCodeOf(silent)).toBe(1006)

    await sleep(4 * PING_INTERVAL_MS)
    expect(healthy.closeCodes).toEqual([])
    expect(healthy.provider.wsconnected).toBe(true)
    expect(await metricOf(server.url, 'stip_connections')).toBe(1)
  })
})
