/**
 * TCP reassembly for one direction of a connection: segments in, the stream's bytes out, in order
 * and once — a retransmitted segment gives only what was not delivered yet, an out-of-order one
 * waits (up to a limit) for the gap before it to fill.
 */

/** How much a direction may hold while waiting for a missing segment. */
export const MAX_OUT_OF_ORDER_BYTES = 8 * 1024 * 1024;

export class TcpStream {
  /** The sequence number of the stream's first byte (after the SYN), once known. */
  private base: number | null = null;
  /** Bytes delivered so far. */
  private delivered = 0;
  private readonly waiting = new Map<number, Uint8Array>();
  private waitingBytes = 0;
  /** Set when a gap never filled and bytes were given up on. */
  gap = false;

  /** A SYN sets the stream's start: its sequence number + 1. */
  syn(seq: number): void {
    if (this.base === null) this.base = (seq + 1) >>> 0;
  }

  /** A segment's payload; returns the bytes it makes available in order (maybe none, maybe more). */
  push(seq: number, payload: Uint8Array): Uint8Array[] {
    if (payload.length === 0) return [];
    if (this.base === null) this.base = seq; // the capture began after the handshake
    const offset = (seq - this.base) >>> 0;
    if (offset > 0x7fffffff) return []; // before the stream's start: an old retransmission
    const out: Uint8Array[] = [];
    this.accept(offset, payload, out);
    return out;
  }

  private accept(offset: number, payload: Uint8Array, out: Uint8Array[]): void {
    const end = offset + payload.length;
    if (end <= this.delivered) return; // all of it delivered already: a retransmission
    if (offset > this.delivered) {
      // a gap before it: wait, unless too much is waiting already
      if (this.waitingBytes + payload.length > MAX_OUT_OF_ORDER_BYTES) {
        this.gap = true;
        return;
      }
      const held = this.waiting.get(offset);
      if (!held || held.length < payload.length) {
        this.waitingBytes += payload.length - (held?.length ?? 0);
        this.waiting.set(offset, payload);
      }
      return;
    }
    const fresh = payload.subarray(this.delivered - offset);
    out.push(fresh);
    this.delivered += fresh.length;
    // what waited behind the gap may follow now
    for (;;) {
      let next: [number, Uint8Array] | undefined;
      for (const entry of this.waiting) if (entry[0] <= this.delivered) next = entry;
      if (!next) return;
      this.waiting.delete(next[0]);
      this.waitingBytes -= next[1].length;
      const [at, bytes] = next;
      if (at + bytes.length > this.delivered) {
        const more = bytes.subarray(this.delivered - at);
        out.push(more);
        this.delivered += more.length;
      }
    }
  }
}

/** Bytes that arrived in chunks, read from the front without copying more than asked for. */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  length = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The byte at `index` from the front. */
  at(index: number): number {
    for (const chunk of this.chunks) {
      if (index < chunk.length) return chunk[index];
      index -= chunk.length;
    }
    return -1;
  }

  /** The first `n` bytes (n ≤ length), copied only when they span chunks. */
  peek(n: number): Uint8Array {
    if (this.chunks.length > 0 && this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    const out = new Uint8Array(n);
    let filled = 0;
    for (const chunk of this.chunks) {
      if (filled === n) break;
      const part = chunk.subarray(0, n - filled);
      out.set(part, filled);
      filled += part.length;
    }
    return out;
  }

  take(n: number): Uint8Array {
    const out = this.peek(n);
    this.skip(n);
    return out;
  }

  skip(n: number): void {
    this.length -= n;
    while (n > 0) {
      const first = this.chunks[0];
      if (first.length <= n) {
        this.chunks.shift();
        n -= first.length;
      } else {
        this.chunks[0] = first.subarray(n);
        n = 0;
      }
    }
  }
}
