/**
 * `npm run fuzz`: fuzz the codec with a fresh random seed.
 *
 *   npm run fuzz                                   random seed, 2,000,000 buffers
 *   npm run fuzz -- --seed 12345                   replay a run: same seed, same buffers, same order
 *   npm run fuzz -- --buffers 500000 --minutes 5   stop at whichever comes first
 *
 * The seed is printed first, so a failure can be replayed exactly. The CI test (fuzz.test.ts) is
 * the first 120,000 buffers of `--seed 20240611`.
 */
import { parseArgs } from 'node:util';
import { type FuzzReport, fuzz } from './fuzz.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    buffers: { type: 'string', default: '2000000' },
    minutes: { type: 'string' },
    failures: { type: 'string', default: '5' },
  },
});

// The one place Math.random is used: to pick the seed, which is printed before anything runs.
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 0x1_0000_0000);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
  throw new Error(`--seed must be an integer from 0 to 4294967295, not ${values.seed}`);
const buffers = Number(values.buffers);
const deadlineMs = values.minutes !== undefined ? Date.now() + Number(values.minutes) * 60_000 : Infinity;

console.log(`fuzz seed ${seed}   (replay: npm run fuzz -- --seed ${seed} --buffers ${buffers})`);

const started = performance.now();
function line(r: FuzzReport): string {
  const s = (performance.now() - started) / 1000;
  const decodedShare = (100 * r.accepted) / Math.max(1, r.accepted + r.rejected);
  return [
    `${r.buffers.toLocaleString('en')} buffers`,
    `${r.streams.toLocaleString('en')} streams`,
    `${decodedShare.toFixed(1)}% decoded`,
    `${Math.round(r.buffers / s).toLocaleString('en')} buffers/s`,
    `${s.toFixed(1)} s`,
  ].join(', ');
}

const report = fuzz({
  seed,
  buffers,
  maxFailures: Number(values.failures),
  progressEvery: 50_000,
  onProgress: (r) => console.log(line(r)),
  shouldStop: () => Date.now() > deadlineMs,
});
if (report.buffers % 50_000 !== 0) console.log(line(report));

if (report.failures.length > 0) {
  for (const f of report.failures) {
    console.error(`\n✗ ${f.property} — buffer ${f.iteration}, MQTT ${f.version === 5 ? '5.0' : '3.1.1'}`);
    console.error(`  input: ${f.input}`);
    if (f.chunks) console.error(`  chunks: ${f.chunks.join(' ')}`);
    console.error(`  ${f.message.replace(/\n/g, '\n  ')}`);
  }
  console.error(`\nreplay: npm run fuzz -- --seed ${seed} --buffers ${report.buffers}`);
  process.exit(1);
}
console.log(`✓ no property broken (seed ${seed})`);
