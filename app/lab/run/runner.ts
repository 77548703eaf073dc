/**
 * The run worker's message handler, kept free of the Worker global so unit tests drive it
 * in-process: `post` sends a message to the page, `later` runs a function after pending messages
 * (setTimeout in the worker), `clock` reads wall-clock time to pace the chunks.
 *
 * It simulates in slices of SLICE_EVENTS events and yields between slices, so a `stop` or a new
 * `start` is read within one slice. Events go out at most every POST_EVERY_MS (the first slice at
 * once): the page redraws once per chunk, not once per slice — and at least every
 * MAX_CHUNK_EVENTS events, as the page reads a chunk (structured clone) in one task.
 */
import { type Simulation, type TraceEvent } from '$engine';
import { simulationOf } from '../timeline.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export const SLICE_EVENTS = 2_000;
export const POST_EVERY_MS = 150;
/** A chunk of more events takes the page more than a few tens of ms to take in. */
export const MAX_CHUNK_EVENTS = 4_000;

export interface RunnerHost {
  post: (message: FromWorker) => void;
  later: (work: () => void) => void;
  clock: () => number;
}

export function createRunner(host: RunnerHost): (message: ToWorker) => void {
  /** The run being computed; replaced by a start, cleared by a stop or its end. */
  let current: { run: number; sim: Simulation; sent: number; postedAt: number } | null = null;

  const post = (final: boolean) => {
    const job = current!;
    const { sim } = job;
    // (until the run passes the events the page has, a chunk only tells how far it has got)
    const events: TraceEvent[] = sim.trace.length > job.sent ? sim.trace.slice(job.sent) : [];
    job.sent = Math.max(job.sent, sim.trace.length);
    job.postedAt = host.clock();
    host.post({
      type: 'chunk',
      run: job.run,
      events,
      nowMs: sim.now,
      endMs: sim.endMs,
      stopped: sim.stopped,
      done: final,
    });
  };

  const slice = (run: number) => {
    const job = current;
    if (!job || job.run !== run) return; // stopped or replaced meanwhile
    const { sim } = job;
    const target = sim.trace.length + SLICE_EVENTS;
    let more = true;
    try {
      while (sim.trace.length < target && (more = sim.step()));
      if (!more) sim.runUntil(sim.endMs); // the clock reaches the end, as run() leaves it
    } catch (error) {
      current = null;
      host.post({ type: 'failed', run, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!more) {
      post(true);
      current = null; // the page has it all: the worker keeps nothing
      return;
    }
    if (host.clock() - job.postedAt >= POST_EVERY_MS || sim.trace.length - job.sent >= MAX_CHUNK_EVENTS) post(false);
    host.later(() => slice(run));
  };

  return (message) => {
    if (message.type === 'stop') {
      if (current?.run === message.run) current = null;
      return;
    }
    let sim: Simulation;
    try {
      sim = simulationOf(message.timeline, message.budget);
    } catch (error) {
      current = null;
      host.post({ type: 'failed', run: message.run, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    current = { run: message.run, sim, sent: message.skip, postedAt: -Infinity };
    host.later(() => slice(message.run));
  };
}
