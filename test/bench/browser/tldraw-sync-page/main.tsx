/**
 * tldraw's own multiplayer, for the browser benchmark: `<Tldraw>` with a store from `useSync`
 * (@tldraw/sync) against the TLSocketRoom server the benchmark starts (same origin,
 * /connect/:room). `?room=` names the room. The editor is exposed as `window.__bench.editor`,
 * as Stip's client exposes `window.__stip.editor`.
 */
import { useSync } from '@tldraw/sync'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { type Editor, type TLAssetStore, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'

declare global {
  interface Window {
    __bench?: { editor: Editor }
  }
}

// The benchmark moves notes; no asset is ever uploaded.
const assets: TLAssetStore = {
  upload: async () => {
    throw new Error('uploads are not part of the benchmark')
  },
  resolve: (asset) => asset.props.src,
}

const room = new URLSearchParams(location.search).get('room') ?? 'bench'

function App() {
  const store = useSync({
    uri: `${location.origin.replace(/^http/, 'ws')}/connect/${encodeURIComponent(room)}`,
    assets,
  })
  return (
    <Tldraw
      store={store}
      onMount={(editor) => {
        window.__bench = { editor }
      }}
    />
  )
}

const root = document.getElementById('root')
if (root === null) throw new Error('no #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
