/**
 * Random scenarios for the invariant tests, drawn from a seed (so a failure replays exactly).
 * Three phases: setup on a perfect network (everyone connects with a persistent session and
 * subscribes), chaos (impaired links, publishing, cuts, crashes, resets, reconnects), and healing
 * (links restored and perfect, everyone reconnects, time passes). What must hold afterwards is in
 * invariants.test.ts.
 */
import { type Prng, type Scenario, type Step, createPrng } from '../../engine/index.ts';

export interface Generated {
  scenario: Scenario;
  /** Every message published: its unique payload, publisher, topic and QoS. */
  published: Array<{ payload: string; client: string; topic: string; qos: 0 | 1 | 2; atMs: number }>;
  /** Each client's subscriptions (filter → QoS), fixed after the setup phase. */
  subscriptions: Map<string, Map<string, 0 | 1 | 2>>;
  /** When healing starts. */
  healMs: number;
}

const TOPICS = ['a', 'a/b', 'a/c', 'b'];
const FILTERS = ['a', 'a/+', 'a/#', '#', 'b', '+/c'];

const pick = <T>(prng: Prng, items: readonly T[]): T => items[prng.next() % items.length];
const int = (prng: Prng, min: number, max: number) => min + (prng.next() % (max - min + 1));

export function randomScenario(seed: number, transport: 'tcp' | 'lossy'): Generated {
  const prng = createPrng(seed);
  const clientCount = int(prng, 2, 4);
  const ids = Array.from({ length: clientCount }, (_, i) => `c${i}`);
  const steps: Step[] = [];
  const subscriptions = new Map<string, Map<string, 0 | 1 | 2>>();
  const published: Generated['published'] = [];

  // setup: persistent sessions, subscriptions acknowledged before the chaos begins
  for (const id of ids) steps.push({ atMs: 0, do: 'connect', client: id });
  for (const id of ids) {
    const subs = new Map<string, 0 | 1 | 2>();
    const n = int(prng, 1, 2);
    for (let i = 0; i < n; i++) subs.set(pick(prng, FILTERS), pick(prng, [0, 1, 2] as const));
    subscriptions.set(id, subs);
    for (const [filter, qos] of subs) steps.push({ atMs: 200, do: 'subscribe', client: id, filter, qos });
  }

  // chaos
  const chaosStart = 1_000;
  const chaosEnd = chaosStart + int(prng, 2_000, 8_000);
  for (const id of ids) {
    const impaired = {
      delayMs: int(prng, 5, 80),
      jitterMs: int(prng, 0, 60),
      lossRatio: pick(prng, [0, 0.05, 0.2, 0.4]),
      ...(transport === 'tcp' ? { duplicateRatio: pick(prng, [0, 0.1]), reorderRatio: pick(prng, [0, 0.2]) } : {}),
    };
    steps.push({ atMs: chaosStart, do: 'set-link', client: id, ...impaired });
  }
  let counter = 0;
  const eventCount = int(prng, 5, 30);
  const times = Array.from({ length: eventCount }, () => int(prng, chaosStart + 1, chaosEnd)).sort((a, b) => a - b);
  for (const atMs of times) {
    const client = pick(prng, ids);
    const roll = prng.next() % 100;
    if (roll < 65) {
      const topic = pick(prng, TOPICS);
      const qos = pick(prng, [0, 1, 2] as const);
      const payload = `m${counter++}`;
      steps.push({ atMs, do: 'publish', client, topic, payload, qos });
      published.push({ payload, client, topic, qos, atMs });
    } else if (roll < 73) steps.push({ atMs, do: 'cut', client });
    else if (roll < 81) steps.push({ atMs, do: 'restore', client });
    else if (roll < 86) steps.push({ atMs, do: 'crash', client });
    else if (roll < 91) steps.push({ atMs, do: 'reset', client });
    else if (roll < 95) steps.push({ atMs, do: 'disconnect', client });
    else steps.push({ atMs, do: 'connect', client });
  }

  // healing: perfect links, everyone back
  const healMs = chaosEnd + 500;
  for (const id of ids) {
    steps.push({ atMs: healMs, do: 'restore', client: id });
    steps.push({
      atMs: healMs,
      do: 'set-link',
      client: id,
      delayMs: 20,
      jitterMs: 0,
      lossRatio: 0,
      duplicateRatio: 0,
      reorderRatio: 0,
    });
    steps.push({ atMs: healMs + 100, do: 'connect', client: id });
  }

  return {
    scenario: {
      transport,
      seed,
      // Clients reconnect on their own when they notice a dead connection, as real ones are set up to.
      clients: ids.map((id) => ({ id, clean: false, keepAliveS: pick(prng, [0, 2, 5, 10]), reconnectMs: 500 })),
      steps: steps.sort((a, b) => a.atMs - b.atMs), // stable: same-time steps keep their order
      // Long enough for a segment backed off to the 60 s maximum RTO to get through.
      untilMs: healMs + 90_000,
    },
    published,
    subscriptions,
    healMs,
  };
}
