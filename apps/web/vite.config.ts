import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { initialJsBudget } from './tooling/initial-js-budget.ts';

const api = process.env.DEBRIEF_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    svelte(),
    // The budget for what a first visit downloads; the build fails above it.
    initialJsBudget(150),
    // A service worker keeps the app itself available offline, so a reload without network still opens the board
    // (its content comes from IndexedDB). Registered from a file, not an inline script, to suit a strict CSP.
    VitePWA({
      injectRegister: 'script',
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // The blame checker's language model (wink's English model, about 1 MB gzipped) is not precached: every
        // first visit would pay for it. The page fetches it after first paint and this cache keeps it for offline
        // use; until then the rules alone mark blame.
        globIgnores: ['**/model-*.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /^\/assets\/model-[\w-]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'blame-language-model', expiration: { maxEntries: 2 } },
          },
        ],
        navigateFallback: '/index.html',
        // The API, the socket and exports are never answered from the cache.
        navigateFallbackDenylist: [/^\/api\//, /^\/collab/],
        cleanupOutdatedCaches: true,
        // The page that installed it is served by it at once, so a first visit can already go offline.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': api,
      '/collab': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
});
