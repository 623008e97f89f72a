/**
 * Registers the service worker Workbox generates at build time (see vite.config.ts), after
 * the page has loaded so its precaching never competes with opening a board. Development
 * builds have no worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker Stip still works online; only a reload without network fails.
    })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
