import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Browser tests: headless Debian Chromium driven by playwright-core, against the built app (dist/).
export default defineConfig({
  resolve: { alias: { $engine: here('./engine/index.ts'), $lessons: here('./lessons') } },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
