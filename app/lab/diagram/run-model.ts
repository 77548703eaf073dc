/**
 * What the space-time views draw, laid out from the engine's Journeys (engine/run/journeys.ts:
 * every packet with the fate of each of its copies, every timer from start to fire or cancel, when
 * each client was connected, each cable's outages) plus the moments worth a mark (a scenario step,
 * a connection closing, a message delivered, a protocol error), indexed by time, and a column for
 * each timer beside its lifeline so overlapping ones do not hide each other.
 * Built incrementally: `sync` reads only the events added since the last call (the trace is
 * append-only), and starts over when the run is replaced. Nothing here depends on the cursor.
 */
import type {
  CloseEvent,
  ConnectedSpan,
  Copy,
  DeliverEvent,
  Fate,
  JourneyChange,
  Outage,
  PacketJourney,
  Step,
  TimerEnd,
  TimerSpan,
  TraceEvent,
} from '$engine';
import { Journeys, actorParts, actorParty } from '$engine';
import { IntervalIndex } from './interval-index.ts';

export { actorParts, type ConnectedSpan, type Copy, type Fate, type Outage, type TimerEnd };

export const BROKER = 'broker';

/** A packet's journey, as an arrow: `index` is its position in `RunModel.arrows`. */
export type PacketArrow = PacketJourney;

export interface TimerBar extends TimerSpan {
  /** Side-by-side column beside the lifeline, so overlapping timers do not hide each other. */
  column: number;
}

export type Mark =
  | { kind: 'step'; seq: number; atMs: number; party: string; step: Step }
  | { kind: 'close'; seq: number; atMs: number; party: string; event: CloseEvent }
  | { kind: 'deliver'; seq: number; atMs: number; party: string; event: DeliverEvent }
  | {
      kind: 'error';
      seq: number;
      atMs: number;
      party: string;
      code: string;
      params?: Record<string, string | number>;
      rule?: string;
    };

/** The lifeline an actor belongs to: 'broker/sensor#1' → broker, 'sensor/out/3' → sensor. */
export function partyOf(actor: string): string {
  return actorParty(actor);
}

/** Which lifeline a scenario step is drawn on. */
export function stepParty(step: Step): string {
  if ('client' in step) return step.client;
  if (step.do === 'fault') return step.from;
  return BROKER;
}

export class RunModel {
  timers: TimerBar[] = [];
  marks: Mark[] = [];
  /** Packets by time: [sent, last copy's end]. Ids are arrow indexes. */
  arrowIndex = new IntervalIndex(500);
  /** Timers by time: [start, fire or cancel]. Ids are timer indexes. */
  timerIndex = new IntervalIndex(1_000);
  /** Bumped by every `sync` that read something. */
  revision = 0;
  /** Bumped when the model starts over (another run): geometry cached for the old one is stale. */
  generation = 0;
  /** Time of the last event read. */
  lastMs = 0;

  #source: readonly TraceEvent[] | null = null;
  #read = 0;
  #journeys = new Journeys();
  /** Per party, which timer holds each column (null: free). */
  #columns = new Map<string, (number | null)[]>();

  /** Every packet, in the order sent. */
  get arrows(): PacketArrow[] {
    return this.#journeys.packets;
  }

  /** When each client was connected. */
  get connected(): ConnectedSpan[] {
    return this.#journeys.connected;
  }

  /** When each client's cable was cut. */
  get outages(): Outage[] {
    return this.#journeys.outages;
  }

  /**
   * Read the events added since last time (at most `limit` of them: the lab reads a streamed run
   * in slices); start over if this is another run. Returns whether anything changed.
   */
  sync(trace: readonly TraceEvent[], limit = Infinity): boolean {
    if (trace !== this.#source || trace.length < this.#read) this.#reset(trace);
    if (this.#read === trace.length) return false;
    const to = Math.min(trace.length, this.#read + limit);
    for (let i = this.#read; i < to; i++) {
      const e = trace[i];
      this.lastMs = Math.max(this.lastMs, e.atMs);
      const change = this.#journeys.apply(e);
      if (change) this.#laidOut(change);
      this.#mark(e);
    }
    this.#journeys.read = to;
    this.#read = to;
    this.revision++;
    return true;
  }

  /** Events read so far. */
  get read(): number {
    return this.#read;
  }

  #reset(trace: readonly TraceEvent[]): void {
    this.#source = trace;
    this.#read = 0;
    this.#journeys = new Journeys();
    this.timers = [];
    this.marks = [];
    this.arrowIndex = new IntervalIndex(500);
    this.timerIndex = new IntervalIndex(1_000);
    this.lastMs = 0;
    this.generation++;
    this.#columns.clear();
    this.revision++;
  }

  arrowOf(sendSeq: number): PacketArrow | undefined {
    return this.#journeys.packetOf(sendSeq);
  }

  /** A journey begun or ended: its place in the time indexes, a timer's column. */
  #laidOut(change: JourneyChange): void {
    switch (change.kind) {
      case 'packet-sent':
        this.arrowIndex.add(change.packet.index, change.packet.send.sentAtMs);
        break;
      case 'packet-ended':
        this.arrowIndex.end(change.packet.index, Math.max(...change.packet.copies.map((c) => c.endMs)));
        break;
      case 'timer-started':
        this.#startTimer(change.timer);
        break;
      case 'timer-ended':
        this.#endTimer(change.timer);
        break;
    }
  }

  /** The moments drawn as marks on a lifeline, each by its event's kind. */
  #mark(e: TraceEvent): void {
    switch (e.kind) {
      case 'step':
        this.marks.push({ kind: 'step', seq: e.seq, atMs: e.atMs, party: stepParty(e.step), step: e.step });
        break;
      case 'close':
        this.marks.push({
          kind: 'close',
          seq: e.seq,
          atMs: e.atMs,
          party: e.side === 'client' ? e.client : BROKER,
          event: e,
        });
        break;
      case 'deliver':
        this.marks.push({ kind: 'deliver', seq: e.seq, atMs: e.atMs, party: e.client, event: e });
        break;
      case 'error':
        this.marks.push({
          kind: 'error',
          seq: e.seq,
          atMs: e.atMs,
          party: e.side === 'client' ? e.client : BROKER,
          code: e.code,
          ...(e.params ? { params: e.params } : {}),
          ...(e.rule ? { rule: e.rule } : {}),
        });
        break;
    }
  }

  #startTimer(span: TimerSpan): void {
    const columns = this.#columns.get(span.party) ?? [];
    this.#columns.set(span.party, columns);
    let column = columns.indexOf(null);
    if (column < 0) column = columns.length;
    columns[column] = span.timer;
    const bar: TimerBar = { ...span, column };
    this.timers.push(bar);
    this.timerIndex.add(bar.index, bar.startMs);
  }

  /** The bar is the span's copy with its column: it takes the span's end. */
  #endTimer(span: TimerSpan): void {
    const bar = this.timers[span.index];
    bar.end = span.end;
    bar.endSeq = span.endSeq;
    bar.endMs = span.endMs;
    this.timerIndex.end(bar.index, bar.endMs);
    const columns = this.#columns.get(bar.party);
    if (columns && columns[bar.column] === bar.timer) columns[bar.column] = null;
  }
}

/** Index of the first item with `atMs` > ms in a time-ordered list (binary search). */
export function upperBoundByTime(items: readonly { atMs: number }[], ms: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].atMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item with `atMs` ≥ ms. */
export function lowerBoundByTime(items: readonly { atMs: number }[], ms: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].atMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
