import { createSimulation, traceToJson, worldAt } from '$engine';
import { beatsOf } from '../beats.ts';
import { runOf } from '../diagram/lab-run.ts';
import { describe, expect, test } from 'vitest';
import { freezingLink } from '../../../test/fixtures/heavy-runs.ts';
import { INLINE_EVENTS, Lab } from '../lab.svelte.ts';
import { PRESETS } from '../presets.ts';
import { type Timeline, withActions } from '../timeline.ts';
import { inProcessWorker } from './in-process.ts';

const BUDGET = 4_500;
// The freezing link's first thousands of events, simulated in the page and again in the (in-process)
// worker, take a few seconds on a busy 2-core machine.
const SLOW = 30_000;
const freezing: Timeline = { scenario: freezingLink(), seed: 1, actions: [] };

function labWithWorker() {
  const worker = inProcessWorker();
  const lab = new Lab({ worker: worker.connect, budget: BUDGET });
  return { lab, worker };
}

function whole(timeline: Timeline) {
  const sim = createSimulation(withActions(timeline), { seed: timeline.seed, budget: BUDGET });
  sim.run();
  return sim;
}

describe('the lab with a run worker', () => {
  test('keeps a small run in the page, complete at once', () => {
    const { lab, worker } = labWithWorker();
    lab.load({ scenario: PRESETS[1].scenario, seed: 1, actions: [] }, PRESETS[1].id);
    expect(lab.complete).toBe(true);
    expect(lab.computing).toBe(false);
    expect(worker.toWorker).toEqual([]);
    lab.end();
    expect(lab.atEnd).toBe(true);
  });

  test(
    'hands a long run to the worker; the cursor goes as far as computed, End follows the end',
    () => {
      const { lab, worker } = labWithWorker();
      lab.load(freezing);
      expect(lab.computing).toBe(true);
      expect(lab.trace.length).toBeGreaterThanOrEqual(INLINE_EVENTS);
      expect(worker.toWorker).toMatchObject([{ type: 'start', skip: lab.trace.length, budget: BUDGET }]);

      lab.seekSeq(3_000); // not computed yet: remembered
      expect(lab.seq).toBe(lab.trace.length - 1);
      while (lab.seq < 3_000 && worker.pump(1)); // the worker's first slice recomputes the page's events
      expect(lab.seq).toBe(3_000);

      lab.end(); // to the end so far …
      expect(lab.seq).toBe(lab.trace.length - 1);
      expect(lab.timeMs).toBe(lab.computedMs);
      worker.pump(); // … and on with it as it grows, to the budget's stop
      expect(lab.computing).toBe(false);
      expect(lab.complete).toBe(true);
      expect(lab.atEnd).toBe(true);
      const sim = whole(freezing);
      expect(traceToJson(lab.trace)).toBe(traceToJson(sim.trace));
      expect(lab.endMs).toBe(sim.endMs);
      expect(lab.budget?.params).toMatchObject({ budget: BUDGET, busiest: expect.stringMatching(/^c\d+$/) });
      expect(lab.world).toEqual(worldAt(sim.scenario, sim.trace));
      lab.seekSeq(2_222);
      expect(lab.world).toEqual(worldAt(sim.scenario, sim.trace.slice(0, 2_223)));
    },
    SLOW,
  );

  test(
    'Stop makes what is computed the whole run',
    () => {
      const { lab, worker } = labWithWorker();
      lab.load(freezing);
      lab.end();
      worker.pump(1);
      lab.stopComputing();
      expect(lab.computing).toBe(false);
      expect(lab.halted).toBe(true);
      expect(lab.complete).toBe(true);
      expect(lab.endMs).toBe(lab.computedMs);
      expect(lab.atEnd).toBe(true);
      const length = lab.trace.length;
      const posted = worker.fromWorker.length;
      worker.pump(); // its slice already due finds the run stopped, and posts nothing
      expect(worker.fromWorker).toHaveLength(posted);
      expect(lab.trace).toHaveLength(length);
      expect(worker.toWorker.at(-1)).toMatchObject({ type: 'stop' });
    },
    SLOW,
  );

  test(
    'a fork keeps the run before it and restarts the worker',
    () => {
      const { lab, worker } = labWithWorker();
      lab.load(freezing);
      worker.pump(1);
      lab.seekTime(3_000);
      const shown = lab.seq;
      const before = lab.trace.slice(0, shown + 1);
      lab.act({ do: 'crash', client: 'c3' });
      expect(lab.seq).toBe(shown);
      expect(traceToJson(lab.trace.slice(0, shown + 1))).toBe(traceToJson(before));
      expect(worker.toWorker.filter((m) => m.type === 'start')).toHaveLength(2);
      worker.pump();
      const sim = whole(lab.timeline);
      expect(traceToJson(lab.trace)).toBe(traceToJson(sim.trace));
      expect(lab.trace.some((e) => e.kind === 'step' && e.step.do === 'crash')).toBe(true);
    },
    SLOW,
  );
  test(
    'reads a streamed run ahead of the views, in slices between chunks, so its end shows at once',
    async () => {
      const { lab, worker } = labWithWorker();
      lab.load(freezing);
      const { model } = runOf(lab); // the diagram's model reads along
      worker.pump(); // every chunk arrives in one task here: the reading waits for the next ones
      expect(lab.complete).toBe(true);
      expect(lab.readingAhead).toBe(true);
      expect(model.lastMs).toBeLessThan(lab.trace.at(-1)!.atMs);
      await waitFor(() => !lab.readingAhead);
      const sim = whole(freezing);
      expect(model.lastMs).toBe(sim.trace.at(-1)!.atMs);
      // what was read ahead is what reading it all at once gives
      expect(lab.beats.map((b) => [b.atMs, b.seq, b.headline.kind])).toEqual(
        beatsOf(sim.trace).map((b) => [b.atMs, b.seq, b.headline.kind]),
      );
      lab.end();
      expect(lab.world).toEqual(worldAt(sim.scenario, sim.trace));
      lab.seekSeq(3_333);
      expect(lab.world).toEqual(worldAt(sim.scenario, sim.trace.slice(0, 3_334)));
    },
    SLOW,
  );
});

/** Wait, a task at a time, until `done` holds (the lab's read-ahead runs in timer tasks). */
async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 0));
}
