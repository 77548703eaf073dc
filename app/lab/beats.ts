/**
 * Story beats: the moments of a run a teacher stops on with a clicker (PageDown / PageUp). A beat
 * is a moment in virtual time where something a class should see happens — a packet sent, lost,
 * resent with DUP = 1 or retransmitted by TCP, arrived; a message delivered to an application; a timer that fires and does
 * something (a retry, a keepalive expiring, the wait for PINGRESP running out); a connection
 * closing; the will going out; a session resumed; a scenario step. Quiet time between them is
 * skipped; no such moment ever is.
 *
 * Beats are read from the trace's events alone (no field that only some transports fill in), so
 * the same run always gives the same stops. Everything at one virtual millisecond is one stop: a
 * clicker press should change what is on screen, and events of the same millisecond appear
 * together. A packet lost on its way is a stop at the time it is lost (where the × is drawn).
 */
import type { Step, TraceEvent } from '$engine';
import { type Phrase, phrase } from './phrase.ts';
import { party } from './narration/narration.ts';

/** What kind of moment, most telling first (the order picks a stop's headline). */
export const MOMENT_KINDS = [
  'will',
  'error',
  'lost',
  'deliver',
  'resend',
  'retransmit',
  'timer',
  'close',
  'resumed',
  'arrive',
  'send',
  'step',
] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export interface Moment {
  kind: MomentKind;
  /** The trace event it was read from. */
  seq: number;
  /** What happened, to put into words with `sentence` (i18n keys under `beats.`). */
  readonly phrase: Phrase;
}

export interface Beat {
  /** Where the cursor goes: the lab shows every event up to this virtual time. */
  atMs: number;
  /** The moments at this time, in trace order. */
  moments: Moment[];
  /** The last of them (the cursor has reached the beat once it shows this event). */
  seq: number;
  /** The moment the status line leads with. */
  headline: Moment;
}

const rank = (kind: MomentKind) => MOMENT_KINDS.indexOf(kind);

/**
 * A moment keeps only its kind, its event and the trace: its phrase is read when shown. A long
 * run has a moment for most of its events, so a phrase built for each (four or five objects) was
 * a good part of the heap per event.
 */
class TraceMoment implements Moment {
  constructor(
    readonly kind: MomentKind,
    readonly seq: number,
    readonly trace: readonly TraceEvent[],
  ) {}

  get phrase(): Phrase {
    return phraseOf(this.kind, this.trace[this.seq], this.trace);
  }
}

/** The beats of a trace, in time order. */
export function beatsOf(trace: readonly TraceEvent[]): Beat[] {
  const reader = new BeatReader();
  reader.read(trace, true);
  return reader.beats();
}

/**
 * The beats of a growing trace, each event read once (a long run's trace grows by chunks).
 * A moment may look at the later events of its millisecond (a timer started again at once), so
 * the events of the last millisecond of a trace still growing wait until it has moved on. A beat
 * is final once every event read is at or after its time, as no later event can add a moment
 * before its own time (a loss is a stop at its event's time or later): final beats are kept in an
 * array that only grows; the others wait, few, in `#pending`.
 */
export class BeatReader {
  #final: Beat[] = [];
  #pending = new Map<number, Moment[]>();
  /** Events read. */
  #read = 0;
  #trace: readonly TraceEvent[] | null = null;
  /** The beats as last returned, while nothing was read since, and the trace's length then. */
  #shown: Beat[] | null = null;
  #shownLength = 0;

  /** Events read so far. */
  get events(): number {
    return this.#read;
  }

