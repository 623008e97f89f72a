import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { defineConfig } from 'vitest/config'
import { precompress } from './client/build/precompress.ts'

// Vitest 5's reporters call Map.groupBy, which Node 20 lacks (Node 21+ has it).
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value: <K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K) => {
      const groups = new Map<K, T[]>()
      let index = 0
      for (const item of items) {
        const key = keyOf(item, index++)
        const group = groups.get(key)
        if (group) group.push(item)
        else groups.set(key, [item])
      }
      return groups
    },
  })
}

/** Runs scripts/build-production.sh (what the Dockerfile runs) in a clean copy of the repository. */
const PRODUCTION_BUILD_TEST = 'test/integration/production-build.test.ts'
/** Eight people in Chromium for minutes: it runs last and alone (see the `soak` project). */
const SOAK_TEST = 'test/e2e/soak.test.ts'

// One config for the client build (root: client/) and for every test project.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // A service worker keeps the built app (scripts, styles, tldraw's fonts, icons and
    // translations) so a board reloaded without a network still opens from IndexedDB.
    // Workbox precaches exactly the files of this build; a new build's worker takes over
    // once every tab of the old one has closed, so a running session is never reloaded.
    VitePWA({
      injectRegister: null,
      manifest: false,
      workbox: {
        // tldraw ships ~50 translations; Stip speaks Dutch and English.
        globPatterns: ['**/*.{html,js,css,woff2,svg,png}', 'assets/{nl,en,main}-*.json'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/ws\//, /^\/healthz$/, /^\/metrics$/],
      },
    }),
    precompress(),
  ],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  // tldraw's asset package imports its files with `?url`; the dev server's pre-bundler cannot
  // load those, so it is left to Vite's normal resolution (the production build never was).
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: { '/ws': { target: 'ws://127.0.0.1:8787', ws: true }, '/api': 'http://127.0.0.1:8787' },
  },
  test: {
    root: '.',
    // Two files at a time: vitest's default on two cores is one, which ran every file one
    // after another. The browser files still run one at a time (below).
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: [
            'packages/*/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.{ts,tsx}',
            // The benchmarks' own logic (targets, summaries); the benchmarks themselves are not tests.
            'test/bench/**/*.test.ts',
          ],
          // Unit tests need no running service; those that do (`*.services.test.ts`, beside
          // the code they test) run with the integration tests.
          exclude: ['**/*.services.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['test/integration/**/*.test.ts', 'server/src/**/*.services.test.ts'],
          exclude: [PRODUCTION_BUILD_TEST, '**/node_modules/**'],
          // The integration tests start the production build of the server: build it first.
          globalSetup: ['test/integration/helpers/build-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'production-build',
          root: '.',
          include: [PRODUCTION_BUILD_TEST],
          // It installs and builds a clean copy of the repository, which loads the CPU for a
          // minute or two: a group order of its own makes it run alone, never beside the
          // timing-sensitive tests of the other projects.
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [SOAK_TEST, '**/node_modules/**'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // expect.poll's own default (1 s) is too short on a loaded machine (load 20+): a
          // reload or a round trip to the server alone can take longer there.
          expect: { poll: { timeout: 15_000 } },
          // Two Chromium files at once failed under load (at 30-39: five of the dots-on-notes
          // tests timed out); one browser file beside the unit and integration files passed.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'soak',
          root: '.',
          include: [SOAK_TEST],
          // After everything else, alone: its eight browsers and their timing are the point.
          sequence: { groupOrder: 2 },
          testTimeout: 90_000,
          hookTimeout: 90_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
})
