import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: { $engine: here('./engine/index.ts'), $lessons: here('./lessons') },
    conditions: ['browser'],
  },
  test: {
    include: ['engine/**/*.test.ts', 'app/**/*.test.ts', 'lessons/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    environment: 'node',
  },
});
