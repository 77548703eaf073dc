/**
 * One direction of the link between a client and the broker, under either transport model.
 *
 * tcp (the default; what MQTT runs on [MQTT-4.2-1]): MQTT packets arrive in order, once. A lost
 * segment is retransmitted after an RTO — max(200 ms, 2 × RTT), doubling on each further loss —
 * and everything behind it waits (head-of-line blocking). Duplicates and reordering are TCP's to
 * hide, so they only add delay. A cut link stalls: what is sent waits, and so does what was on the
 * way; after `restore` it arrives at the first retransmission due after the outage (the RTO
 * backoff, counted from the cut), in order. Only a reset, or a peer giving up, ends it.
 *
 * lossy (the textbook, datagram picture — a teaching model, not MQTT over TCP): each packet is lost,
 * duplicated or held back on its own, with the ratios given; a cut link loses what crosses it.
 */
import type { LinkOptions } from '../scenario/schema.ts';
import type { Prng } from './prng.ts';
import { type Scheduled, Scheduler } from './scheduler.ts';

export type Transport = 'tcp' | 'lossy';

export const DEFAULT_LINK: Required<LinkOptions> = {
  delayMs: 50,
  jitterMs: 0,
  lossRatio: 0,
  duplicateRatio: 0,
  reorderRatio: 0,
};

const MIN_RTO_MS = 200;
const MAX_RETRANSMITS = 12;

/** What the link does with one item: call `arrive` (maybe twice) or `lost`. */
export interface Carried {
  /** Arrives at the far end. `copy` is true for a duplicate. */
  arrive(atMs: number, copy: boolean): void;
  /** Will never arrive. */
  lost(reason: 'loss' | 'fault' | 'cut' | 'closed', lostAtMs: number): void;
  /** The connection the item belongs to, so a reset can take back what it had on the way. */
  conn?: number;
  /** Told once the time of arrival is known (tcp: retransmissions counted). */
  planned?(arriveAtMs: number, retransmits: number): void;
  /** Told when the link makes a duplicate (lossy), before its arrival. */
  duplicated?(): void;
  /** Control items (a connection closing) are never lost or duplicated, only delayed. */
  control?: boolean;
  /** A scripted fault for this item. */
  fault?: { kind: 'drop' | 'duplicate' | 'delay'; delayMs?: number };
}

interface Stalled {
  item: Carried;
  sentAtMs: number;
}

export class LinkDirection {
  options: Required<LinkOptions>;
  cut = false;
  private cutAtMs = 0;
  private lastArriveMs = 0;
  private stalled: Stalled[] = [];
  private inFlight = new Set<{ item: Carried; scheduled: Scheduled; sentAtMs: number }>();

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

  private rtoMs(): number {
    return Math.max(MIN_RTO_MS, 2 * (this.options.delayMs + this.reverseDelayMs()));
  }

  private latencyMs(): number {
    const { delayMs, jitterMs } = this.options;
    return delayMs + (jitterMs > 0 ? Math.floor(this.prng.float() * (jitterMs + 1)) : 0);
  }

  carry(item: Carried): void {
    if (this.transport === 'tcp') this.carryTcp(item);
    else this.carryLossy(item);
  }

  private carryTcp(item: Carried): void {
    const now = this.scheduler.nowMs;
    if (this.cut) {
      this.stalled.push({ item, sentAtMs: now });
      return;
    }
    let at = now;
    let retransmits = 0;
    let rto = this.rtoMs();
    const forcedLoss = item.fault?.kind === 'drop' ? 1 : 0;
    while (
      retransmits < MAX_RETRANSMITS &&
      (retransmits < forcedLoss || (!item.control && this.prng.chance(this.options.lossRatio)))
    ) {
      at += rto;
      rto *= 2;
      retransmits++;
    }
    at += this.latencyMs();
    if (this.prng.chance(this.options.reorderRatio)) at += this.options.delayMs; // overtaken below TCP: waits
    if (item.fault?.kind === 'delay') at += item.fault.delayMs ?? 0;
    at = Math.max(at, this.lastArriveMs); // in order: nothing overtakes what was sent before it
    this.lastArriveMs = at;
    item.planned?.(at, retransmits);
    this.schedule(item, at, false, now);
  }

  private carryLossy(item: Carried): void {
    const now = this.scheduler.nowMs;
    const latency = this.latencyMs();
    if (item.control) {
      item.planned?.(now + latency, 0);
      this.schedule(item, now + latency, false, now);
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
    this.schedule(item, at, false, now);
    if (item.fault?.kind === 'duplicate' || this.prng.chance(this.options.duplicateRatio)) {
      item.duplicated?.();
      this.schedule(item, now + this.latencyMs(), true, now);
    }
  }

  private schedule(item: Carried, atMs: number, copy: boolean, sentAtMs: number): void {
    const entry = {
      item,
      sentAtMs,
      scheduled: this.scheduler.schedule(atMs, () => {
        this.inFlight.delete(entry);
        item.arrive(atMs, copy);
      }),
    };
    this.inFlight.add(entry);
  }

  /** A silent outage: nothing crosses until `restore`. */
  cutNow(): void {
    if (this.cut) return;
    this.cut = true;
    this.cutAtMs = this.scheduler.nowMs;
    const now = this.scheduler.nowMs;
    // What is on the way is caught in the outage: tcp will retransmit it, lossy loses it.
    const caught = [...this.inFlight]
      .filter((e) => e.scheduled.atMs > now)
      .sort((a, b) => a.scheduled.seq - b.scheduled.seq);
    for (const entry of caught) {
      this.scheduler.cancel(entry.scheduled);
      this.inFlight.delete(entry);
      if (this.transport === 'tcp' || entry.item.control)
        this.stalled.push({ item: entry.item, sentAtMs: entry.sentAtMs });
      else entry.item.lost('cut', now);
    }
    if (this.transport === 'tcp') this.lastArriveMs = now;
  }

  restore(): void {
    if (!this.cut) return;
    this.cut = false;
    const now = this.scheduler.nowMs;
    // TCP retransmits at cut + RTO, + 2 RTO, + 4 RTO …: the first one after the outage gets through.
    let rto = this.rtoMs();
    let retry = this.cutAtMs + rto;
    while (retry < now) {
      rto *= 2;
      retry += rto;
    }
    const waiting = this.stalled;
    this.stalled = [];
    for (const { item, sentAtMs } of waiting) {
      const at = Math.max(retry + this.latencyMs(), this.lastArriveMs);
      this.lastArriveMs = at;
      item.planned?.(at, 1);
      this.schedule(item, at, false, sentAtMs);
    }
  }

  /** A connection was reset: what it had on the way, or waiting, is gone. */
  discardConnection(conn: number): void {
    const now = this.scheduler.nowMs;
    for (const entry of [...this.inFlight]) {
      if (entry.item.conn !== conn) continue;
      this.scheduler.cancel(entry.scheduled);
      this.inFlight.delete(entry);
      if (!entry.item.control) entry.item.lost('closed', now);
    }
    this.stalled = this.stalled.filter((s) => {
      if (s.item.conn !== conn) return true;
      if (!s.item.control) s.item.lost('closed', now);
      return false;
    });
  }

  /** Number of items waiting for a cut link to come back. */
  get stalledCount(): number {
    return this.stalled.length;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }
}
