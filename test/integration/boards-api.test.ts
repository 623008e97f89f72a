import path from 'node:path'
import { PROTOCOL_VERSION } from '@stip/protocol'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { startTestServer } from './helpers/test-server'

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
])

describe('the boards API', () => {
  const cleanup = useCleanup()

  it('creates a board with organisations and three links that carry the token in the fragment', async () => {
    const { url } = await startTestServer(cleanup)
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Noordoostpolder 2040',
        template: 'hebben-zaaien',
        organisations: [{ name: 'Gemeente', color: '#1f5fa8' }, { name: 'GGD' }],
      }),
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as { id: string; links: Record<string, string> }
    for (const role of ['facilitator', 'editor', 'viewer']) {
      const link = new URL(created.links[role]!)
      expect(link.pathname).toBe(`/b/${created.id}`)
      expect(link.search).toBe('')
      expect(link.hash).toMatch(/^#token=[A-Za-z0-9_-]{32}$/)
    }
    const token = new URLSearchParams(new URL(created.links.editor!).hash.slice(1)).get('token')
    const board = await (
      await fetch(`${url}/api/boards/${created.id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()
    expect(board).toMatchObject({
      title: 'Noordoostpolder 2040',
      template: 'hebben-zaaien',
      role: 'editor',
      organisations: [
        { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
        { id: 'ggd', name: 'GGD' },
      ],
    })
  })

  it('answers 401 without a valid token and never reveals which boards exist', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const none = await fetch(`${url}/api/boards/${board.id}`)
    const wrong = await fetch(`${url}/api/boards/${board.id}`, {
      headers: { authorization: 'Bearer nope-nope-nope-nope' },
    })
    const unknown = await fetch(`${url}/api/boards/unknown`, {
      headers: { authorization: `Bearer ${board.tokens.editor}` },
    })
    for (const response of [none, wrong, unknown]) {
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ error: 'missing or wrong token' })
    }
  })

  it('says what is wrong with a bad body: unknown template, bad colour, missing title, not JSON, too big', async () => {
    const { url } = await startTestServer(cleanup)
    const post = (body: string) =>
      fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    const cases: [string, RegExp][] = [
      [JSON.stringify({ title: 'x', template: 'brainstorm' }), /template must be one of/],
      [
        JSON.stringify({ title: 'x', organisations: [{ name: 'GGD', color: 'red' }] }),
        /organisations\.0\.color/,
      ],
      [JSON.stringify({ organisations: [] }), /title/],
      [JSON.stringify({ title: 'x', extra: 1 }), /extra/],
      ['{"title": ', /JSON/],
    ]
    for (const [body, message] of cases) {
      const response = await post(body)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(message)
    }
    const huge = await post(JSON.stringify({ title: 'x'.repeat(100_000) }))
    expect(huge.status).toBe(413)
  })

  it('never answers 500 and stores nothing for random or malformed bodies', async () => {
    const { url, dataDir } = await startTestServer(cleanup)
    const anyBody = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string(),
      fc
        .record({ title: fc.anything(), template: fc.anything(), organisations: fc.anything() })
        .map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    )
    let created = 0
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const response = await fetch(`${url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
        const answer = (await response.json()) as { error?: string }
        if (response.status === 201) {
          created++
          return
        }
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
        expect(typeof answer.error).toBe('string')
      }),
      { numRuns: 150 },
    )
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    // Only the accepted bodies left anything behind: one board and three token hashes each.
    const db = new Database(path.join(dataDir, 'stip.sqlite'), { readonly: true })
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(count('boards')).toBe(created)
    expect(count('board_tokens')).toBe(created * 3)
    expect(count('board_updates')).toBe(0)
    db.close()
  })

  it('takes PNG uploads from editors and serves them with the right headers to token holders', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    const upload = await fetch(`${url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${board.tokens.editor}`,
        'x-file-name': 'kaart <script>.png',
      },
      body: PNG,
    })
    expect(upload.status).toBe(201)
    const { src } = (await upload.json()) as { src: string }
    const image = await fetch(`${url}${src}?token=${board.tokens.viewer}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    expect(image.headers.get('content-disposition')).toBe('inline; filename="kaart__script_.png"')
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG)
    expect((await fetch(`${url}${src}`)).status).toBe(401)
  })

  it('refuses an oversized file, a wrong type, an SVG with script, and uploads by viewers', async () => {
    const { url } = await startTestServer(cleanup, { maxAssetBytes: 4096 })
    const board = await createBoard(url)
    const upload = (body: Uint8Array<ArrayBuffer> | string, token = board.tokens.editor) =>
      fetch(`${url}/api/boards/${board.id}/assets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
      })
    expect((await upload(new Uint8Array(10_000))).status).toBe(413)
    expect((await upload('just some text')).status).toBe(415)
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    const svgResponse = await upload(svg)
    expect(svgResponse.status).toBe(415)
    expect(((await svgResponse.json()) as { error: string }).error).toMatch(
      /PNG, JPEG, GIF and WebP/,
    )
    expect((await upload(PNG, board.tokens.viewer)).status).toBe(403)
  })

  it('sends the security headers on every page', async () => {
    const { url } = await startTestServer(cleanup)
    const response = await fetch(`${url}/healthz`)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    // No third party but tldraw's licence beacon, which its licence says not to interfere with.
    expect(csp.match(/https?:\/\/[^\s;]+/g)).toEqual(['https://cdn.tldraw.com'])
    expect(csp).toContain("connect-src 'self' https://cdn.tldraw.com")
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('the client configuration', () => {
  const cleanup = useCleanup()

  it('hands the client the tldraw licence key (null when none is set), its clock and its protocol version', async () => {
    const withKey = await startTestServer(cleanup, { tldrawLicenseKey: 'tldraw-test-key' })
    const withoutKey = await startTestServer(cleanup)
    const before = Date.now()
    expect(await (await fetch(`${withKey.url}/api/config`)).json()).toEqual({
      tldrawLicenseKey: 'tldraw-test-key',
      serverTime: expect.any(Number),
      protocolVersion: PROTOCOL_VERSION,
      boardCreation: { keyRequired: false, keyHeader: 'stip-creation-key', addressAllowed: true },
    })
    const config = (await (await fetch(`${withoutKey.url}/api/config`)).json()) as {
      tldrawLicenseKey: unknown
      serverTime: number
    }
    expect(config.tldrawLicenseKey).toBeNull()
    expect(config.serverTime).toBeGreaterThanOrEqual(before)
    expect(config.serverTime).toBeLessThanOrEqual(Date.now())
  })
})
