/**
 * Which items overlap a window of time, without looking at the others: items (packets on their
 * way, timers) are filed in fixed-width time buckets, every bucket their interval touches; an item
 * whose end is not known yet waits in a small "open" set that every query looks at. A query costs
 * the buckets it covers plus what is in them, however long the run is.
 */
export class IntervalIndex {
  readonly bucketMs: number;
  #buckets: number[][] = [];
  #open = new Set<number>();
  #startMs: number[] = [];
  #endMs: number[] = [];

  constructor(bucketMs = 500) {
    this.bucketMs = bucketMs;
  }

  get size(): number {
    return this.#startMs.length;
  }

  #bucket(ms: number): number {
    return Math.max(0, Math.floor(ms / this.bucketMs));
  }

  #file(id: number): void {
    const first = this.#bucket(this.#startMs[id]);
    const last = Math.max(first, this.#bucket(this.#endMs[id]));
    for (let b = first; b <= last; b++) (this.#buckets[b] ??= []).push(id);
  }

  /** Add item `id` (ids are 0, 1, 2 … in order) from `startMs` to `endMs` (Infinity: not known yet). */
  add(id: number, startMs: number, endMs = Infinity): void {
    this.#startMs[id] = startMs;
    this.#endMs[id] = endMs;
    if (Number.isFinite(endMs)) this.#file(id);
    else this.#open.add(id);
  }

  /** The end of an open item became known. */
  end(id: number, endMs: number): void {
    if (!this.#open.delete(id)) return;
    this.#endMs[id] = Math.max(endMs, this.#startMs[id]);
    this.#file(id);
  }

  /** Ids of the items overlapping [t0, t1], each once, ascending; written into `out` (cleared first). */
  query(t0: number, t1: number, out: number[] = []): number[] {
    out.length = 0;
    if (!(t1 >= t0)) return out;
    const q0 = this.#bucket(t0);
    const q1 = Math.min(this.#bucket(t1), this.#buckets.length - 1);
    for (let b = q0; b <= q1; b++) {
      const bucket = this.#buckets[b];
      if (!bucket) continue;
      for (const id of bucket) {
        // report an item from the first bucket of the query it is filed in, so each comes once
        if (Math.max(this.#bucket(this.#startMs[id]), q0) !== b) continue;
        if (this.#startMs[id] <= t1 && this.#endMs[id] >= t0) out.push(id);
      }
    }
    for (const id of this.#open) if (this.#startMs[id] <= t1) out.push(id);
    return out.sort((a, b) => a - b);
  }
}
