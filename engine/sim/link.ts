/**
 * One direction of the link between a client and the broker, under either transport model.
 *
 * tcp (the default; what MQTT runs on [MQTT-4.2-1]): MQTT packets arrive in order, once. Each
 * transmission of a segment is lost with `lossRatio`; a lost one is sent again after the
 * retransmission timeout — RTO = max(200 ms, 2 × RTT), doubling after every loss up to 60 s (Linux
 * uses 200 ms and 120 s) — and the receiver holds everything behind it until it gets through
 * (head-of-line blocking). While the link is cut every transmission is lost the same way, so after
 * `restore` the data arrives at the first retransmission due after the outage. Duplicates and
 * reordering below TCP are hidden by it: a reordered segment only arrives later. The connection
 * survives an outage unless somebody gives up (Keep Alive) or it is reset.
 *
 * lossy (the textbook, datagram picture — a teaching model, not MQTT over TCP): each packet is lost,
 * duplicated or held back on its own, with the ratios given; a cut link loses what crosses it.
 */
import type { Prng } from './prng.ts';
import type { Scheduled, Scheduler } from './scheduler.ts';

export type Transport = 'tcp' | 'lossy';

/**
 * How one direction of a link behaves: the kernel's own type, so it depends on no scenario format
 * (a scenario's `link`, `up` and `down` have this shape).
 */
export interface LinkOptions {
  delayMs?: number;
  jitterMs?: number;
  lossRatio?: number;
  duplicateRatio?: number;
  reorderRatio?: number;
}

export const DEFAULT_LINK: Required<LinkOptions> = {
  delayMs: 50,
  jitterMs: 0,
  lossRatio: 0,
  duplicateRatio: 0,
  reorderRatio: 0,
};

export const MIN_RTO_MS = 200;
export const MAX_RTO_MS = 60_000;

/** What the link does with one item: call `arrive` (maybe twice, lossy) or `lost`. */
export interface Carried {
  /** Arrives at the far end. `copy` is true for a duplicate; `retransmits` (tcp) how often it was resent. */
  arrive(atMs: number, copy: boolean, retransmits?: number): void;
  /** Will never arrive. */
  lost(reason: 'loss' | 'fault' | 'cut' | 'closed', lostAtMs: number): void;
  /** The connection the item belongs to, so a reset can take back what it had on the way. */
  conn?: number;
  /** Told when the time of arrival becomes known (tcp: with the retransmissions it took so far). */
  planned?(arriveAtMs: number, retransmits: number): void;
  /** Told when the link makes a duplicate (lossy), before its arrival. */
  duplicated?(): void;
  /** Control items (a connection closing) are never lost or duplicated by the lossy model. */
  control?: boolean;
  /** A scripted fault for this item. */
  fault?: { kind: 'drop' | 'duplicate' | 'delay'; delayMs?: number };
}

/**
 * What a link carries under tcp: one MQTT packet (or a FIN) that is its own segment — the link
 * keeps the retransmission state on the item (one record per packet rather than an item and a
 * segment around it). Network's items extend it; the link sets these fields in `carry`.
 */
export abstract class Segment implements Carried {
  abstract arrive(atMs: number, copy: boolean, retransmits?: number): void;
  abstract lost(reason: 'loss' | 'fault' | 'cut' | 'closed', lostAtMs: number): void;
  conn?: number;
  planned?(arriveAtMs: number, retransmits: number): void;
  duplicated?(): void;
  control?: boolean;
  fault?: Carried['fault'];
  /** The direction carrying it: the scheduler calls back with the segment alone. */
  link: LinkDirection | null = null;
  seq = 0;
  retransmits = 0;
  rtoMs = 0;
  /** The next transmission or the arrival, whichever is scheduled. */
  scheduled: Scheduled | null = null;
  /** When its current transmission started (for what a cut catches on the way). */
  sentAtMs = 0;
  /** Whether `scheduled` is its arrival (true) or its next retransmission (false). */
  arriving = false;
  /** Arrived, waiting for an earlier segment (reassembly). */
  held = false;
  /** Taken back by a reset. */
  discarded = false;
  /** When its current transmission arrives (set with `arriving`). */
  arriveAtMs = 0;
}

