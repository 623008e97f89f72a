import { useEffect, useState } from 'react'

/** Whole seconds since `running` became true (0 while it is false), ticking once a second. */
export function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0)
  useEffect(() => {
    setSeconds(0)
    if (!running) return
    const started = performance.now()
    const timer = setInterval(
      () => setSeconds(Math.floor((performance.now() - started) / 1000)),
      1000,
    )
    return () => clearInterval(timer)
  }, [running])
  return seconds
}
