/**
 * Simulation benchmark (`npm run bench:sim`).
 * 1. Throughput: 100 clients each publishing 1,000 messages (QoS 1 and QoS 2 alternating) through
 *    the broker to a subscriber, over tcp links with 5 % loss: simulated packet events (send,
 *    arrive, drop, duplicate) per second of real time.
 *    With it, the memory the finished run holds (trace and all) per packet event.
 * 2. Acting in the past: near the end of a 10,000-packet run, a user acts at a past moment; the lab
 *    re-simulates with the action in place and needs the new trace up to the cursor.
 * 3. Seek: the time to re-simulate from the start to 25 / 50 / 75 / 100 % of a 15,000-packet trace
 *    (what stepping back or forking the timeline costs when it re-simulates).
 * Printed beside the targets issue 10 set (≥ 200,000 packet events/s; acting in the past ≤ 100 ms),
 * as ratios. Arguments: --clients N --messages M for a smaller run. Run with --expose-gc (as
 * `npm run bench:sim` does) for the memory figure.
 */
import {
  type Scenario,
  type Step,
  type World,
  applyEvent,
  cloneWorld,
  createSimulation,
  initialWorld,
} from '../../engine/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

function workload(clients: number, messages: number): Scenario {
  const steps: Step[] = [];
  for (let i = 0; i < clients; i++) steps.push({ atMs: 0, do: 'connect', client: `c${i}` });
  for (let i = 0; i < clients; i++)
    steps.push({ atMs: 500, do: 'subscribe', client: `c${(i + 1) % clients}`, filter: `bench/${i}`, qos: 2 });
  for (let k = 0; k < messages; k++) {
    for (let i = 0; i < clients; i++) {
      steps.push({
        atMs: 1000 + k * 10,
        do: 'publish',
        client: `c${i}`,
        topic: `bench/${i}`,
        payload: `payload ${k}`,
        qos: k % 2 ? 2 : 1,
      });
    }
  }
  return {
    clients: Array.from({ length: clients }, (_, i) => ({ id: `c${i}`, keepAliveS: 30 })),
    steps,
    network: { link: { delayMs: 20, lossRatio: 0.05 } },
    untilMs: 1000 + messages * 10 + 30_000,
  };
}

const isPacketEvent = (kind: string) => kind === 'send' || kind === 'arrive' || kind === 'drop' || kind === 'duplicate';

const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

function throughput(clients: number, messages: number) {
  const scenario = workload(clients, messages);
  const heapBefore = heapUsed();
  // Creating the simulation (validating the 100,000-step scenario) is set-up, timed on its own: the
  // throughput is that of the simulation running.
  const setupStarted = performance.now();
  const setupCpu = process.cpuUsage();
  // The lab's event budget (engine/sim/budget.ts) would stop this run about a fifth of the way in,
  // leaving the rest of its steps scheduled: the bench measures the whole workload.
  const sim = createSimulation(scenario, { seed: 7, budget: Infinity });
  const setupMs = performance.now() - setupStarted;
  const setupCpuMs = process.cpuUsage(setupCpu).user / 1000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  sim.run();
  const seconds = (performance.now() - started) / 1000;
  // On a shared, busy machine the wall clock mostly measures the others: CPU time is printed too.
  const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
  const heldBytes = heapUsed() - heapBefore;
  if (sim.stopped) throw new Error('the event budget stopped the benchmark run');
  let packets = 0;
  let delivered = 0;
  for (const e of sim.trace) {
    if (isPacketEvent(e.kind)) packets++;
    else if (e.kind === 'deliver') delivered++;
  }
  return {
    setupMs,
    setupCpuMs,
    seconds,
    packets,
    delivered,
    perSecond: packets / seconds,
    perCpuSecond: packets / cpuSeconds,
    traceEvents: sim.trace.length,
    bytesPerPacket: gc ? heldBytes / packets : undefined,
  };
}

/**
 * Acting in the past near the end of a run of about 10,000 packets: re-simulate from the start
 * with a new publish at 90 % of the run's time, up to just after it (median of 5).
 */
function actInPast() {
  const scenario = workload(10, 170);
  const full = createSimulation(scenario, { seed: 7 });
  full.run();
  const packets = full.trace.filter((e) => isPacketEvent(e.kind) && e.kind === 'send').length;
  const atMs = Math.floor(full.trace[Math.floor(full.trace.length * 0.9)].atMs);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let events = 0;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const sim = createSimulation(scenario, { seed: 7 });
    sim.act({ atMs, do: 'publish', client: 'c0', topic: 'bench/0', payload: 'from the past', qos: 1 });
    sim.runUntil(atMs + 1);
    times.push(performance.now() - started);
    cpuTimes.push(process.cpuUsage(cpu).user / 1000);
    events = sim.trace.length;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return { packets, atMs, events, ms: times[2], cpuMs: cpuTimes[2] };
}

