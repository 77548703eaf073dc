import { describe, expect, test } from 'vitest';
import { freezingLink } from '../../test/fixtures/heavy-runs.ts';
import { BUDGET_NOTE, EVENT_BUDGET, budgetStop } from '../sim/budget.ts';
import { createSimulation } from './simulation.ts';
import { traceToJson } from '../sim/trace.ts';
import { worldAt } from './world.ts';

// The freezing link runs with a smaller budget than the lab's: the stop works the same at any
// size, and 8,000 events keep this test far below its timeout on a busy machine.
const BUDGET = 8_000;
// Building the freezing link's machines and its first thousands of events takes 1–2 s on a busy
// 2-core machine (the world comparisons as long again): a longer timeout than vitest's 5 s.
const SLOW = 15_000;

describe('the event budget', () => {
  test(
    'stops the link that froze the tab, saying what made it big',
    () => {
      const sim = createSimulation(freezingLink(), { budget: BUDGET });
      sim.run();
      expect(sim.stopped).toBe(true);
      // It stops between two moves of the simulation, so the last move may pass the budget by the
      // few events it adds (a send and its loss); the note is the last event.
      const stop = budgetStop(sim.trace)!;
      expect(stop.code).toBe(BUDGET_NOTE);
      expect(stop.seq).toBe(sim.trace.length - 1);
      expect(stop.seq).toBeGreaterThanOrEqual(BUDGET);
      expect(stop.seq).toBeLessThan(BUDGET + 10);
      // The run stopped where it was: its end is now, and nothing more runs.
      expect(sim.endMs).toBe(stop.atMs);
      expect(sim.now).toBe(stop.atMs);
      expect(sim.step()).toBe(false);
      // Every client resends into a dead uplink: the resends are most of the packets, all of them lost.
      const sends = sim.trace.filter((e) => e.kind === 'send');
      expect(stop.params.budget).toBe(BUDGET);
      expect(stop.params.sends).toBe(sends.length);
      expect(stop.params.resends).toBe(sends.filter((e) => e.packet.type === 'PUBLISH' && e.packet.dup).length);
      expect(stop.params.resends).toBeGreaterThan(sends.length / 2);
      expect(stop.params.drops).toBe(sim.trace.filter((e) => e.kind === 'drop').length);
      const sentBy = (party: string) => sends.filter((e) => e.from === party).length;
      const senders = [...new Set(sends.map((e) => e.from))];
      expect(stop.params.busiestSends).toBe(Math.max(...senders.map(sentBy)));
      expect(sentBy(stop.params.busiest)).toBe(stop.params.busiestSends);
      expect(stop.params.busiest).toMatch(/^c\d+$/);
    },
    SLOW,
  );

  test(
    'keeps everything before the stop as the run without a budget has it',
    () => {
      const stopped = createSimulation(freezingLink(), { budget: BUDGET });
      stopped.run();
      const computed = stopped.trace.length - 1; // events before the note
      const free = createSimulation(freezingLink(), { budget: BUDGET * 2 });
      while (free.trace.length < BUDGET + 100 && free.step());
      expect(traceToJson(stopped.trace.slice(0, computed))).toBe(traceToJson(free.trace.slice(0, computed)));
      // The worlds up to the stop are those of the longer run; the note changes nothing in them.
      for (const seq of [0, 4_321, computed - 1]) {
        const count = seq + 1;
        expect(worldAt(stopped.scenario, stopped.trace.slice(0, count))).toEqual(
          worldAt(free.scenario, free.trace.slice(0, count)),
        );
      }
      const atStop = worldAt(stopped.scenario, stopped.trace);
      const before = worldAt(stopped.scenario, stopped.trace.slice(0, computed));
      expect({ ...atStop, seq: computed - 1 }).toEqual(before);
      // … and the clients are where the simulation itself says they are when it stopped.
      const snapshot = stopped.snapshot();
      for (const client of snapshot.clients) expect(atStop.actors[client.id]?.state).toBe(client.state);
    },
    SLOW,
  );

  test(
    'is deterministic: same scenario and seed, same stop',
    () => {
      const a = createSimulation(freezingLink(), { budget: 3_000 });
      const b = createSimulation(freezingLink(), { budget: 3_000 });
      a.run();
      b.run();
      expect(traceToJson(a.trace)).toBe(traceToJson(b.trace));
    },
    SLOW,
  );

  test('is the lab budget unless a run asks for another', () => {
    expect(EVENT_BUDGET).toBe(300_000);
    const sim = createSimulation({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'connect', client: 'a' }] });
    sim.run();
    expect(sim.stopped).toBe(false);
    expect(budgetStop(sim.trace)).toBeNull();
  });
});
