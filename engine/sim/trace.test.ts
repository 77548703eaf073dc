/**
 * The trace never changes its past: what the simulation wrote up to a point is the same however far
 * it runs afterwards. What becomes known later (a tcp segment getting through after a loss) is an
 * event of its own ('plan'), and the arrival says how often the segment was resent.
 */
import { describe, expect, test } from 'vitest';
import { randomScenario } from '../../test/invariants/random-scenario.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createSimulation } from '../run/simulation.ts';
import { type ArriveEvent, type PlanEvent, type SendEvent, traceToJson } from './trace.ts';

/** Each event as JSON, at a stopping point and again after the run has gone on to its end. */
function prefixBeforeAndAfter(scenario: Scenario, stopMs: number) {
  const sim = createSimulation(scenario);
  sim.runUntil(stopMs);
  const before = sim.trace.map((e) => traceToJson([e]));
  sim.run();
  const after = sim.trace.slice(0, before.length).map((e) => traceToJson([e]));
  return { before, after, trace: sim.trace };
}

describe('an append-only trace', () => {
  const cutLink: Scenario = {
    clients: [{ id: 'sensor' }, { id: 'app' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'sensor' },
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 200, do: 'subscribe', client: 'app', filter: 't', qos: 1 },
      { atMs: 500, do: 'cut', client: 'sensor' },
      { atMs: 600, do: 'publish', client: 'sensor', topic: 't', payload: 'x', qos: 1 },
      { atMs: 9_000, do: 'restore', client: 'sensor' },
    ],
    untilMs: 30_000,
  };

  test('a PUBLISH sent over a cut tcp link is not rewritten when it finally gets through', () => {
    const { before, after, trace } = prefixBeforeAndAfter(cutLink, 700);
    expect(after).toEqual(before);
    const send = trace.find((e): e is SendEvent => e.kind === 'send' && e.packet.type === 'PUBLISH')!;
    expect(send.expectedAtMs).toBeUndefined(); // nothing was known as it left
    const plan = trace.find((e): e is PlanEvent => e.kind === 'plan' && e.send === send.seq)!;
    const arrival = trace.find((e): e is ArriveEvent => e.kind === 'arrive' && e.send === send.seq)!;
    // RTO 200 ms doubling from 600 ms: 800, 1200, 2000, 3600, 6800, then 13,200 ms, after the restore
    expect(plan).toMatchObject({ atMs: 13_200, retransmits: 6, arriveAtMs: 13_250 });
    expect(arrival).toMatchObject({ arriveAtMs: 13_250, retransmits: 6 });
  });

  // each run is simulated twice to its end (about 0.1 s on a quiet machine; 1 s on a busy one)
  test.each([1, 4, 5])(
    'random tcp run %i: every prefix stays as it was written',
    (seed) => {
      const scenario = randomScenario(seed, 'tcp').scenario;
      for (const stopMs of [1_500, 4_000]) {
        const { before, after } = prefixBeforeAndAfter(scenario, stopMs);
        expect(after).toEqual(before);
      }
    },
    15_000,
  );
});
