import { describe, expect, it } from 'vitest'
import { useCleanup } from './helpers/cleanup'
import { startTestServer } from './helpers/test-server'

const TLS_PROXY = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'stip.gemeente.example' }

interface Links {
  created: string[]
  renewed: string
  signing: string
}

/** Every kind of link the server hands out, each requested as if through the proxy. */
async function linksVia(url: string, headers: Record<string, string>): Promise<Links> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    })
  const response = await post('/api/boards', {
    title: 'Samen naar 2040',
    organisations: [{ name: 'Gemeente Zeist' }],
  })
  expect(response.status).toBe(201)
  const board = (await response.json()) as { id: string; links: Record<string, string> }
  const facilitator = new URLSearchParams(
    new URL(board.links.facilitator as string).hash.slice(1),
  ).get('token') as string
  const meta = (await (
    await fetch(`${url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${facilitator}` },
    })
  ).json()) as { organisations: Array<{ id: string }> }
  const renewed = await post(`/api/boards/${board.id}/links/editor`, {}, facilitator)
  expect(renewed.status).toBe(200)
  const organisationId = meta.organisations[0]?.id as string
  const signing = await post(
    `/api/boards/${board.id}/signing-links/${organisationId}`,
    {},
    facilitator,
  )
  expect(signing.status).toBe(201)
  return {
    created: Object.values(board.links),
    renewed: ((await renewed.json()) as { link: string }).link,
    signing: ((await signing.json()) as { link: string }).link,
  }
}

const allOf = (links: Links) => [...links.created, links.renewed, links.signing]

describe('share links behind a TLS reverse proxy', () => {
  const cleanup = useCleanup()

  it('use the scheme and host a trusted proxy forwarded, without PUBLIC_URL', async () => {
    const { url } = await startTestServer(cleanup, { trustedProxies: 1 })
    const links = await linksVia(url, TLS_PROXY)
    expect(allOf(links)).toHaveLength(5)
    for (const link of allOf(links)) {
      expect(link).toMatch(/^https:\/\/stip\.gemeente\.example\/b\/[\w-]+#token=[\w-]+$/)
    }
  })

  it('ignore the headers when no proxy is trusted: a client cannot choose the links', async () => {
    const { url } = await startTestServer(cleanup)
    for (const link of allOf(await linksVia(url, TLS_PROXY))) {
      expect(link.startsWith(`${url}/b/`)).toBe(true)
    }
  })

  it('take the entry the trusted proxy appended, not what the client sent before it', async () => {
    const { url } = await startTestServer(cleanup, { trustedProxies: 1 })
    const links = await linksVia(url, {
      'x-forwarded-proto': 'http, https',
      'x-forwarded-host': 'phishing.example, stip.gemeente.example',
    })
    for (const link of allOf(links))
      expect(link.startsWith('https://stip.gemeente.example/b/')).toBe(true)
  })

  it('keep PUBLIC_URL first when it is set', async () => {
    const { url } = await startTestServer(cleanup, {
      trustedProxies: 1,
      publicUrl: 'https://stip.regio.example',
    })
    for (const link of allOf(await linksVia(url, TLS_PROXY))) {
      expect(link.startsWith('https://stip.regio.example/b/')).toBe(true)
    }
  })
})