// What the scheduler runs for a segment: made once, the segment passed along (no closure per packet).
const transmitSegment = (segment: Segment) => segment.link!.transmit(segment);
const reassembleSegment = (segment: Segment) => segment.link!.reassemble(segment, segment.arriveAtMs);

export class LinkDirection {
  options: Required<LinkOptions>;
  cut = false;
  // tcp
  private nextSeq = 0;
  /**
   * Segments sent and not yet handed to the receiver, in sequence order from `head` (an array
   * rather than maps by seq: every packet goes in at the end and comes out at the front).
   */
  private queue: Segment[] = [];
  private head = 0;
  /** Segments in the queue that are neither delivered nor discarded. */
  private live = 0;
  // lossy
  private readonly inFlight = new Set<{ item: Carried; scheduled: Scheduled }>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly prng: Prng,
    readonly transport: Transport,
    options: LinkOptions,
    /** The other direction's delay, for the RTT. */
    private readonly reverseDelayMs: () => number,
  ) {
    this.options = { ...DEFAULT_LINK, ...options };
  }

  set(options: LinkOptions): void {
    this.options = { ...this.options, ...options };
  }

  private initialRtoMs(): number {
    return Math.max(MIN_RTO_MS, 2 * (this.options.delayMs + this.reverseDelayMs()));
  }

  private latencyMs(): number {
    const { delayMs, jitterMs } = this.options;
    return delayMs + (jitterMs > 0 ? Math.floor(this.prng.float() * (jitterMs + 1)) : 0);
  }

  carry(item: Segment): void {
    if (this.transport === 'tcp') {
      const segment = item;
      segment.link = this;
      segment.seq = this.nextSeq++;
      segment.retransmits = 0;
      segment.rtoMs = this.initialRtoMs();
      segment.scheduled = null;
      segment.sentAtMs = this.scheduler.nowMs;
      segment.arriving = false;
      segment.held = false;
      segment.discarded = false;
      this.queue.push(segment);
      this.live++;
      this.transmit(segment);
    } else this.carryLossy(item);
  }

  // ---------------------------------------------------------------- tcp

  /** @internal (transmitSegment) */
  transmit(segment: Segment): void {
    const now = this.scheduler.nowMs;
    segment.sentAtMs = now;
    const forced = segment.retransmits === 0 && segment.fault?.kind === 'drop';
    if (this.cut || forced || this.prng.chance(this.options.lossRatio)) {
      // Lost on the way: the sender's retransmission timer fires after RTO, backing off.
      const at = now + segment.rtoMs;
      segment.rtoMs = Math.min(segment.rtoMs * 2, MAX_RTO_MS);
      segment.retransmits++;
      segment.arriving = false;
      segment.scheduled = this.scheduler.call(at, transmitSegment, segment);
      return;
    }
    let at = now + this.latencyMs();
    if (this.prng.chance(this.options.reorderRatio)) at += this.options.delayMs; // overtaken below TCP: waits
    if (segment.retransmits === 0 && segment.fault?.kind === 'delay') at += segment.fault.delayMs ?? 0;
    segment.arriving = true;
    segment.arriveAtMs = at;
    segment.planned?.(at, segment.retransmits); // unless a segment before it holds it back
    segment.scheduled = this.scheduler.call(at, reassembleSegment, segment);
  }

  /** The receiver gets a segment: hand it and any in-order followers to MQTT; hold the rest. */
  /** @internal (reassembleSegment) */
  reassemble(segment: Segment, atMs: number): void {
    segment.scheduled = null;
    segment.arriving = false;
    segment.held = true;
    const queue = this.queue;
    while (this.head < queue.length) {
      const next = queue[this.head];
      if (next.discarded) {
        this.head++; // discarded by a reset
        continue;
      }
      if (!next.held) break; // an earlier segment is still on its way: everything behind it waits
      next.held = false;
      this.head++;
      this.live--;
      next.arrive(atMs, false, next.retransmits);
    }
    this.compact();
  }

  /** Drop what the front of the queue has delivered, now and then (not on every packet). */
  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /** Segments not yet delivered nor discarded, in sequence order. */
  private *pending(): Generator<Segment> {
    const queue = this.queue;
    for (let i = this.head; i < queue.length; i++) if (!queue[i].discarded) yield queue[i];
  }

  // ---------------------------------------------------------------- lossy

  private carryLossy(item: Carried): void {
    const now = this.scheduler.nowMs;
    const latency = this.latencyMs();
    if (item.control) {
      item.planned?.(now + latency, 0);
      this.scheduleLossy(item, now + latency, false);
      return;
    }
    if (this.cut) return item.lost('cut', now);
    if (item.fault?.kind === 'drop') return item.lost('fault', now + latency / 2);
    if (this.prng.chance(this.options.lossRatio)) return item.lost('loss', now + latency / 2);
    let at = now + latency;
    if (this.prng.chance(this.options.reorderRatio))
      at += this.options.delayMs + Math.floor(this.prng.float() * (this.options.delayMs + 1));
    if (item.fault?.kind === 'delay') at += item.fault.delayMs ?? 0;
    item.planned?.(at, 0);
    this.scheduleLossy(item, at, false);
    if (item.fault?.kind === 'duplicate' || this.prng.chance(this.options.duplicateRatio)) {
      item.duplicated?.();
      // A scripted duplicate may be held back (`delayMs`): a stale copy arriving late.
      const held = item.fault?.kind === 'duplicate' ? (item.fault.delayMs ?? 0) : 0;
      this.scheduleLossy(item, now + this.latencyMs() + held, true);
    }
  }

  private scheduleLossy(item: Carried, atMs: number, copy: boolean): void {
    const entry = {
      item,
      scheduled: this.scheduler.schedule(atMs, () => {
        this.inFlight.delete(entry);
        item.arrive(atMs, copy);
      }),
    };
    this.inFlight.add(entry);
  }

  // ---------------------------------------------------------------- outages

  /** A silent outage: nothing crosses until `restore`. */
  cutNow(): void {
    if (this.cut) return;
    this.cut = true;
    const now = this.scheduler.nowMs;
    if (this.transport === 'tcp') {
      // What is on the way is lost in the outage; its sender will retransmit after its RTO.
      for (const segment of this.pending()) {
        const s = segment.scheduled;
        if (!s || !segment.arriving || s.atMs <= now) continue;
        this.scheduler.cancel(s);
        const at = Math.max(now, segment.sentAtMs + segment.rtoMs);
        segment.rtoMs = Math.min(segment.rtoMs * 2, MAX_RTO_MS);
        segment.retransmits++;
        segment.arriving = false;
        segment.scheduled = this.scheduler.call(at, transmitSegment, segment);
      }
      return;
    }
    for (const entry of [...this.inFlight]) {
      if (entry.scheduled.atMs <= now || entry.item.control) continue;
      this.scheduler.cancel(entry.scheduled);
      this.inFlight.delete(entry);
      entry.item.lost('cut', now);
    }
  }

  restore(): void {
    this.cut = false;
  }

  /** A connection was reset: what it had on the way, or held for reassembly, is gone. */
  discardConnection(conn: number): void {
    const now = this.scheduler.nowMs;
    if (this.transport === 'tcp') {
      for (const segment of [...this.pending()]) {
        if (segment.conn !== conn) continue;
        if (segment.scheduled) this.scheduler.cancel(segment.scheduled);
        segment.discarded = true;
        segment.held = false;
        this.live--;
        if (!segment.control) segment.lost('closed', now);
      }
      return;
    }
    for (const entry of [...this.inFlight]) {
      if (entry.item.conn !== conn) continue;
      this.scheduler.cancel(entry.scheduled);
      this.inFlight.delete(entry);
      if (!entry.item.control) entry.item.lost('closed', now);
    }
  }

  /** Items sent and not yet handed to the receiver. */
  get inFlightCount(): number {
    return this.transport === 'tcp' ? this.live : this.inFlight.size;
  }

  /** tcp: segments being retransmitted (lost at least once and not yet through). */
  get stalledCount(): number {
    let n = 0;
    for (const s of this.pending()) if (s.retransmits > 0 && !s.held) n++;
    return n;
  }
}
