/**
 * What the space-time views draw, read once from the trace: every packet with the fate of each of
 * its copies, every timer from start to fire or cancel, the moments worth a mark (a scenario step,
 * a connection closing, a message delivered, a protocol error) and when each client was connected.
 * Built incrementally: `sync` reads only the events added since the last call (the trace is
 * append-only), and starts over when the run is replaced. Nothing here depends on the cursor.
 */
import type { CloseEvent, DeliverEvent, SendEvent, Step, TraceEvent } from '$engine';
import { actorParty, parseActorName } from '$engine';
import { IntervalIndex } from './interval-index.ts';

export const BROKER = 'broker';

export type Fate = 'arrive' | 'loss' | 'fault' | 'cut' | 'closed';

/** One copy of a packet on the wire: the original, or one the network duplicated. */
export interface Copy {
  /** The duplicate event that made this copy (absent for the original). */
  dupSeq?: number;
  /** The arrive or drop event that ended it; Infinity while not known. */
  endSeq: number;
  /** When it arrived or was lost; Infinity while not known. */
  endMs: number;
  fate: Fate | null;
}

export interface PacketArrow {
  /** Position in `RunModel.arrows`. */
  index: number;
  /** The send event's seq: what selection and hover name. */
  seq: number;
  send: SendEvent;
  copies: Copy[];
  /** When it is due, as last planned: from its send, or a later `plan` (tcp, after a loss). */
  expectedAtMs?: number;
  /** tcp: how many times it was lost and sent again, as last planned. */
  retransmits?: number;
}

export type TimerEnd = 'fire' | 'cancel';

export interface TimerBar {
  index: number;
  timer: number;
  actor: string;
  /** The lifeline it is drawn on: 'broker' or a client id. */
  party: string;
  /** The client it concerns (for the broker's timers), from the actor's name. */
  client: string | null;
  /** A flow's packet id, from the actor's name ('sensor/out/3' → 3). */
  packetId: number | null;
  machine: string;
  name: string;
  startSeq: number;
  startMs: number;
  dueAtMs: number;
  endSeq: number;
  endMs: number;
  end: TimerEnd | null;
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

/** A stretch of time a client's MQTT connection was up (CONNACK accepted until it closed). */
export interface ConnectedSpan {
  client: string;
  startSeq: number;
  startMs: number;
  endSeq: number;
  endMs: number;
}

/** A stretch of time a client's cable was cut (a `cut` step until its `restore`), as the world folds it. */
export interface Outage {
  client: string;
  startSeq: number;
  startMs: number;
  /** The restore; Infinity while not restored. */
  endSeq: number;
  endMs: number;
}

/** The lifeline an actor belongs to: 'broker/sensor#1' → broker, 'sensor/out/3' → sensor. */
export function partyOf(actor: string): string {
  return actorParty(actor);
}

/** The client a broker-side actor serves, and a flow's packet id, from the actor's name. */
export function actorParts(actor: string): { client: string | null; packetId: number | null } {
  const ref = parseActorName(actor);
  return { client: ref.client, packetId: ref.kind === 'flow' ? ref.packetId : null };
}

/** Which lifeline a scenario step is drawn on. */
export function stepParty(step: Step): string {
  if ('client' in step) return step.client;
  if (step.do === 'fault') return step.from;
  return BROKER;
}

export class RunModel {
  arrows: PacketArrow[] = [];
  timers: TimerBar[] = [];
  marks: Mark[] = [];
  connected: ConnectedSpan[] = [];
  outages: Outage[] = [];
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
  #arrowBySend = new Map<number, PacketArrow>();
  #timerById = new Map<number, TimerBar>();
  /** Per party, which timer holds each column (null: free). */
  #columns = new Map<string, (number | null)[]>();
  #openSpan = new Map<string, ConnectedSpan>();
  #openOutage = new Map<string, Outage>();

