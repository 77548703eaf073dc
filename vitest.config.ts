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
    environment: 'node',
    projects: [
      {
        extends: true,
        // the app's tests read both languages' strings through app/i18n, which the page loads on demand
        test: { name: 'app', include: ['app/**/*.test.ts'], setupFiles: ['test/support/i18n-setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'engine',
          include: ['engine/**/*.test.ts', 'lessons/**/*.test.ts', 'spec/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
    ],
  },
});