  /**
   * Read the trace on from where the last call stopped; `complete`: it will not grow. At most
   * `limit` events (the lab reads ahead in slices); whether everything readable was read.
   */
  read(trace: readonly TraceEvent[], complete: boolean, limit = Infinity): boolean {
    if (trace !== this.#trace) this.forgetFrom(0, trace);
    let readable = trace.length;
    if (!complete) {
      const lastMs = trace[readable - 1]?.atMs;
      while (readable > 0 && trace[readable - 1].atMs === lastMs) readable--;
    }
    const to = Math.min(readable, this.#read + limit);
    if (to <= this.#read) return to >= readable;
    for (let i = this.#read; i < to; i++) {
      const e = trace[i];
      const kind = kindOf(e, trace, i);
      if (!kind) continue;
      const atMs = e.kind === 'drop' ? Math.max(e.atMs, e.lostAtMs) : e.atMs;
      const moment = new TraceMoment(kind, e.seq, trace);
      const list = this.#pending.get(atMs);
      if (list) list.push(moment);
      else this.#pending.set(atMs, [moment]);
    }
    this.#read = to;
    this.#shown = null;
    this.#settle(to < trace.length ? trace[to].atMs : complete ? Infinity : (trace[to - 1]?.atMs ?? 0) + 1);
    return to >= readable;
  }

  /** Move the beats before `beforeMs` (every event after them is at or after it) to the final ones. */
  #settle(beforeMs: number): void {
    const due = [...this.#pending.keys()].filter((atMs) => atMs < beforeMs).sort((a, b) => a - b);
    for (const atMs of due) {
      this.#final.push(beatOf(atMs, this.#pending.get(atMs)!));
      this.#pending.delete(atMs);
    }
  }

  /**
   * The beats read so far, in time order, with those of the events not read yet (the last
   * millisecond of a growing trace): the same array while nothing new was read.
   */
  beats(): Beat[] {
    const trace = this.#trace ?? [];
    if (this.#shown && this.#shownLength === trace.length) return this.#shown;
    const open = new Map<number, Moment[]>();
    for (const [atMs, list] of this.#pending) open.set(atMs, [...list]);
    for (let i = this.#read; i < trace.length; i++) {
      const e = trace[i];
      const kind = kindOf(e, trace, i);
      if (!kind) continue;
      const atMs = e.kind === 'drop' ? Math.max(e.atMs, e.lostAtMs) : e.atMs;
      const list = open.get(atMs);
      const moment = new TraceMoment(kind, e.seq, trace);
      if (list) list.push(moment);
      else open.set(atMs, [moment]);
    }
    const beats = [...open.entries()].sort(([a], [b]) => a - b).map(([atMs, list]) => beatOf(atMs, list));
    this.#shown = beats.length ? this.#final.concat(beats) : this.#final;
    this.#shownLength = trace.length;
    return this.#shown;
  }

  /** Forget what was read from event `seq` on (a new run, the same before it: `trace`). */
  forgetFrom(seq: number, trace: readonly TraceEvent[] | null): void {
    this.#trace = trace;
    this.#shown = null;
    if (seq >= this.#read) return;
    const moments: Moment[] = [];
    for (const beat of this.#final) for (const m of beat.moments) if (m.seq < seq) moments.push(m);
    for (const list of this.#pending.values()) for (const m of list) if (m.seq < seq) moments.push(m);
    this.#final = [];
    this.#pending.clear();
    for (const m of moments) {
      const e = (m as TraceMoment).trace[m.seq];
      const atMs = e.kind === 'drop' ? Math.max(e.atMs, e.lostAtMs) : e.atMs;
      const again = trace ? new TraceMoment(m.kind, m.seq, trace) : m;
      const list = this.#pending.get(atMs);
      if (list) list.push(again);
      else this.#pending.set(atMs, [again]);
    }
    this.#read = seq;
    const next = trace?.[seq];
    this.#settle(next ? next.atMs : -Infinity);
  }
}

function beatOf(atMs: number, moments: Moment[]): Beat {
  moments.sort((a, b) => a.seq - b.seq);
  const headline = moments.reduce((best, m) => (rank(m.kind) < rank(best.kind) ? m : best));
  return { atMs, moments, seq: moments[moments.length - 1].seq, headline };
}

/** What kind of moment an event is, or null when it is not one a class stops on. */
function kindOf(e: TraceEvent, trace: readonly TraceEvent[], i: number): MomentKind | null {
  switch (e.kind) {
    case 'send':
      // DUP = 1: the sender resends a PUBLISH it has no acknowledgement for [MQTT-3.3.1-1]
      return e.packet.type === 'PUBLISH' && e.packet.dup ? 'resend' : 'send';
    case 'duplicate':
      return 'send';
    case 'arrive':
      return 'arrive';
    case 'plan':
      // tcp: a lost segment got through on a later transmission. TCP hides the loss from MQTT (no
      // drop, DUP stays 0), so this retransmission is the only moment the class can see it.
      return e.retransmits === 0 ? null : 'retransmit';
    case 'drop':
      return 'lost';
    case 'deliver':
      return 'deliver';
    case 'timer':
      return e.action !== 'fire' || rearmedAtOnce(trace, i) ? null : 'timer';
    case 'close':
      return 'close';
    case 'error':
      return 'error';
    case 'note':
      if (e.code === 'will-published') return 'will';
      if (e.code === 'session-resumed') return 'resumed';
      return null;
    case 'step':
      return 'step';
    default:
      return null;
  }
}

/** The words of a moment of `kind` read from event `e`. */
function phraseOf(kind: MomentKind, e: TraceEvent, trace: readonly TraceEvent[]): Phrase {
  const say = (key: string, params: Phrase['params'] = {}) => phrase(`beats.${key}`, params);
  switch (e.kind) {
    case 'send': {
      const route = { packet: e.packet.type, from: party(e.from, true), to: party(e.to) };
      return say(kind === 'resend' ? 'resend' : 'send', route);
    }
    case 'duplicate':
      return say('copied', { packet: packetOf(trace, e.send), from: party(e.from), to: party(e.to) });
    case 'arrive':
      return say('arrive', { packet: e.packet.type, from: party(e.from), to: party(e.to) });
    case 'plan':
      return say('retransmit', {
        packet: packetOf(trace, e.send),
        from: party(e.from),
        to: party(e.to),
        attempt: e.retransmits + 1,
      });
    case 'drop':
      return say(`lost.${e.reason}`, { packet: packetOf(trace, e.send), from: party(e.from), to: party(e.to) });
    case 'deliver':
      return say('deliver', { client: party(e.client, true), topic: e.topic, payload: e.payload, qos: e.qos });
    case 'timer':
      return say(timerKey(e.name), timerParties(e.actor));
    case 'close':
      return say(e.side === 'broker' ? 'close.broker' : 'close.client', { client: party(e.client, true) });
    case 'error':
      return say('error', { who: party(e.side === 'broker' ? 'broker' : e.client, true) });
    case 'note':
      if (e.code === 'will-published') return say('will', { client: party(String(e.params?.client ?? '')) });
      if (e.code === 'session-resumed') return say('resumed', { client: party(String(e.params?.client ?? ''), true) });
      return phrase('beats.none');
    case 'step':
      return say(`step.${stepKind(e.step)}`, 'client' in e.step ? { client: party(e.step.client, true) } : {});
    default:
      return phrase('beats.none');
  }
}

const packetOf = (trace: readonly TraceEvent[], send: number): string => {
  const e = trace[send];
  return e?.kind === 'send' ? e.packet.type : '';
};

/**
 * Whose timer, and about whom: 'sensor/out/1' is sensor's (waiting on the broker),
 * 'broker/sensor#1' the broker's (about sensor's connection).
 */
function timerParties(actor: string): { owner: Phrase; peer: Phrase } {
  const [owner, about] = actor.split('/');
  const peer = owner === 'broker' && about ? about.split('#')[0] : 'broker';
  return { owner: party(owner, true), peer: party(peer) };
}

/**
 * A timer that fires and is started again at once by the same actor, with nothing done in
 * between, changed nothing a class can see (the broker checking a keepalive that was kept).
 */
function rearmedAtOnce(trace: readonly TraceEvent[], i: number): boolean {
  const fire = trace[i];
  if (fire.kind !== 'timer') return false;
  for (let j = i + 1; j < trace.length && trace[j].atMs === fire.atMs; j++) {
    const e = trace[j];
    if (e.kind === 'state') continue;
    return e.kind === 'timer' && e.action === 'start' && e.actor === fire.actor && e.name === fire.name;
  }
  return false;
}

const TIMERS = new Set(['retry', 'keepalive', 'keepaliveGrace', 'pingTimeout', 'connackTimeout', 'reconnect']);
const timerKey = (name: string) => `timer.${TIMERS.has(name) ? name : 'other'}`;

const STEPS = new Set<Step['do']>([
  'connect',
  'disconnect',
  'crash',
  'cut',
  'restore',
  'reset',
  'publish',
  'subscribe',
  'unsubscribe',
  'set-link',
  'fault',
]);
const stepKind = (step: Step) => (STEPS.has(step.do) ? step.do : 'other');

/** Where the lab's cursor is: the last event shown and the virtual time on screen. */
export interface Cursor {
  seq: number;
  timeMs: number;
}

/** Whether everything a beat shows is on screen at the cursor. */
const reached = (beat: Beat, cursor: Cursor) =>
  beat.atMs < cursor.timeMs || (beat.atMs === cursor.timeMs && beat.seq <= cursor.seq);

/**
 * The next stop after the cursor (direction 1) or the one before it (-1); undefined past either
 * end. From between two stops, back goes to the one just passed.
 */
export function nextBeat(beats: readonly Beat[], cursor: Cursor, direction: 1 | -1): Beat | undefined {
  if (direction > 0) return beats.find((b) => !reached(b, cursor));
  let i = beats.length - 1;
  while (i >= 0 && beats[i].atMs >= cursor.timeMs) i--;
  return beats[i];
}

/** How many stops the cursor has reached (the status line's "stop n"). */
export function beatsReached(beats: readonly Beat[], cursor: Cursor): number {
  let n = 0;
  while (n < beats.length && reached(beats[n], cursor)) n++;
  return n;
}
