import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient, waitForEqual } from './helpers/clients'
import { getHealth, getMetrics, metricValue } from './helpers/http'
import { upgradeStatus } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

describe('HTTP endpoints', () => {
  const cleanup = useCleanup()

  it('answers GET /healthz with 200 and ok true as JSON', async () => {
    const server = await startTestServer(cleanup)
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(await response.json()).toMatchObject({ ok: true })
  })

  it('reports rooms, connections, traffic and store writes in GET /metrics after some traffic', async () => {
    const server = await startTestServer(cleanup)
    const before = await getMetrics(server.url)
    expect(metricValue(before, 'stip_messages_in_total')).toBe(0)

    const { id, tokens } = await createBoard(server.url)
    const alice = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    const bob = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    for (let i = 0; i < 20; i++) alice.map.set(`k${i}`, i)
    await waitForEqual(alice, bob)
    // The store write happens within the group-commit window after the update arrived.
    const text = await waitFor(
      async () => {
        const metrics = await getMetrics(server.url)
        return metricValue(metrics, 'stip_store_write_seconds_count') > 0 ? metrics : null
      },
      { what: 'a store write to be measured' },
    )

    for (const name of [
      'stip_rooms_open',
      'stip_connections',
      'stip_messages_in_total',
      'stip_bytes_out_total',
      'stip_store_write_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `)
    }
    expect(metricValue(text, 'stip_rooms_open')).toBe(1)
    expect(metricValue(text, 'stip_connections')).toBe(2)
    expect(metricValue(text, 'stip_messages_in_total')).toBeGreaterThanOrEqual(20)
    expect(metricValue(text, 'stip_bytes_out_total')).toBeGreaterThan(0)
    expect(metricValue(text, 'stip_store_write_seconds_bucket', { le: '+Inf' })).toBeGreaterThan(0)
  })

  it('refuses the websocket upgrade with HTTP 400 for an invalid board id', async () => {
    const server = await startTestServer(cleanup)
    expect(await upgradeStatus(`${server.wsBase}/has%20space`)).toBe(400)
    expect(await upgradeStatus(`${server.wsBase}/${'a'.repeat(100)}`)).toBe(400)
    expect(await upgradeStatus(`${server.wsBase}/${'a'.repeat(65)}`)).toBe(400)
    expect(await upgradeStatus(`${server.wsBase}/dots.are.not.allowed`)).toBe(400)
    // The longest valid id is accepted, so the refusals above are about the id alone.
    expect(await upgradeStatus(`${server.wsBase}/${'a'.repeat(64)}`)).toBeNull()
    expect((await getHealth(server.url)).status).toBe(200)
  })
})
