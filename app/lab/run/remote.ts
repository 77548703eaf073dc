/**
 * The page's side of the run worker: a run it computes (RemoteRun), read by the Lab through the
 * same surface as an in-page simulation (RunSource), and the channel to the worker (RunChannel).
 */
import type { TraceEvent } from '$engine';
import type { FromWorker, ToWorker } from './protocol.ts';

/** What the Lab reads of a run, whether simulated in the page or in the worker. */
export interface RunSource {
  readonly trace: readonly TraceEvent[];
  /** Virtual time computed so far: every event before it is in the trace. */
  readonly now: number;
  readonly endMs: number;
  /** The event budget stopped the run. */
  readonly stopped: boolean;
  /** Compute one more event here and now; false when that cannot be done (the end, or a worker's run). */
  step(): boolean;
  /** Compute up to `ms` here and now, when the run is in the page. */
  runUntil(ms: number): void;
}

/** A run the worker computes: its trace grows as chunks arrive; nothing is computed in the page. */
export class RemoteRun implements RunSource {
  readonly trace: TraceEvent[];
  now: number;
  endMs: number;
  stopped = false;
  /** Nothing more will come: the run reached its end, the budget, a failure, or the person stopped it. */
  done = false;
  /** The person stopped it (Stop): its end is where it stopped. */
  halted = false;

  constructor(
    readonly run: number,
    /** The events the page already has: the same as the worker's first ones. */
    known: readonly TraceEvent[],
    nowMs: number,
    endMs: number,
  ) {
    this.trace = [...known];
    this.now = nowMs;
    this.endMs = endMs;
  }

  step(): boolean {
    return false;
  }

  runUntil(): void {}

  /** Take a chunk of this run; whether anything the views show changed. */
  receive(chunk: Extract<FromWorker, { type: 'chunk' }>): boolean {
    if (this.done || chunk.run !== this.run) return false;
    const before = this.trace.length;
    for (const event of chunk.events) if (event.seq === this.trace.length) this.trace.push(event);
    const moved = chunk.nowMs > this.now || chunk.endMs !== this.endMs || chunk.done;
    this.now = Math.max(this.now, chunk.nowMs);
    this.endMs = chunk.endMs;
    this.stopped = chunk.stopped;
    this.done = chunk.done;
    return moved || this.trace.length !== before;
  }

  /** Stop where it is: what is computed is the whole run. */
  halt(): void {
    this.done = true;
    this.halted = true;
    this.endMs = this.now;
  }
}

/** A connection to a run worker, as RunChannel uses it (a real Worker, or an in-process one in tests). */
export interface WorkerLink {
  send(message: ToWorker): void;
  /** The lab is gone: end the worker. */
  close(): void;
}

/**
 * Opens a worker whose messages go to `receive`; `lost` when it cannot run (its script did not
 * load). Returns null when no worker can start here.
 */
export type ConnectWorker = (receive: (message: FromWorker) => void, lost: () => void) => WorkerLink | null;

/**
 * A real Web Worker. None under file:// — Chromium refuses a worker script from a file:// page
 * (its origin is opaque), and the single-file build (dist/mqtt-lab.html) has no worker file beside
 * it — nor where `Worker` does not exist (node tests): the Lab then simulates in the page, within
 * the event budget.
 */
export const connectBrowserWorker: ConnectWorker = (receive, lost) => {
  if (typeof Worker === 'undefined' || globalThis.location?.protocol === 'file:') return null;
  try {
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      lost();
    };
    return { send: (message) => worker.postMessage(message), close: () => worker.terminate() };
  } catch {
    return null; // a browser that refuses module workers: the page simulates
  }
};
