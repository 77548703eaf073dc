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
  phrase: Phrase;
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

/** The beats of a trace, in time order. */
export function beatsOf(trace: readonly TraceEvent[]): Beat[] {
  return beatsFrom(momentsOf(trace, 0, trace.length));
}

/** A moment and the time it is a stop at. */
export type TimedMoment = readonly [atMs: number, moment: Moment];

/**
 * The moments of events `from` to `to` (excluded). A moment may look at the later events of its
 * millisecond, so those of the last millisecond of a growing trace are read again as it grows
 * (the lab keeps the others: lab.svelte.ts).
 */
export function momentsOf(trace: readonly TraceEvent[], from: number, to: number): TimedMoment[] {
  const out: TimedMoment[] = [];
  for (let i = from; i < to; i++) {
    const e = trace[i];
    const moment = momentOf(e, trace, i);
    if (moment) out.push([e.kind === 'drop' ? Math.max(e.atMs, e.lostAtMs) : e.atMs, moment]);
  }
  return out;
}

/** Moments, in trace order, grouped into beats in time order. */
export function beatsFrom(moments: readonly TimedMoment[]): Beat[] {
  const byTime = new Map<number, Moment[]>();
  for (const [atMs, moment] of moments) {
    const list = byTime.get(atMs);
    if (list) list.push(moment);
    else byTime.set(atMs, [moment]);
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([atMs, moments]) => {
      moments.sort((a, b) => a.seq - b.seq);
      const headline = moments.reduce((best, m) => (rank(m.kind) < rank(best.kind) ? m : best));
      return { atMs, moments, seq: moments[moments.length - 1].seq, headline };
    });
}

/** The moment an event is, or null when it is not one a class stops on. */
function momentOf(e: TraceEvent, trace: readonly TraceEvent[], i: number): Moment | null {
  const at = (kind: MomentKind, key: string, params: Phrase['params'] = {}): Moment => ({
    kind,
    seq: e.seq,
    phrase: phrase(`beats.${key}`, params),
  });
  switch (e.kind) {
    case 'send': {
      const route = { packet: e.packet.type, from: party(e.from, true), to: party(e.to) };
      // DUP = 1: the sender resends a PUBLISH it has no acknowledgement for [MQTT-3.3.1-1]
      if (e.packet.type === 'PUBLISH' && e.packet.dup) return at('resend', 'resend', route);
      return at('send', 'send', route);
    }
    case 'duplicate':
      return at('send', 'copied', { packet: packetOf(trace, e.send), from: party(e.from), to: party(e.to) });
    case 'arrive':
      return at('arrive', 'arrive', { packet: e.packet.type, from: party(e.from), to: party(e.to) });
    case 'plan':
      // tcp: a lost segment got through on a later transmission. TCP hides the loss from MQTT (no
      // drop, DUP stays 0), so this retransmission is the only moment the class can see it.
      if (e.retransmits === 0) return null;
      return at('retransmit', 'retransmit', {
        packet: packetOf(trace, e.send),
        from: party(e.from),
        to: party(e.to),
        attempt: e.retransmits + 1,
      });
    case 'drop':
      return at('lost', `lost.${e.reason}`, { packet: packetOf(trace, e.send), from: party(e.from), to: party(e.to) });
    case 'deliver':
      return at('deliver', 'deliver', {
        client: party(e.client, true),
        topic: e.topic,
        payload: e.payload,
        qos: e.qos,
      });
    case 'timer':
      if (e.action !== 'fire' || rearmedAtOnce(trace, i)) return null;
      return at('timer', timerKey(e.name), timerParties(e.actor));
    case 'close':
      return at('close', e.side === 'broker' ? 'close.broker' : 'close.client', { client: party(e.client, true) });
    case 'error':
      return at('error', 'error', { who: party(e.side === 'broker' ? 'broker' : e.client, true) });
    case 'note':
      if (e.code === 'will-published') return at('will', 'will', { client: party(String(e.params?.client ?? '')) });
      if (e.code === 'session-resumed')
        return at('resumed', 'resumed', { client: party(String(e.params?.client ?? ''), true) });
      return null;
    case 'step':
      return at('step', `step.${stepKind(e.step)}`, 'client' in e.step ? { client: party(e.step.client, true) } : {});
    default:
      return null;
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
