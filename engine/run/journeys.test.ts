import { describe, expect, test } from 'vitest';
import { randomScenario } from '../../test/invariants/random-scenario.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type JourneyChange, Journeys } from './journeys.ts';
import { createSimulation, simulate } from './simulation.ts';

/** Everything a Journeys holds, in one comparable shape. */
const contents = (j: Journeys) => ({
  packets: j.packets,
  timers: j.timers,
  connected: j.connected,
  outages: j.outages,
});

/** A QoS 1 PUBLISH sent into a cut cable, and the cable restored 8.4 s later (issue 10). */
const cutCable: Scenario = {
  clients: [{ id: 'sensor' }, { id: 'app' }],
  steps: [
    { atMs: 0, do: 'connect', client: 'sensor' },
    { atMs: 0, do: 'connect', client: 'app' },
    { atMs: 100, do: 'subscribe', client: 'app', filter: 't', qos: 1 },
    { atMs: 500, do: 'cut', client: 'sensor' },
    { atMs: 600, do: 'publish', client: 'sensor', topic: 't', payload: 'x', qos: 1 },
    { atMs: 9_000, do: 'restore', client: 'sensor' },
  ],
  untilMs: 20_000,
};

describe('journeys', () => {
  test('a packet sent into a cut cable: retransmitted under tcp, arriving after the restore', () => {
    const { trace } = simulate(cutCable, { seed: 1 });
    const journeys = new Journeys();
    journeys.extend(trace);
    expect(journeys.outages).toEqual([expect.objectContaining({ client: 'sensor', startMs: 500, endMs: 9_000 })]);
    const publish = journeys.packets.find((p) => p.send.packet.type === 'PUBLISH' && p.send.from === 'sensor')!;
    expect(publish.retransmits).toBeGreaterThan(0);
    // the last plan says when it arrives, and it does, after the cable is back
    const plans = trace.filter((e) => e.kind === 'plan' && e.send === publish.seq);
    const lastPlan = plans.at(-1)!;
    expect(lastPlan.kind === 'plan' && publish.expectedAtMs === lastPlan.arriveAtMs).toBe(true);
    expect(publish.copies).toEqual([expect.objectContaining({ fate: 'arrive' })]);
    expect(publish.copies[0].endMs).toBeGreaterThan(9_000);
    expect(journeys.packetOf(publish.seq)).toBe(publish);
    // each packet's copies end once: arrived or lost, never both
    const ends = trace.filter((e) => e.kind === 'arrive' || e.kind === 'drop').length;
    expect(journeys.packets.flatMap((p) => p.copies).filter((c) => c.fate !== null)).toHaveLength(ends);
  });

  test('timers and connected spans, from start to end', () => {
    const { trace } = simulate(cutCable, { seed: 1 });
    const journeys = new Journeys();
    journeys.extend(trace);
    const starts = trace.filter((e) => e.kind === 'timer' && e.action === 'start').length;
    expect(journeys.timers).toHaveLength(starts);
    for (const timer of journeys.timers) {
      if (timer.end) expect(timer.endMs).toBeGreaterThanOrEqual(timer.startMs);
      else expect(timer.endMs).toBe(Infinity);
    }
    expect(journeys.connected.map((s) => s.client).sort()).toEqual(['app', 'sensor']);
  });

  test.each([1, 2, 3, 4])('extended chunk by chunk equals read at once (random run %i)', (seed) => {
    const { scenario, healMs } = randomScenario(seed, seed % 2 ? 'tcp' : 'lossy');
    const sim = createSimulation(scenario);
    const chunked = new Journeys();
    const changes: JourneyChange['kind'][] = [];
    for (const at of [300, 1_500, 3_000, healMs, healMs + 5_000]) {
      sim.runUntil(at);
      chunked.extend(sim.trace, (change) => changes.push(change.kind));
    }
    const whole = new Journeys();
    whole.extend(sim.trace);
    expect(contents(chunked)).toEqual(contents(whole));
    expect(chunked.read).toBe(sim.trace.length);
    // a change for every send and timer start, and an end for each that ended
    const sends = sim.trace.filter((e) => e.kind === 'send').length;
    expect(changes.filter((k) => k === 'packet-sent')).toHaveLength(sends);
    expect(changes.filter((k) => k === 'packet-ended')).toHaveLength(
      whole.packets.filter((p) => p.copies.every((c) => c.fate !== null)).length,
    );
    expect(changes.filter((k) => k === 'timer-ended')).toHaveLength(whole.timers.filter((t) => t.end).length);
  });
});
