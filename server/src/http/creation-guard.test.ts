import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { memoryRateLimit } from '../limits/rate-limit'
import { createLogger } from '../logger'
import { CREATION_KEY_HEADER, creationRules } from './creation-guard'
import { jsonErrors } from './http-error'

const KEY = 'gemeente-sleutel-2040'

function appWith(rules: Parameters<typeof creationRules>[0], maxFailures = 3) {
  const failures = memoryRateLimit({ name: 'test', max: maxFailures, windowMs: 60_000 })
  const app = new Hono()
  app.post('/boards', creationRules(rules, failures).guard, (c) => c.json({ created: true }, 201))
  app.onError(jsonErrors(createLogger('silent')))
  return app
}

/** A request as if it came from `address` (the Node adapter's socket, as the server sees it). */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })

async function post(app: Hono, headers: Record<string, string> = {}, address = '127.0.0.1') {
  const response = await app.request('/boards', { method: 'POST', headers }, from(address))
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('who may create boards', () => {
  it('lets anyone create when neither a key nor an allow-list is set', async () => {
    expect(
      (await post(appWith({ boardCreationKey: undefined, boardCreationAllow: undefined }))).status,
    ).toBe(201)
  })

  it('asks for the key with 401 and a code, refuses a wrong one, admits the right one', async () => {
    const app = appWith({ boardCreationKey: KEY, boardCreationAllow: undefined })
    expect(await post(app)).toEqual({
      status: 401,
      body: { error: 'creating a board needs the creation key', code: 'creation-key-required' },
    })
    expect((await post(app, { [CREATION_KEY_HEADER]: 'raden-is-niet-weten' })).body.code).toBe(
      'creation-key-wrong',
    )
    expect((await post(app, { [CREATION_KEY_HEADER]: KEY })).status).toBe(201)
  })

  it('slows an address that keeps guessing the key, while the right key still works', async () => {
    const app = appWith({ boardCreationKey: KEY, boardCreationAllow: undefined }, 2)
    for (let i = 0; i < 2; i++) await post(app, { [CREATION_KEY_HEADER]: `fout-${i}` })
    expect((await post(app, { [CREATION_KEY_HEADER]: 'fout-3' })).status).toBe(429)
    expect((await post(app, { [CREATION_KEY_HEADER]: KEY })).status).toBe(201)
  })

  it('refuses addresses outside the allow-list with 403, IPv4-mapped addresses included', async () => {
    const app = appWith({
      boardCreationKey: undefined,
      boardCreationAllow: [
        { address: '10.20.0.0', prefix: 16, family: 'ipv4' },
        { address: '2001:db8::', prefix: 32, family: 'ipv6' },
      ],
    })
    expect((await post(app, {}, '10.20.3.4')).status).toBe(201)
    expect((await post(app, {}, '::ffff:10.20.3.4')).status).toBe(201)
    expect((await post(app, {}, '2001:db8::7')).status).toBe(201)
    expect(await post(app, {}, '10.21.0.1')).toEqual({
      status: 403,
      body: { error: 'boards may not be created from this address', code: 'creation-not-allowed' },
    })
  })

  it('needs both the address and the key when both are set', async () => {
    const app = appWith({
      boardCreationKey: KEY,
      boardCreationAllow: [{ address: '192.168.1.0', prefix: 24, family: 'ipv4' }],
    })
    expect((await post(app, { [CREATION_KEY_HEADER]: KEY }, '192.168.2.1')).status).toBe(403)
    expect((await post(app, {}, '192.168.1.9')).status).toBe(401)
    expect((await post(app, { [CREATION_KEY_HEADER]: KEY }, '192.168.1.9')).status).toBe(201)
  })
})
