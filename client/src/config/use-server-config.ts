import { useEffect, useState } from 'react'

export interface ServerConfig {
  tldrawLicenseKey: string | null
}

const FALLBACK: ServerConfig = { tldrawLicenseKey: null }

/** Reads `GET /api/config` once; an unreachable server (offline start) means no licence key. */
export async function fetchServerConfig(fetchImpl: typeof fetch = fetch): Promise<ServerConfig> {
  try {
    const response = await fetchImpl('/api/config', { headers: { accept: 'application/json' } })
    if (!response.ok) return FALLBACK
    const body: unknown = await response.json()
    const key = (body as { tldrawLicenseKey?: unknown } | null)?.tldrawLicenseKey
    return { tldrawLicenseKey: typeof key === 'string' && key.length > 0 ? key : null }
  } catch {
    return FALLBACK
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