function seek() {
  // About 10,000 packets: 10 clients, 250 messages each (QoS 1 and 2), no loss.
  const scenario = workload(10, 250);
  const full = createSimulation(scenario, { seed: 7 });
  full.run();
  const sends = full.trace.filter((e) => e.kind === 'send');
  const rows: Array<{ at: string; packets: number; ms: number }> = [];
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    const target = sends[Math.min(sends.length - 1, Math.floor(sends.length * fraction) - 1)];
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const sim = createSimulation(scenario, { seed: 7 });
      sim.runUntil(target.atMs + 1);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push({ at: `${fraction * 100}%`, packets: Math.floor(sends.length * fraction), ms: times[1] });
  }
  // What the lab does to step back or scrub: no re-simulation, the world at the cursor from the
  // nearest checkpoint (every 256 events, as app/lab/lab.svelte.ts keeps them) and the events since.
  const trace = full.trace;
  const every = 256;
  const started = performance.now();
  const checkpoints: World[] = [initialWorld(scenario)];
  for (let k = 1; k * every <= trace.length; k++) {
    const next = cloneWorld(checkpoints[k - 1]);
    for (let i = (k - 1) * every; i < k * every; i++) applyEvent(next, trace[i]);
    checkpoints.push(next);
  }
  const buildMs = performance.now() - started;
  let worst = 0;
  const seeks: number[] = [];
  for (let n = 0; n < 200; n++) {
    const seq = Math.floor((((n * 7919) % 1000) / 1000) * trace.length);
    const t0 = performance.now();
    const k = Math.floor((seq + 1) / every);
    const world = cloneWorld(checkpoints[k]);
    for (let i = k * every; i <= seq; i++) applyEvent(world, trace[i]);
    const ms = performance.now() - t0;
    seeks.push(ms);
    worst = Math.max(worst, ms);
  }
  seeks.sort((a, b) => a - b);
  return { packets: sends.length, rows, checkpoint: { buildMs, median: seeks[100], worst } };
}

const clients = arg('clients', 100);
const messages = arg('messages', 1000);
console.log(`Simulation benchmark — Node ${process.version}\n`);
throughput(10, 20); // warm-up
const t = throughput(clients, messages);
const TARGET_EVENTS = 200_000;
console.log(`Throughput: ${clients} clients × ${messages} messages (QoS 1/2), 5 % loss, tcp`);
console.log(
  `  ${t.packets.toLocaleString('en')} packet events (${t.traceEvents.toLocaleString('en')} trace events, ${t.delivered.toLocaleString('en')} deliveries) in ${t.seconds.toFixed(1)} s`,
);
console.log(
  `  ${Math.round(t.perSecond).toLocaleString('en')} packet events/s  — target ${TARGET_EVENTS.toLocaleString('en')}: ratio ${(t.perSecond / TARGET_EVENTS).toFixed(2)}`,
);
console.log(
  `  ${Math.round(t.perCpuSecond).toLocaleString('en')} packet events per CPU second — ratio ${(t.perCpuSecond / TARGET_EVENTS).toFixed(2)}`,
);
console.log(
  `  (creating the simulation, not in these figures: ${t.setupMs.toFixed(0)} ms, ${t.setupCpuMs.toFixed(0)} ms CPU)`,
);
if (t.bytesPerPacket !== undefined)
  console.log(`  memory held by the finished run: ${Math.round(t.bytesPerPacket)} bytes per packet event\n`);
else console.log('  (memory per packet event: run node with --expose-gc)\n');
const a = actInPast();
const TARGET_ACT_MS = 100;
console.log(`Acting in the past near the end of a ${a.packets.toLocaleString('en')}-packet run (median of 5)`);
console.log(
  `  re-simulated to ${a.atMs} ms with the action (${a.events.toLocaleString('en')} trace events): ${a.ms.toFixed(0)} ms — target ${TARGET_ACT_MS} ms: ratio ${(TARGET_ACT_MS / a.ms).toFixed(2)}`,
);
console.log(`  CPU time: ${a.cpuMs.toFixed(0)} ms — ratio ${(TARGET_ACT_MS / a.cpuMs).toFixed(2)}\n`);
const s = seek();
const TARGET_SEEK_MS = 50;
console.log(`Seek by re-simulation in a ${s.packets.toLocaleString('en')}-packet trace (median of 3)`);
for (const row of s.rows) {
  console.log(
    `  to ${row.at.padStart(4)} (${row.packets.toLocaleString('en').padStart(6)} packets): ${row.ms.toFixed(0).padStart(6)} ms — target ${TARGET_SEEK_MS} ms: ratio ${(TARGET_SEEK_MS / row.ms).toFixed(2)}`,
  );
}
const c = s.checkpoint;
console.log(
  '\nSeek as the lab does it: the world from a checkpoint (every 256 events) and the events since, 200 points',
);
console.log(
  `  checkpoints built once in ${c.buildMs.toFixed(0)} ms; one seek: median ${c.median.toFixed(2)} ms, worst ${c.worst.toFixed(2)} ms — target ${TARGET_SEEK_MS} ms: ratio ${(TARGET_SEEK_MS / c.worst).toFixed(0)} (worst)`,
);
