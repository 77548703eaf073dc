import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** The stress run (scripts/stress.mjs) asks for each test's time and timeout, one JSON line each. */
const timings = process.env.MQTTLAB_TIMINGS ? ['./test/support/timing-reporter.ts'] : [];

export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: { $engine: here('./engine/index.ts'), $lessons: here('./lessons') },
    conditions: ['browser'],
  },
  test: {
    environment: 'node',
    reporters: ['default', ...timings],
    // CI runs on two cores, beside the type check and lint or other work, which makes a test three or
    // four times slower than on a quiet machine. Every unit test takes under a fifth of this on a
    // quiet machine (`npm run stress` prints the worst seen); the heavy ones size their work to fit
    // or state a longer timeout beside them, with the reason.
    testTimeout: 20_000,
    hookTimeout: 20_000,
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
