// `npm run stress`: the whole of `npm test`, N times in a row, on a fresh clone of the committed
// HEAD, optionally with every core kept busy by a load generator this script starts and stops. It
// prints, per test, the worst time seen against the timeout the test runs under, and every failure,
// so a test that depends on the machine's speed shows up before CI finds it by chance.
//
//   npm run stress                        5 runs, the last 2 under load
//   npm run stress -- --runs 3 --loaded 1 --keep
//
// --runs N     how many runs of `npm test` (default 5)
// --loaded L   how many of them (the last L) run with every core kept busy (default 2)
// --keep       keep the clone and the timing files (printed at the end)
import { spawn, spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './ensure.mjs';

const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = argument('runs', 5);
const loaded = Math.min(argument('loaded', 2), runs);
const keep = process.argv.includes('--keep');

const work = mkdtempSync(join(tmpdir(), 'mqtt-lab-stress-'));
const clone = join(work, 'repo');
const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
console.log(`› Cloning ${head} into ${clone}`);
if (spawnSync('git', ['clone', '--quiet', root, clone], { stdio: 'inherit' }).status !== 0) process.exit(1);

/** Keeps every core busy with a spinning process until stopped. */
function startLoad() {
  const spinners = cpus().map(() =>
    spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random());'], { stdio: 'ignore' }),
  );
  return () => spinners.forEach((child) => child.kill('SIGKILL'));
}
let stopLoad = () => {};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopLoad(), process.exit(130)));

/** One `npm test` in the clone; resolves with its exit status and seconds. */
function npmTest(timings) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['test'], {
      cwd: clone,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MQTTLAB_TIMINGS: timings, FORCE_COLOR: '0' },
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ status, seconds, output: Buffer.concat(output).toString() });
    });
  });
}

const results = [];
for (let run = 1; run <= runs; run++) {
  const underLoad = run > runs - loaded;
  const timings = join(work, `timings-${run}.jsonl`);
  console.log(`\n━━ run ${run} of ${runs}${underLoad ? `, with ${cpus().length} cores kept busy` : ''} ━━`);
  if (underLoad) stopLoad = startLoad();
  const result = await npmTest(timings);
  stopLoad();
  stopLoad = () => {};
  const lines = existsSync(timings)
    ? readFileSync(timings, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  const stages = result.output.match(/^[✓✗] .*\(\d+(\.\d+)? s\)$/gmu) ?? [];
  console.log(stages.join('\n'));
  console.log(
    `${result.status === 0 ? '✓ green' : '✗ RED'} in ${result.seconds.toFixed(0)} s, ${lines.length} tests timed`,
  );
  if (result.status !== 0) console.log(result.output.split('\n').slice(-60).join('\n'));
  results.push({ run, underLoad, ...result, lines });
}

// Per test: the worst time over all runs, against its timeout.
const worst = new Map();
for (const { run, underLoad, lines } of results) {
  for (const line of lines) {
    const key = `${line.file} › ${line.name}`;
    const seen = worst.get(key) ?? { ...line, quietMs: 0, loadedMs: 0, failures: [] };
    if (underLoad) seen.loadedMs = Math.max(seen.loadedMs, line.durationMs);
    else seen.quietMs = Math.max(seen.quietMs, line.durationMs);
    seen.timeoutMs = line.timeoutMs;
    if (line.state === 'failed') seen.failures.push(`run ${run}: ${line.error ?? 'failed'}`);
    worst.set(key, seen);
  }
}
const rows = [...worst.entries()].sort(
  ([, a], [, b]) => Math.max(b.quietMs, b.loadedMs) / b.timeoutMs - Math.max(a.quietMs, a.loadedMs) / a.timeoutMs,
);
console.log('\n━━ slowest tests against their timeouts (worst of all runs) ━━');
console.log('quiet ms │ loaded ms │ timeout ms │ quiet/timeout │ test');
for (const [key, t] of rows.slice(0, 25)) {
  const share = t.quietMs / t.timeoutMs;
  const flag = share > 0.2 ? '  ← over a fifth' : '';
  console.log(
    `${String(t.quietMs).padStart(8)} │ ${String(t.loadedMs).padStart(9)} │ ${String(t.timeoutMs).padStart(10)} │ ${share
      .toFixed(2)
      .padStart(13)} │ ${key}${flag}`,
  );
}
const failures = rows.filter(([, t]) => t.failures.length);
console.log(`\n━━ failures: ${failures.length ? '' : 'none'} ━━`);
for (const [key, t] of failures) console.log(`${key}\n  ${t.failures.join('\n  ')}`);
console.log('\n━━ runs ━━');
for (const { run, underLoad, status, seconds } of results)
  console.log(
    `run ${run}${underLoad ? ' (loaded)' : '         '}: ${status === 0 ? 'green' : 'RED'}, ${seconds.toFixed(0)} s`,
  );
const green = results.filter((r) => r.status === 0).length;
console.log(`${green} of ${runs} green`);

if (keep) console.log(`kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(green === runs ? 0 : 1);
