import { describe, expect, test } from 'vitest';
import { randomScenario } from '../../test/invariants/random-scenario.ts';
import { createSimulation } from './simulation.ts';
import { applyEvent, cloneWorld, worldAt } from './world.ts';

/** What the world and the simulation's snapshot must agree on, in one shape. */
function fromSnapshot(sim: ReturnType<typeof createSimulation>) {
  const snap = sim.snapshot();
  return {
    sessions: Object.fromEntries(
      snap.broker.sessions.map((s) => [
        s.clientId,
        {
          connected: s.connected,
          persistent: s.persistent,
          subscriptions: Object.fromEntries(s.subscriptions.map((x) => [x.filter, x.qos])),
          queued: s.queued.map((q) => q.topic),
        },
      ]),
    ),
    retained: Object.fromEntries(snap.broker.retained.map((r) => [r.topic, { payload: r.payload, qos: r.qos }])),
    flows: [
      ...snap.clients.flatMap((c) => [
        ...c.outbound.map((f) => `${c.id}/out/${f.packetId}:${f.state}`),
        ...c.inbound.map((f) => `${c.id}/in/${f.packetId}:${f.state}`),
      ]),
      ...snap.broker.sessions.flatMap((s) => [
        ...s.outbound.map((f) => `broker/${s.clientId}/out/${f.packetId}:${f.state}`),
        ...s.inbound.map((f) => `broker/${s.clientId}/in/${f.packetId}:${f.state}`),
      ]),
    ].sort(),
    clients: Object.fromEntries(snap.clients.map((c) => [c.id, c.state])),
    clientQueues: Object.fromEntries(snap.clients.map((c) => [c.id, c.queued.map((q) => q.topic)])),
  };
}

function fromWorld(sim: ReturnType<typeof createSimulation>) {
  const world = worldAt(sim.scenario, sim.trace);
  return {
    sessions: Object.fromEntries(
      Object.entries(world.sessions).map(([id, s]) => [
        id,
        { connected: s.connected, persistent: s.persistent, subscriptions: s.subscriptions, queued: s.queued },
      ]),
    ),
    retained: world.retained,
    flows: Object.entries(world.actors)
      .filter(([name, a]) => /\/(out|in)\//.test(name) && !a.done)
      .map(([name, a]) => `${name}:${a.state}`)
      .sort(),
    clients: Object.fromEntries(sim.scenario.clients.map((c) => [c.id, world.actors[c.id]?.state])),
    clientQueues: world.clientQueues,
  };
}

describe('the world derived from the trace', () => {
  // One test per seed, so each stays far below its timeout on a busy machine and names its seed.
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
  test.each(seeds)('agrees with the simulation at every stopping point of random run %i', (seed) => {
    const { scenario, healMs } = randomScenario(seed, seed % 2 ? 'tcp' : 'lossy');
    const sim = createSimulation(scenario);
    for (const at of [1_500, 3_000, healMs, healMs + 5_000]) {
      sim.runUntil(at);
      expect(fromWorld(sim), `seed ${seed} at ${at} ms`).toEqual(fromSnapshot(sim));
    }
  });
});

test('agrees with the simulation when 5.0 messages expire, queued and retained', () => {
  const publish = (topic: string, expiryS: number, retain = false) => ({
    atMs: 1_000,
    do: 'publish' as const,
    client: 'sensor',
    topic,
    payload: topic,
    qos: 1 as const,
    retain,
    properties: { messageExpiryIntervalS: expiryS },
  });
  const sim = createSimulation({
    version: 5,
    clients: [{ id: 'sensor' }, { id: 'app', clean: false, sessionExpiryS: 600 }],
    steps: [
      { atMs: 0, do: 'connect', client: 'sensor' },
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 200, do: 'subscribe', client: 'app', filter: '#', qos: 1 },
      { atMs: 500, do: 'disconnect', client: 'app' },
      publish('a', 1),
      publish('b', 60),
      publish('c', 2, true),
      { atMs: 4_000, do: 'connect', client: 'app', clean: false },
    ],
    untilMs: 6_000,
  });
  for (const at of [1_500, 3_500, 4_000, 4_060, 6_000]) {
    sim.runUntil(at);
    expect(fromWorld(sim), `at ${at} ms`).toEqual(fromSnapshot(sim));
  }
  expect(sim.trace.filter((e) => e.kind === 'note' && e.code.endsWith('expired')).length).toBe(3);
});

test('a copy is a checkpoint: stepping the copy never changes the original', () => {
  const { scenario } = randomScenario(7, 'tcp');
  const sim = createSimulation(scenario);
  sim.run();
  for (const at of [10, 100, 400]) {
    const original = worldAt(scenario, sim.trace, at);
    const frozen = structuredClone(original);
    const copy = cloneWorld(original);
    for (let i = at + 1; i < sim.trace.length; i++) applyEvent(copy, sim.trace[i]);
    expect(original).toEqual(frozen);
    expect(copy).toEqual(worldAt(scenario, sim.trace));
  }
});