  /**
   * Read the events added since last time (at most `limit` of them: the lab reads a streamed run
   * in slices); start over if this is another run. Returns whether anything changed.
   */
  sync(trace: readonly TraceEvent[], limit = Infinity): boolean {
    if (trace !== this.#source || trace.length < this.#read) this.#reset(trace);
    if (this.#read === trace.length) return false;
    const to = Math.min(trace.length, this.#read + limit);
    for (let i = this.#read; i < to; i++) this.#apply(trace[i]);
    this.#read = to;
    this.revision++;
    return true;
  }

  #reset(trace: readonly TraceEvent[]): void {
    this.#source = trace;
    this.#read = 0;
    this.arrows = [];
    this.timers = [];
    this.marks = [];
    this.connected = [];
    this.outages = [];
    this.arrowIndex = new IntervalIndex(500);
    this.timerIndex = new IntervalIndex(1_000);
    this.lastMs = 0;
    this.generation++;
    this.#arrowBySend.clear();
    this.#timerById.clear();
    this.#columns.clear();
    this.#openSpan.clear();
    this.#openOutage.clear();
    this.revision++;
  }

  /** Events read so far. */
  get read(): number {
    return this.#read;
  }

  arrowOf(sendSeq: number): PacketArrow | undefined {
    return this.#arrowBySend.get(sendSeq);
  }

  #apply(e: TraceEvent): void {
    this.lastMs = Math.max(this.lastMs, e.atMs);
    switch (e.kind) {
      case 'send': {
        const arrow: PacketArrow = {
          index: this.arrows.length,
          seq: e.seq,
          send: e,
          copies: [{ endSeq: Infinity, endMs: Infinity, fate: null }],
          ...(e.expectedAtMs !== undefined ? { expectedAtMs: e.expectedAtMs } : {}),
        };
        this.arrows.push(arrow);
        this.#arrowBySend.set(e.seq, arrow);
        this.arrowIndex.add(arrow.index, e.sentAtMs);
        break;
      }
      case 'plan': {
        const arrow = this.#arrowBySend.get(e.send);
        if (!arrow) break;
        arrow.expectedAtMs = e.arriveAtMs;
        arrow.retransmits = e.retransmits;
        break;
      }
      case 'duplicate': {
        const arrow = this.#arrowBySend.get(e.send);
        arrow?.copies.push({ dupSeq: e.seq, endSeq: Infinity, endMs: Infinity, fate: null });
        break;
      }
      case 'arrive':
      case 'drop': {
        const arrow = this.#arrowBySend.get(e.send);
        if (!arrow) break;
        const copy =
          e.kind === 'arrive' && e.copy !== undefined
            ? arrow.copies.find((c) => c.dupSeq === e.copy && c.fate === null)
            : arrow.copies.find((c) => c.fate === null);
        if (!copy) break;
        copy.endSeq = e.seq;
        copy.endMs = e.kind === 'arrive' ? e.arriveAtMs : e.lostAtMs;
        copy.fate = e.kind === 'arrive' ? 'arrive' : e.reason;
        if (arrow.copies.every((c) => c.fate !== null)) {
          this.arrowIndex.end(arrow.index, Math.max(...arrow.copies.map((c) => c.endMs)));
        }
        break;
      }
      case 'timer':
        if (e.action === 'start') this.#startTimer(e);
        else this.#endTimer(e.timer, e.seq, e.atMs, e.action);
        break;
      case 'state':
        if (e.machine === 'client-connection' && !e.actor.includes('/')) this.#connection(e.actor, e.to, e.seq, e.atMs);
        break;
      case 'step':
        this.marks.push({ kind: 'step', seq: e.seq, atMs: e.atMs, party: stepParty(e.step), step: e.step });
        if (e.step.do === 'cut' || e.step.do === 'restore') this.#cable(e.step.client, e.step.do, e.seq, e.atMs);
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

  #startTimer(e: Extract<TraceEvent, { kind: 'timer' }>): void {
    const party = partyOf(e.actor);
    const columns = this.#columns.get(party) ?? [];
    this.#columns.set(party, columns);
    let column = columns.indexOf(null);
    if (column < 0) column = columns.length;
    columns[column] = e.timer;
    const { client, packetId } = actorParts(e.actor);
    const bar: TimerBar = {
      index: this.timers.length,
      timer: e.timer,
      actor: e.actor,
      party,
      client: party === BROKER ? client : null,
      packetId,
      machine: e.machine,
      name: e.name,
      startSeq: e.seq,
      startMs: e.atMs,
      dueAtMs: e.dueAtMs,
      endSeq: Infinity,
      endMs: Infinity,
      end: null,
      column,
    };
    this.timers.push(bar);
    this.#timerById.set(e.timer, bar);
    this.timerIndex.add(bar.index, bar.startMs);
  }

  #endTimer(timer: number, seq: number, atMs: number, end: TimerEnd): void {
    const bar = this.#timerById.get(timer);
    if (!bar || bar.end) return;
    bar.end = end;
    bar.endSeq = seq;
    bar.endMs = atMs;
    this.timerIndex.end(bar.index, atMs);
    const columns = this.#columns.get(bar.party);
    if (columns && columns[bar.column] === timer) columns[bar.column] = null;
  }

  /** The cable's state, as the world's `links[client].cut` follows the same steps. */
  #cable(client: string, what: 'cut' | 'restore', seq: number, atMs: number): void {
    const open = this.#openOutage.get(client);
    if (what === 'cut' && !open) {
      const outage: Outage = { client, startSeq: seq, startMs: atMs, endSeq: Infinity, endMs: Infinity };
      this.outages.push(outage);
      this.#openOutage.set(client, outage);
    } else if (what === 'restore' && open) {
      open.endSeq = seq;
      open.endMs = atMs;
      this.#openOutage.delete(client);
    }
  }

  #connection(client: string, to: string, seq: number, atMs: number): void {
    const open = this.#openSpan.get(client);
    const up = to === 'connected' || to.startsWith('connected.');
    if (up && !open) {
      const span: ConnectedSpan = { client, startSeq: seq, startMs: atMs, endSeq: Infinity, endMs: Infinity };
      this.connected.push(span);
      this.#openSpan.set(client, span);
    } else if (!up && open) {
      open.endSeq = seq;
      open.endMs = atMs;
      this.#openSpan.delete(client);
    }
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
