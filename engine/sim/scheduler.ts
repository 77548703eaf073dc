/**
 * The one queue every event of a simulation goes through: packet arrivals, machine timers,
 * scenario steps. Ordered by (timeMs, lane, seq): `seq` is the order of scheduling, so two events
 * at the same virtual time always run in the same order. Lane 0 is for scenario steps and user
 * actions, which run before anything else due at the same millisecond; that is what makes an
 * action taken at time T replay exactly like the same step written into the scenario at T.
 */
export const LANE_STEP = 0;
export const LANE_EVENT = 1;

export interface Scheduled {
  readonly atMs: number;
  readonly lane: number;
  readonly seq: number;
  readonly run: () => void;
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
    if (!(atMs >= this.nowMs)) throw new Error(`cannot schedule in the past: ${atMs} < ${this.nowMs}`);
    const item: Scheduled = { atMs, lane, seq: this.seq++, run, cancelled: false };
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
    item.run();
    return true;
  }

  get size(): number {
    return this.heap.length;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private before(a: Scheduled, b: Scheduled): boolean {
    return a.atMs !== b.atMs ? a.atMs < b.atMs : a.lane !== b.lane ? a.lane < b.lane : a.seq < b.seq;
  }

  private push(item: Scheduled): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Scheduled | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.before(heap[l], heap[m])) m = l;
        if (r < heap.length && this.before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}
