import { type TraceEvent, budgetStop, createSimulation, traceToJson } from '$engine';
import { describe, expect, test } from 'vitest';
import { freezingLink } from '../../../test/fixtures/heavy-runs.ts';
import { PRESETS } from '../presets.ts';
import { type Timeline, withActions } from '../timeline.ts';
import { inProcessWorker } from './in-process.ts';
import type { FromWorker } from './protocol.ts';
import { SLICE_EVENTS } from './runner.ts';

const BUDGET = 4_500;
// The freezing link's first thousands of events, cloned chunk by chunk as a worker's messages
// are, take a few seconds on a busy 2-core machine.
const SLOW = 30_000;
const freezing: Timeline = { scenario: freezingLink(), seed: 1, actions: [] };

function run(timeline: Timeline, budget: number): readonly TraceEvent[] {
  const sim = createSimulation(withActions(timeline), { seed: timeline.seed, budget });
  sim.run();
  return sim.trace;
}

function connect() {
  const worker = inProcessWorker();
  const received: FromWorker[] = [];
  const link = worker.connect(
    (m) => received.push(m),
    () => {},
  )!;
  return { worker, received, link };
}

const chunks = (received: FromWorker[], run: number) =>
  received.filter((m): m is Extract<FromWorker, { type: 'chunk' }> => m.type === 'chunk' && m.run === run);

describe('the run worker', () => {
  test(
    'streams the whole trace in order, in chunks, ending with the budget',
    () => {
      const { worker, received, link } = connect();
      link.send({ type: 'start', run: 1, timeline: freezing, skip: 0, budget: BUDGET });
      worker.pump();
      const got = chunks(received, 1);
      expect(got.length).toBeGreaterThan(2);
      expect(traceToJson(got.flatMap((c) => c.events))).toBe(traceToJson(run(freezing, BUDGET)));
      // progress only grows; only the last chunk says it is done
      for (let i = 1; i < got.length; i++) expect(got[i].nowMs).toBeGreaterThanOrEqual(got[i - 1].nowMs);
      expect(got.map((c) => c.done)).toEqual([...got.slice(1).map(() => false), true]);
      const last = got[got.length - 1];
      expect(last.stopped).toBe(true);
      expect(last.nowMs).toBe(last.endMs);
      expect(budgetStop(got.flatMap((c) => c.events))?.params.budget).toBe(BUDGET);
    },
    SLOW,
  );

  test(
    'sends only what the page does not have',
    () => {
      const { worker, received, link } = connect();
      link.send({ type: 'start', run: 1, timeline: freezing, skip: 2_500, budget: BUDGET });
      worker.pump();
      const events = chunks(received, 1).flatMap((c) => c.events);
      expect(events[0].seq).toBe(2_500);
      expect(traceToJson(events)).toBe(traceToJson(run(freezing, BUDGET).slice(2_500)));
    },
    SLOW,
  );

  test(
    'stops when asked, and a new run replaces the one computing',
    () => {
      const { worker, received, link } = connect();
      link.send({ type: 'start', run: 1, timeline: freezing, skip: 0, budget: BUDGET });
      worker.pump(1);
      expect(chunks(received, 1)).toHaveLength(1);
      expect(chunks(received, 1)[0].events.length).toBeGreaterThanOrEqual(SLICE_EVENTS);
      link.send({ type: 'stop', run: 1 });
      worker.pump();
      expect(chunks(received, 1)).toHaveLength(1);

      const small: Timeline = { scenario: PRESETS[0].scenario, seed: 1, actions: [] };
      link.send({ type: 'start', run: 2, timeline: freezing, skip: 0, budget: BUDGET });
      worker.pump(1);
      link.send({ type: 'start', run: 3, timeline: small, skip: 0 });
      worker.pump();
      expect(chunks(received, 2)).toHaveLength(1);
      const third = chunks(received, 3);
      expect(third[third.length - 1].done).toBe(true);
      expect(traceToJson(third.flatMap((c) => c.events))).toBe(traceToJson(run(small, 300_000)));
    },
    SLOW,
  );

  test('says why a run cannot start', () => {
    const { worker, received, link } = connect();
    const broken = {
      scenario: { clients: [], steps: [{ atMs: 0, do: 'connect', client: 'nobody' }] },
      seed: 1,
      actions: [],
    };
    link.send({ type: 'start', run: 7, timeline: broken as Timeline, skip: 0 });
    worker.pump();
    expect(received).toEqual([{ type: 'failed', run: 7, message: expect.stringContaining('nobody') }]);
  });
});
