import { describe, expect, it } from 'vitest'
import { fetchServerConfig } from './use-server-config'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

const OPEN = { keyRequired: false, keyHeader: 'stip-creation-key', addressAllowed: true }

const answer = (body: unknown) => async () => new Response(JSON.stringify(body), { status: 200 })
const unreachable = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch')
}

describe('server config', () => {
  it('keeps the licence key the server gave for a later start without network', async () => {
    const storage = memoryStorage()
    expect(await fetchServerConfig(answer({ tldrawLicenseKey: 'tldraw-key' }), storage)).toEqual({
      tldrawLicenseKey: 'tldraw-key',
      boardCreation: OPEN,
    })
    expect(await fetchServerConfig(unreachable, storage)).toEqual({
      tldrawLicenseKey: 'tldraw-key',
      boardCreation: OPEN,
    })
  })

  it('starts without a key when the server was never reached', async () => {
    expect(await fetchServerConfig(unreachable, memoryStorage())).toEqual({
      tldrawLicenseKey: null,
      boardCreation: OPEN,
    })
  })

  it('ignores a remembered value that is not a config', async () => {
    const storage = memoryStorage()
    storage.setItem('stip.serverConfig', '{"tldrawLicenseKey":42}')
    expect(await fetchServerConfig(unreachable, storage)).toEqual({
      tldrawLicenseKey: null,
      boardCreation: OPEN,
    })
  })

  it('tells the start page when creating a board needs a key', async () => {
    const config = await fetchServerConfig(
      answer({
        tldrawLicenseKey: null,
        boardCreation: { keyRequired: true, keyHeader: 'stip-creation-key', addressAllowed: true },
      }),
      memoryStorage(),
    )
    expect(config.boardCreation).toEqual({ ...OPEN, keyRequired: true })
  })
})
