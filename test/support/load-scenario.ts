/**
 * A busy run for measuring the views: two publishers and two subscribers at QoS 1 on a jittery
 * link. Each publish makes six packets (PUBLISH and PUBACK up, two PUBLISH and two PUBACK down and
 * back), so `publishes` = 1,700 gives about 10,000 packets over a minute of virtual time.
 */
import { type Scenario, type Step, defineScenario } from '$engine';

export function loadScenario(publishes = 1_700, everyMs = 30): Scenario {
  const clients = [{ id: 'pub1' }, { id: 'pub2' }, { id: 'sub1' }, { id: 'sub2' }];
  const steps: Step[] = clients.map((c) => ({ atMs: 0, do: 'connect', client: c.id }) as const);
  steps.push({ atMs: 400, do: 'subscribe', client: 'sub1', filter: 'load/#', qos: 1 });
  steps.push({ atMs: 400, do: 'subscribe', client: 'sub2', filter: 'load/#', qos: 1 });
  for (let i = 0; i < publishes; i++) {
    steps.push({
      atMs: 1_000 + i * everyMs,
      do: 'publish',
      client: i % 2 ? 'pub2' : 'pub1',
      topic: `load/${i % 7}`,
      payload: String(i),
      qos: 1,
    });
  }
  return defineScenario({
    title: 'Load',
    seed: 1,
    clients,
    steps,
    network: { link: { delayMs: 40, jitterMs: 30 } },
  });
}
