/**
 * A run as the lab sees it: a scenario, a seed, and the actions a person took, each at a virtual
 * time. Acting in the past forks: actions after that time are dropped and the run is replayed
 * with the new one — deterministic, so everything before the fork is the same as before.
 */
import { type Action, type Scenario, type Step, createSimulation, repeatSpan, type Simulation } from '$engine';

export interface Timeline {
  scenario: Scenario;
  seed: number;
  /** What the person did, in time order; each is a scenario step. */
  actions: Step[];
}

/**
 * The scenario with the actions merged into its steps, in time order. At the same millisecond,
 * faults come first (a fault aimed at a packet must be armed before the step that sends it), then
 * scenario steps, then actions, each in their own order.
 */
export function withActions(timeline: Timeline): Scenario {
  const steps = [...timeline.scenario.steps, ...timeline.actions].map((step, i) => ({
    step,
    i,
    rank: step.do === 'fault' ? 0 : 1,
  }));
  steps.sort((a, b) => a.step.atMs - b.step.atMs || a.rank - b.rank || a.i - b.i);
  // a repeating publish lasts until its last repetition
  const lastMs = steps.reduce((last, s) => Math.max(last, repeatSpan(s.step).lastMs), 0);
  const untilMs = Math.max(timeline.scenario.untilMs ?? 0, lastMs + 10_000);
  return { ...timeline.scenario, steps: steps.map((s) => s.step), untilMs };
}

/** The run's simulation; `budget` overrides the engine's event budget (tests). */
export function simulationOf(timeline: Timeline, budget?: number): Simulation {
  return createSimulation(withActions(timeline), { seed: timeline.seed, ...(budget !== undefined ? { budget } : {}) });
}

/** The timeline after acting at `atMs`: later actions are discarded (the future forks). */
export function fork(timeline: Timeline, action: Action, atMs: number): Timeline {
  const { atMs: _ignored, ...rest } = action;
  const step = { atMs, ...rest } as Step;
  return { ...timeline, actions: [...timeline.actions.filter((a) => a.atMs <= atMs), step] };
}
