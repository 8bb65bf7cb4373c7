import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'timeline-import', include: ['src/**/*.test.ts'] } });
