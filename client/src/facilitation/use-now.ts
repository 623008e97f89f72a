import { useEffect, useState } from 'react'

/** The current time, refreshed every `intervalMs` while `active` (a paused timer needs no ticks). */
export function useNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    if (!active) return
    const handle = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(handle)
  }, [active, intervalMs])
  return now
}
