import { createSimulation, type Scenario, type Step } from '../../engine/index.ts';
function workload(clients: number, messages: number): Scenario {
  const steps: Step[] = [];
  for (let i = 0; i < clients; i++) steps.push({ atMs: 0, do: 'connect', client: `c${i}` });
  for (let i = 0; i < clients; i++) steps.push({ atMs: 500, do: 'subscribe', client: `c${(i + 1) % clients}`, filter: `bench/${i}`, qos: 2 });
  for (let k = 0; k < messages; k++) for (let i = 0; i < clients; i++)
    steps.push({ atMs: 1000 + k * 10, do: 'publish', client: `c${i}`, topic: `bench/${i}`, payload: `payload ${k}`, qos: k % 2 ? 2 : 1 });
  return { clients: Array.from({ length: clients }, (_, i) => ({ id: `c${i}`, keepAliveS: 30 })), steps, network: { link: { delayMs: 20, lossRatio: 0.05 } }, untilMs: 1000 + messages * 10 + 30_000 };
}
const t = performance.now();
const sim = createSimulation(workload(20, 200), { seed: 7 });
sim.run();
console.log('ms', performance.now() - t, sim.trace.length);
