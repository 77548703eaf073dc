import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** The stress run (scripts/stress.mjs) asks for each test's time and timeout, one JSON line each. */
const timings = process.env.MQTTLAB_TIMINGS ? ['./test/support/timing-reporter.ts'] : [];

// Browser tests: headless Debian Chromium driven by playwright-core, against the built app (dist/).
export default defineConfig({
  resolve: { alias: { $engine: here('./engine/index.ts'), $lessons: here('./lessons') } },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    reporters: ['default', ...timings],
    // A browser test on a quiet machine takes a few seconds; a busy two-core machine makes it three
    // or four times slower. The stress runs saw the heaviest ("every preset > overlapping": all four
    // side panels at every stop) take 13–34 s with other work beside it, over half of 60 s: 120 s
    // keeps such a test from reaching its limit by chance. A test that needs longer says so beside it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition the page reaches (an element rendered, the run at its
    // position); it returns as soon as it holds, so a generous limit costs nothing when all is well
    // and keeps a slow machine from failing a test that only had to wait (vitest's default is 1 s).
    expect: { poll: { timeout: 20_000 } }, // WAIT_MS in test/e2e/browser.ts
    // Two files at a time, each with its own browser and server: on two cores the browser tests
    // spend much of their time waiting for pages, so the pair finishes well before one after the
    // other would (CI's 15-minute budget), and every wait is on a condition, not on time.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
