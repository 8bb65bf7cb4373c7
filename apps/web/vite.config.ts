import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const api = process.env.DEBRIEF_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': api,
      '/collab': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
});
