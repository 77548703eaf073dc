/**
 * What the page and the run worker (run.worker.ts) say to each other. The page starts a run (a
 * timeline) and may stop it; the worker simulates it from the start and streams its trace in
 * chunks, in order, each with how far the run has got. Every message names its run, so chunks of
 * a run the page has since replaced are recognised and ignored.
 */
import type { TraceEvent } from '$engine';
import type { Timeline } from '../timeline.ts';

export type ToWorker =
  | {
      type: 'start';
      run: number;
      timeline: Timeline;
      /** The page already has the first `skip` events (the run is deterministic): send the rest. */
      skip: number;
      /** Events before the budget stops the run (default: the engine's EVENT_BUDGET). */
      budget?: number;
    }
  | { type: 'stop'; run: number };

/** How far a run has got: every event before `nowMs` is in the trace. */
export interface Progress {
  run: number;
  nowMs: number;
  endMs: number;
  /** The event budget stopped it (its trace ends with a budget-reached note). */
  stopped: boolean;
  /** Nothing more will come for this run. */
  done: boolean;
}

export type FromWorker =
  ({ type: 'chunk'; events: TraceEvent[] } & Progress) | { type: 'failed'; run: number; message: string };
