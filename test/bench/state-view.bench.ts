/**
 * The state panel on a 15,000-packet run (the run test/e2e/timing.ts plays): what one cursor step
 * costs — the world moved on by one event from the last (as the lab does when stepping), and the
 * panel's readers on it (flows, sessions, retained, broker connections, the flow to draw, every
 * client's keepalive rows). Printed as p50 / p95 over steps spread through the run. On main before
 * the World kept these (5446c4c), the panel walked back through the trace: p50 22–47 ms there.
 *   node --import tsx test/bench/state-view.bench.ts
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
import {
  brokerConnections,
  connectionOf,
  focusFlow,
  flowRows,
  keepAliveOf,
  lastActivityMs,
  retainedRows,
  sessionRows,
  timersOf,
} from '../../app/lab/state/state-view.ts';

function bigScenario(publishes: number): Scenario {
  const clients = [{ id: 'sensor' }, ...Array.from({ length: 14 }, (_, i) => ({ id: `app${i + 1}` })), { id: 'idle' }];
  const steps: Step[] = clients.map((c) => ({ atMs: 0, do: 'connect', client: c.id }) as const);
  for (const c of clients.slice(1, 15))
    steps.push({ atMs: 300, do: 'subscribe', client: c.id, filter: 'load/#', qos: 1 });
  for (let i = 0; i < publishes; i++)
    steps.push({
      atMs: 1_000 + i * 100,
      do: 'publish',
      client: 'sensor',
      topic: `load/${i % 7}`,
      payload: String(i),
      qos: 1,
    });
  return { title: 'Big run', seed: 1, clients, steps, network: { link: { delayMs: 40, jitterMs: 30 } } };
}

const scenario = bigScenario(500);
const sim = createSimulation(scenario);
sim.run();
const trace = sim.trace;
const packets = trace.filter((e) => e.kind === 'send').length;
console.log(`${trace.length} events, ${packets} packets`);

function panelNew(world: World) {
  const flows = flowRows(world);
  sessionRows(world, flows);
  retainedRows(world);
  brokerConnections(world);
  focusFlow(world, [null, null], trace);
  for (const { id } of scenario.clients) {
    const conn = connectionOf(world, id);
    if (conn === undefined) continue;
    timersOf(world, id, world.atMs, keepAliveOf(world, conn), lastActivityMs(world, conn, 'client'));
  }
}

const quantile = (v: number[], q: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))];

function measure(
  name: string,
  init: () => World,
  clone: (w: World) => World,
  apply: (w: World, e: (typeof trace)[number]) => World,
  panel: (w: World) => void,
) {
  // the worlds at 200 cursors spread through the run, each then stepped on by one event
  const stops = Array.from({ length: 200 }, (_, i) => Math.floor(((i + 0.5) / 200) * (trace.length - 2)));
  const world = init();
  let at = -1;
  const stepMs: number[] = [];
  const panelMs: number[] = [];
  // twice: the first round warms the code up, the second is printed
  for (let round = 0; round < 2; round++) {
    stepMs.length = 0;
    panelMs.length = 0;
    for (const stop of stops) {
      while (at < stop) apply(world, trace[++at]);
      const t0 = performance.now();
      const next = apply(clone(world), trace[stop + 1]);
      const t1 = performance.now();
      panel(next);
      const t2 = performance.now();
      stepMs.push(t1 - t0);
      panelMs.push(t2 - t1);
    }
    if (round === 0) {
      at = -1;
      Object.assign(world, init());
    }
  }
  const f = (v: number) => v.toFixed(2);
  console.log(
    `${name}: world step p50 ${f(quantile(stepMs, 0.5))} ms, p95 ${f(quantile(stepMs, 0.95))} ms; ` +
      `panel p50 ${f(quantile(panelMs, 0.5))} ms, p95 ${f(quantile(panelMs, 0.95))} ms, max ${f(Math.max(...panelMs))} ms`,
  );
}

measure('state panel', () => initialWorld(scenario), cloneWorld, applyEvent, panelNew);
