/**
 * The one queue every event of a simulation goes through: packet arrivals, machine timers,
 * scenario steps. Ordered by (timeMs, lane, seq): `seq` is the order of scheduling, so two events
 * at the same virtual time always run in the same order. Lane 0 is for scenario steps and user
 * actions, which run before anything else due at the same millisecond; that is what makes an
 * action taken at time T replay exactly like the same step written into the scenario at T.
 */
export const LANE_STEP = 0;
export const LANE_EVENT = 1;

/**
 * One entry of the queue: `fn(arg)` runs when it is due. A hot caller passes a function made once
 * (not a closure per entry) and the record it works on as `arg`: a large run schedules a few
 * entries per packet, and a closure each was a good part of what it allocated.
 */
export interface Scheduled {
  readonly atMs: number;
  readonly lane: number;
  readonly seq: number;
  readonly fn: (arg: never) => void;
  readonly arg: unknown;
  cancelled: boolean;
}

export class Scheduler {
  private heap: Scheduled[] = [];
  private seq = 0;
  /** Timer ids, handed out by the clocks in the order timers start. */
  nextTimerId = 1;
  /** Virtual time: the time of the event running now, or of the last one run. */
  nowMs = 0;

  schedule(atMs: number, run: () => void, lane = LANE_EVENT): Scheduled {
    return this.call(atMs, run, undefined, lane);
  }

  /** Run `fn(arg)` at `atMs`: `fn` made once, `arg` the record it works on (no closure per entry). */
  call<T>(atMs: number, fn: (arg: T) => void, arg: T, lane = LANE_EVENT): Scheduled {
    if (!(atMs >= this.nowMs)) throw new Error(`cannot schedule in the past: ${atMs} < ${this.nowMs}`);
    const item: Scheduled = { atMs, lane, seq: this.seq++, fn, arg, cancelled: false };
    this.push(item);
    return item;
  }

  cancel(item: Scheduled): void {
    item.cancelled = true;
  }

  /** Time of the next event that will run, or Infinity. */
  peekMs(): number {
    this.dropCancelled();
    return this.heap.length ? this.heap[0].atMs : Infinity;
  }

  /** Run the next event; false when there is none. */
  runNext(): boolean {
    this.dropCancelled();
    const item = this.pop();
    if (!item) return false;
    this.nowMs = item.atMs;
    (item.fn as (arg: unknown) => void)(item.arg);
    return true;
  }

  get size(): number {
    return this.heap.length;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  /** Moves the hole up or down instead of swapping pairs: one write per level, no temporaries. */
  private push(item: Scheduled): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!before(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  private pop(): Scheduled | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(heap[r], heap[l]) ? r : l;
        if (!before(heap[m], last)) break;
        heap[i] = heap[m];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** Queue order: by time, then lane, then the order of scheduling. */
function before(a: Scheduled, b: Scheduled): boolean {
  return a.atMs !== b.atMs ? a.atMs < b.atMs : a.lane !== b.lane ? a.lane < b.lane : a.seq < b.seq;
}
