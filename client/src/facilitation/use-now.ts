import { useEffect, useState } from 'react'
import { serverNow } from '../config/server-clock'

/** The current time, refreshed every `intervalMs` while `active` (a paused timer needs no ticks). */
export function useNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => serverNow())
  useEffect(() => {
    setNow(serverNow())
    if (!active) return
    const handle = setInterval(() => setNow(serverNow()), intervalMs)
    return () => clearInterval(handle)
  }, [active, intervalMs])
  return now
}
