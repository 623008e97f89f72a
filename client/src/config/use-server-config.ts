import { useEffect, useState } from 'react'
import { safeLocalStorage } from '../storage/safe-local-storage'
import { learnServerTime } from './server-clock'

export interface ServerConfig {
  tldrawLicenseKey: string | null
  /** What creating a board needs here (BOARD_CREATION_KEY / BOARD_CREATION_ALLOW). */
  boardCreation: BoardCreationRules
}

export interface BoardCreationRules {
  keyRequired: boolean
  /** The header the key goes in. */
  keyHeader: string
  addressAllowed: boolean
}

const OPEN_CREATION: BoardCreationRules = {
  keyRequired: false,
  keyHeader: 'stip-creation-key',
  addressAllowed: true,
}

const FALLBACK: ServerConfig = { tldrawLicenseKey: null, boardCreation: OPEN_CREATION }

const STORAGE_KEY = 'stip.serverConfig'

/**
 * Reads `GET /api/config`. When the server cannot be reached (a reload without network) the
 * last answer this browser saw is used: without its licence key, tldraw would blank the
 * editor on a production host.
 */
export async function fetchServerConfig(
  fetchImpl: typeof fetch = fetch,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage(),
): Promise<ServerConfig> {
  let response: Response
  const sentAt = Date.now()
  try {
    response = await fetchImpl('/api/config', { headers: { accept: 'application/json' } })
  } catch {
    return readRemembered(storage) ?? FALLBACK
  }
  if (!response.ok) return FALLBACK
  const body: unknown = await response.json().catch(() => null)
  const serverTime = (body as { serverTime?: unknown } | null)?.serverTime
  if (typeof serverTime === 'number') learnServerTime(serverTime, sentAt, Date.now())
  const key = (body as { tldrawLicenseKey?: unknown } | null)?.tldrawLicenseKey
  const config: ServerConfig = {
    tldrawLicenseKey: typeof key === 'string' && key.length > 0 ? key : null,
    boardCreation: parseCreation((body as { boardCreation?: unknown } | null)?.boardCreation),
  }
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(config))
  } catch {
    // Not remembering only matters for a later offline reload.
  }
  return config
}

function readRemembered(storage: Pick<Storage, 'getItem'> | null): ServerConfig | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null')
    const key = (parsed as { tldrawLicenseKey?: unknown } | null)?.tldrawLicenseKey
    if (parsed === null || (key !== null && typeof key !== 'string')) return null
    return {
      tldrawLicenseKey: key ?? null,
      boardCreation: parseCreation((parsed as { boardCreation?: unknown }).boardCreation),
    }
  } catch {
    return null
  }
}

function parseCreation(value: unknown): BoardCreationRules {
  const { keyRequired, keyHeader, addressAllowed } = (value ?? {}) as Record<string, unknown>
  return {
    keyRequired: keyRequired === true,
    keyHeader: typeof keyHeader === 'string' ? keyHeader : OPEN_CREATION.keyHeader,
    addressAllowed: addressAllowed !== false,
  }
}

/** undefined while loading. */
export function useServerConfig(): ServerConfig | undefined {
  const [config, setConfig] = useState<ServerConfig>()
  useEffect(() => {
    let active = true
    void fetchServerConfig().then((value) => {
      if (active) setConfig(value)
    })
    return () => {
      active = false
    }
  }, [])
  return config
}
