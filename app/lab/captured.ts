/**
 * A capture opened in the lab (fromCapture): a run that is only a trace. It stands in for the
 * simulation — the whole trace is there from the start, nothing more will happen, and nothing can
 * be done to it (acting needs a scenario to replay, which a capture does not have).
 */
import type { CapturedRun, Scenario, Simulation } from '$engine';
import type { Timeline } from './timeline.ts';

/** The timeline the lab shows for a capture: its clients as the scenario's, no steps. */
export function capturedTimeline(run: CapturedRun, name: string): Timeline {
  const clients = run.parties.filter((p) => p.role === 'client').map((p) => ({ id: p.id }));
  return { scenario: { title: name, clients, steps: [] }, seed: 0, actions: [] };
}

export function frozenSimulation(run: CapturedRun, scenario: Scenario): Simulation {
  const endMs = run.trace.length ? run.trace[run.trace.length - 1].atMs : 0;
  return {
    scenario,
    seed: 0,
    now: endMs,
    trace: run.trace,
    endMs,
    stopped: false,
    step: () => false,
    runUntil: () => {},
    run: () => {},
    act: () => {
      throw new Error('a capture is read-only');
    },
    snapshot: () => {
      throw new Error('a capture has no simulation to take a snapshot of');
    },
  };
}
