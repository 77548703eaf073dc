/**
 * The delivery guarantees, checked on thousands of random unreliable runs (random-scenario.ts):
 * once the network heals, every subscriber has received each QoS 0 message at most once, each
 * QoS 1 message at least once and each QoS 2 message exactly once (at the QoS the subscription
 * allows: min(published, granted) [MQTT-3.8.4-6]); and under tcp, each publisher's messages of one
 * QoS arrive in the order they were published (4.6). A failure names its seed:
 * `randomScenario(seed, transport)` replays it.
 *
 * Under the lossy teaching model with only loss, the same guarantees hold (senders retry). With
 * duplication or reordering of MQTT packets themselves they need not — a late copy of a finished
 * QoS 2 flow looks like a new message — which is exactly why MQTT runs over an ordered transport
 * [MQTT-4.2-1]; the last test shows it happening.
 */
import { describe, expect, test } from 'vitest';
import { type DeliverEvent, topicMatches, simulate } from '../../engine/index.ts';
import { type Generated, randomScenario } from './random-scenario.ts';

const RUNS = Number(process.env.INVARIANT_RUNS ?? 1000);

function check(generated: Generated, seed: number): string[] {
  const { trace } = simulate(generated.scenario);
  const problems: string[] = [];
  const deliveries = trace.filter((e): e is DeliverEvent => e.kind === 'deliver');
  const count = new Map<string, number>();
  for (const d of deliveries) count.set(`${d.client}|${d.payload}`, (count.get(`${d.client}|${d.payload}`) ?? 0) + 1);
  // Was the publish accepted by the publisher's client? (A publish step always is: queued if offline.)
  for (const message of generated.published) {
    for (const [client, subs] of generated.subscriptions) {
      let granted = -1;
      for (const [filter, qos] of subs) if (topicMatches(filter, message.topic)) granted = Math.max(granted, qos);
      if (granted < 0) continue;
      const qos = Math.min(granted, message.qos);
      const n = count.get(`${client}|${message.payload}`) ?? 0;
      const where = `seed ${seed}: ${message.payload} (QoS ${message.qos} from ${message.client} on ${message.topic}) to ${client} at QoS ${qos}`;
      // A QoS 1 publish may reach the broker twice (resent with DUP); only QoS 0 and 2 legs never duplicate.
      if (qos === 0 && message.qos !== 1 && n > 1) problems.push(`${where}: delivered ${n} times (at most once)`);
      if (qos === 1 && n < 1) problems.push(`${where}: never delivered (at least once)`);
      if (qos === 2 && n !== 1) problems.push(`${where}: delivered ${n} times (exactly once)`);
    }
  }
  if (generated.scenario.transport === 'tcp') {
    // order: first deliveries of one publisher's messages on one topic, per subscriber
    const index = new Map(generated.published.map((m, i) => [m.payload, { ...m, i }]));
    const last = new Map<string, number>();
    const seen = new Set<string>();
    for (const d of deliveries) {
      const m = index.get(d.payload);
      if (!m || seen.has(`${d.client}|${d.payload}`)) continue;
      seen.add(`${d.client}|${d.payload}`);
      // Order is promised per topic ("Ordered Topic", [MQTT-4.6.0-5/6]) and per QoS of the delivery.
      const key = `${d.client}|${m.client}|${m.topic}|${m.qos}|${d.qos}`;
      if ((last.get(key) ?? -1) > m.i)
        problems.push(
          `seed ${seed}: ${d.payload} from ${m.client} on ${m.topic} reached ${d.client} after a later message`,
        );
      last.set(key, m.i);
    }
  }
  return problems;
}

describe('delivery guarantees on random unreliable networks', () => {
  test(`tcp: ${RUNS} random runs`, () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= RUNS && problems.length < 10; seed++)
      problems.push(...check(randomScenario(seed, 'tcp'), seed));
    expect(problems).toEqual([]);
  }, 600_000);

  test(`lossy, loss only: ${RUNS} random runs`, () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= RUNS && problems.length < 10; seed++)
      problems.push(...check(randomScenario(seed, 'lossy'), seed));
    expect(problems).toEqual([]);
  }, 600_000);

  test('lossy: a stale duplicate of a finished QoS 2 flow is delivered again — why MQTT needs an ordered transport', () => {
    const { trace } = simulate({
      transport: 'lossy',
      clients: [{ id: 'sensor' }, { id: 'app', qos2Delivery: 'onPublish' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 't', qos: 2 },
        // the network copies the broker's PUBLISH and holds the copy back for 2 s
        { atMs: 300, do: 'fault', fault: 'duplicate', from: 'broker', to: 'app', packet: 'PUBLISH', delayMs: 2000 },
        { atMs: 400, do: 'publish', client: 'sensor', topic: 't', payload: 'once', qos: 2 },
      ],
      untilMs: 5000,
    });
    const deliveries = trace.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.client === 'app');
    // The flow completed (PUBCOMP) before the copy arrived, so the id was free again [MQTT-4.3.3-12].
    expect(deliveries.map((d) => d.payload)).toEqual(['once', 'once']);
  });
});
