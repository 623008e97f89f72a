import { useState } from 'react'
import { apiFetch } from '../api/http'
import { useBoardContext } from '../board/board-context'

export interface Download {
  /** The key of the download under way, or null. */
  busy: string | null
  /** The key of the download that failed last, or null. */
  failed: string | null
  /** The key of the download that finished last, or null (cleared by the next start). */
  done: string | null
  start(key: string, path: string, fallbackName: string): Promise<void>
}

/**
 * Fetches an export with the token in a header (not in the URL, so it reaches no log or
 * history), shows it as busy while the server makes it, then hands it to the browser as a
 * file under the server's name for it. One download at a time.
 */
export function useDownload(): Download {
  const { token } = useBoardContext()
  const [busy, setBusy] = useState<string | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function start(key: string, path: string, fallbackName: string) {
    setBusy(key)
    setFailed(null)
    setDone(null)
    try {
      const response = await apiFetch(path, { token })
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1]
      const url = URL.createObjectURL(await response.blob())
      const anchor = document.createElement('a')
      anchor.href = url
      anchor.download = name ?? fallbackName
      anchor.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      setDone(key)
    } catch {
      setFailed(key)
    } finally {
      setBusy(null)
    }
  }

  return { busy, failed, done, start }
}
