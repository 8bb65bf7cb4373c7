import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'blame-lint', include: ['src/**/*.test.ts'] } });
