/**
 * A capture opened in the lab (fromCapture): a run that is only a trace. It stands in for the
 * simulation — the whole trace is there from the start, nothing more will happen, and nothing can
 * be done to it (acting needs a scenario to replay, which a capture does not have).
 */
import type { CapturedRun, Scenario, Simulation, TraceEvent } from '$engine';
import type { Timeline } from './timeline.ts';

/**
 * The capture each captured timeline stands for: what the views may show of a capture beyond its
 * trace (the parties' addresses), found from the timeline on screen without the lab keeping it.
 */
const captures = new WeakMap<Timeline, CapturedRun>();

/** The timeline the lab shows for a capture: its clients as the scenario's, no steps. */
export function capturedTimeline(run: CapturedRun, name: string): Timeline {
  const clients = run.parties.filter((p) => p.role === 'client').map((p) => ({ id: p.id }));
  const timeline: Timeline = { scenario: { title: name, clients, steps: [] }, seed: 0, actions: [] };
  captures.set(timeline, run);
  return timeline;
}

/** The capture a timeline was made from (capturedTimeline), or undefined for a simulated run. */
export function captureOf(timeline: Timeline): CapturedRun | undefined {
  return captures.get(timeline);
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

/** A captured client's connection, as far as the capture shows it (the topology's badge). */
export type CapturedState = 'none' | 'connecting' | 'connected' | 'disconnected';

/**
 * Where each client's connection changes in a capture's trace: a capture has no client machines to
 * read a state from, only what went over the wire — the connection opened, a CONNACK accepting it
 * (reason code 0) arrived, the connection closed.
 */
export function capturedStateChanges(trace: readonly TraceEvent[]): Map<string, Array<[number, CapturedState]>> {
  const changes = new Map<string, Array<[number, CapturedState]>>();
  const add = (client: string, seq: number, state: CapturedState) => {
    const list = changes.get(client) ?? [];
    if (list[list.length - 1]?.[1] !== state) list.push([seq, state]);
    changes.set(client, list);
  };
  for (const event of trace) {
    if (event.kind === 'open') add(event.client, event.seq, 'connecting');
    else if (event.kind === 'close') add(event.client, event.seq, 'disconnected');
    else if (event.kind === 'arrive' && event.packet.type === 'CONNACK' && event.packet.reasonCode === 0)
      add(event.to, event.seq, 'connected');
  }
  return changes;
}

/** A client's state after event `seq`, from its changes. */
export function capturedStateAt(
  changes: ReadonlyArray<[number, CapturedState]> | undefined,
  seq: number,
): CapturedState {
  let state: CapturedState = 'none';
  for (const [at, next] of changes ?? []) {
    if (at > seq) break;
    state = next;
  }
  return state;
}
