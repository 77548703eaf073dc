/**
 * The fuzzer in CI: a fixed seed, 120,000 buffers (random bytes and mutations of valid packets,
 * each decoded under 3.1.1 and 5.0, with and without spans) and 15,000 streams. For a longer run with
 * a fresh seed: `npm run fuzz` (see run.ts).
 */
import { expect, test } from 'vitest';
import { fuzz } from './fuzz.ts';

const SEED = 20_240_611;
const BUFFERS = 120_000;

test(`decoding ${BUFFERS.toLocaleString('en')} fuzzed buffers keeps every property (seed ${SEED})`, () => {
  const report = fuzz({ seed: SEED, buffers: BUFFERS, maxFailures: 3 });
  // On failure the report says which property broke, for which bytes; replay with
  // `npm run fuzz -- --seed 20240611 --buffers 120000` (the same buffers, in the same order).
  expect(report.failures).toEqual([]);
  expect(report.buffers).toBe(BUFFERS);
  // The mix reaches deep: a good share of buffers decode (mutations with a fixed remaining
  // length), most are rejected, and streams run throughout.
  expect(report.accepted).toBeGreaterThan(BUFFERS * 0.1);
  expect(report.rejected).toBeGreaterThan(BUFFERS);
  expect(report.streams).toBe(BUFFERS / 8);
}, 300_000); // about 10 s alone; generous for a busy machine
