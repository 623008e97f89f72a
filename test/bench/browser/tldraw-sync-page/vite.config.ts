import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The tldraw sync page of the browser benchmark, built apart from Stip's client:
//   node_modules/.bin/vite build --config test/bench/browser/tldraw-sync-page/vite.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  logLevel: 'warn',
})
