import { useEffect, useState } from 'react'

/**
 * What tldraw renders in place of its editor once its licence check has failed in production
 * (tldraw's LicenseProvider: `LicenseGate`, "a hidden div that can be detected by tests").
 * The licence state itself is internal to tldraw, so the rendered fallback is the signal.
 */
const LICENCE_GATE = '[data-testid="tl-license-expired"]'

/**
 * True once tldraw has replaced the canvas inside `host` with its licence gate. Watches only
 * direct children (of the host and of tldraw's container), so drawing on the canvas, which
 * changes the DOM deep inside, never wakes it.
 */
export function useTldrawLicenceGate(host: HTMLElement | null): boolean {
  const [gated, setGated] = useState(false)
  useEffect(() => {
    if (!host) return
    const observer = new MutationObserver(check)
    observer.observe(host, { childList: true })
    function check() {
      if (!host) return
      for (const child of host.children) {
        if (child.classList.contains('tl-container')) observer.observe(child, { childList: true })
      }
      setGated(host.querySelector(`:scope > .tl-container > ${LICENCE_GATE}`) !== null)
    }
    check()
    return () => observer.disconnect()
  }, [host])
  return gated
}
