import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles `.svelte.ts` modules (runes). Tests of runes name themselves `*.svelte.test.ts` and run in happy-dom
  // (`@vitest-environment`), so Svelte compiles them for the browser and their effects run.
  plugins: [svelte()],
  resolve: { conditions: ['browser'] },
  test: { name: 'web', include: ['src/**/*.test.ts', 'tooling/**/*.test.ts'] },
});
