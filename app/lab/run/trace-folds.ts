/**
 * What the lab reads from a run's trace whatever the cursor does: worlds kept along the trace
 * (checkpoints, to seek anywhere quickly) and the story beats. Both are read as the trace grows —
 * by the cursor's moves when the run is simulated in the page, ahead of them in small slices
 * (`readAhead`) while the worker streams a long run in — so that a run of 300,000 events is never
 * read in one go when it completes or when the cursor first jumps to its end.
 */
import { type Scenario, type TraceEvent, type World, applyEvent, cloneWorld, initialWorld } from '$engine';
import { type Beat, BeatReader } from '../beats.ts';

/**
 * A world is kept every this many events, to seek anywhere quickly — or every sixteenth of the
 * events before it, when more: copying a world costs as much as the records it holds (every flow
 * that ever ran is an actor), so on a run of 234,720 events a checkpoint every 256 events took
 * 110 s of copying in node; spaced so, about 60 copies, and a seek applies at most 1/16 of the run.
 */
const CHECKPOINT_EVERY = 256;
const CHECKPOINTS_PER_DOUBLING = 16;
/** How many events the world after `count` events is followed by before the next checkpoint. */
const checkpointSpacing = (count: number) => Math.max(CHECKPOINT_EVERY, Math.floor(count / CHECKPOINTS_PER_DOUBLING));
/** How many events a world holds. */
const eventsIn = (world: World) => world.seq + 1;

export class TraceFolds {
  #checkpoints: World[] = [];
  /** The next checkpoint, being built by read-ahead slices (a copy of the last, moved on). */
  #building: World | null = null;
  /** The last world computed, to step forward from without going back to a checkpoint. */
  #last: World | null = null;
  readonly #beats = new BeatReader();

  /** Forget what was read of the trace from event `seq` on (a new run `trace`, the same before it). */
  forgetFrom(seq: number, trace: readonly TraceEvent[] | null): void {
    let keep = this.#checkpoints.length;
    while (keep > 1 && eventsIn(this.#checkpoints[keep - 1]) > seq) keep--;
    this.#checkpoints = seq === 0 ? [] : this.#checkpoints.slice(0, keep);
    this.#building = null;
    if (this.#last && this.#last.seq >= seq) this.#last = null;
    this.#beats.forgetFrom(seq, trace);
  }

  /** The story beats of the trace so far (all of them when `complete`: it will not grow). */
  beats(trace: readonly TraceEvent[], complete: boolean): Beat[] {
    this.#beats.read(trace, complete);
    return this.#beats.beats();
  }

  /** The world after the events up to and including `seq`, from the nearest checkpoint. */
  worldAt(seq: number, trace: readonly TraceEvent[], scenario: Scenario): World {
    const count = Math.max(0, Math.min(seq + 1, trace.length)); // events to apply
    const checkpoint = this.#checkpointsUpTo(count, trace, scenario, Infinity).nearest;
    const from = eventsIn(checkpoint);
    // Forward from the last world when that is nearer than the checkpoint (playing, stepping on).
    const last = this.#last;
    const fromLast = last !== null && last.seq < count && last.seq + 1 >= from;
    const world = cloneWorld(fromLast ? last : checkpoint);
    for (let i = fromLast ? last.seq + 1 : from; i < count; i++) applyEvent(world, trace[i]);
    this.#last = world;
    return world;
  }

  /**
   * Read on through the trace, applying at most about `events` events: checkpoints first, then
   * the beats. Whether everything there is to read was read.
   */
  readAhead(trace: readonly TraceEvent[], scenario: Scenario, complete: boolean, events: number): boolean {
    const { applied, done } = this.#checkpointsUpTo(trace.length, trace, scenario, events);
    if (!done) return false;
    return this.#beats.read(trace, complete, Math.max(1, events - applied));
  }

  /**
   * Checkpoints up to the last one within the first `count` events, applying at most `limit`
   * events (a copy is made whole); the nearest checkpoint at or before `count`.
   */
  #checkpointsUpTo(
    count: number,
    trace: readonly TraceEvent[],
    scenario: Scenario,
    limit: number,
  ): { nearest: World; applied: number; done: boolean } {
    if (this.#checkpoints.length === 0) this.#checkpoints.push(initialWorld(scenario));
    let applied = 0;
    let done = false;
    while (applied < limit) {
      const last = this.#checkpoints[this.#checkpoints.length - 1];
      const to = eventsIn(last) + checkpointSpacing(eventsIn(last));
      if (to > count) {
        done = true;
        break;
      }
      const next = (this.#building ??= cloneWorld(last));
      const start = eventsIn(next);
      const stop = Math.min(to, start + (limit - applied));
      for (let i = start; i < stop; i++) applyEvent(next, trace[i]);
      applied += stop - start;
      if (eventsIn(next) < to) break;
      this.#checkpoints.push(next);
      this.#building = null;
    }
    let lo = 0;
    let hi = this.#checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (eventsIn(this.#checkpoints[mid]) <= count) lo = mid;
      else hi = mid - 1;
    }
    return { nearest: this.#checkpoints[lo], applied, done };
  }
}
