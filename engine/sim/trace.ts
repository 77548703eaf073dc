/**
 * The trace: an append-only list of everything that happened, in order. An event is final once
 * the simulation step that added it returns: nothing that becomes known later changes it (that is
 * a new event, e.g. `plan`), so the trace up to any seq is the same however far the run has gone. Views are pure functions
 * of it (plus a snapshot and a cursor); determinism tests compare it byte for byte.
 */
import type { Packet } from '../codec/codec.ts';
import type { Step } from '../scenario/schema.ts';
import type { NoteArgs, NoteCode, NoteEvent, NoteOf } from './notes.ts';

export type { NoteEvent } from './notes.ts';

/** 'broker' or a client's scenario id. */
export type Party = string;

interface Base {
  /** Position in the trace, from 0. */
  seq: number;
  atMs: number;
}

/**
 * A scripted `corrupt` fault altered one byte as the packet left its sender: `bytes` hold the
 * altered byte, `packet` what the sender meant.
 */
export interface Corruption {
  /** Which byte of the encoded packet. */
  offset: number;
  /** The bits flipped. */
  xor: number;
  /** The byte as the sender's codec wrote it; the wire carries `original ^ xor`. */
  original: number;
}

/** A packet handed to the network. */
export interface SendEvent extends Base {
  kind: 'send';
  from: Party;
  to: Party;
  /** The connection it belongs to (a client's connections are numbered from 1 across the run). */
  conn: number;
  /** What the sender meant to send. */
  packet: Packet;
  /** Exactly what went on the wire (with a corrupt fault, not the encoding of `packet`). */
  bytes: Uint8Array;
  /** Set when a corrupt fault altered the bytes on their way out. */
  corrupted?: Corruption;
  sentAtMs: number;
  /**
   * When it is due to arrive, if the network knew as it sent it (not for a loss, nor while a tcp
   * link is cut). Never changed afterwards: a later plan is a `plan` event.
   */
  expectedAtMs?: number;
}

/**
 * tcp: a segment lost on its way (or caught by a cut) got through on a later transmission and is
 * due at `arriveAtMs` — unless a segment before it holds it back (its arrival says when).
 */
export interface PlanEvent extends Base {
  kind: 'plan';
  /** seq of its send. */
  send: number;
  from: Party;
  to: Party;
  conn: number;
  arriveAtMs: number;
  /** How many times the segment was lost and retransmitted so far. */
  retransmits: number;
}

/** A packet (or a copy of it) reaching the other side's MQTT layer. */
export interface ArriveEvent extends Base {
  kind: 'arrive';
  /** seq of its send. */
  send: number;
  /** seq of the duplicate event, when this is the extra copy. */
  copy?: number;
  from: Party;
  to: Party;
  conn: number;
  /**
   * What the receiver decoded from these bytes. Until it decodes something (and when the bytes do
   * not decode: an error event follows) it is the packet the sender meant.
   */
  packet: Packet;
  bytes: Uint8Array;
  /** As on its send: the bytes were altered on their way out. */
  corrupted?: Corruption;
  sentAtMs: number;
  arriveAtMs: number;
  /** tcp: how many times the segment was lost and retransmitted on the way (when it was). */
  retransmits?: number;
}

export type DropReason = 'loss' | 'fault' | 'cut' | 'closed';

/** A packet that will not arrive: lost (lossy), dropped by a fault, sent into a cut link, or for a closed connection. */
export interface DropEvent extends Base {
  kind: 'drop';
  send: number;
  from: Party;
  to: Party;
  conn: number;
  reason: DropReason;
  /** Where on its way it was lost, for drawing the ×: between sentAtMs and the time it would have arrived. */
  lostAtMs: number;
}

/** The network copied a packet (lossy): a second arrival follows, naming this event as its `copy`. */
export interface DuplicateEvent extends Base {
  kind: 'duplicate';
  send: number;
  from: Party;
  to: Party;
  conn: number;
}

/** An application message handed to a client's application. */
export interface DeliverEvent extends Base {
  kind: 'deliver';
  client: Party;
  topic: string;
  payload: string;
  qos: 0 | 1 | 2;
  retain: boolean;
  dup: boolean;
  packetId?: number;
}

/** A machine moved to another state. */
export interface StateEvent extends Base {
  kind: 'state';
  /** 'sensor' (a client's connection), 'sensor/out/3' (a flow), 'broker/sensor' … */
  actor: string;
  /** The machine's id, e.g. 'client-connection', 'qos1-sender'. */
  machine: string;
  from: string | null;
  /** The new state, dotted for nested states: 'connected.idle'; 'stopped' when the actor ends. */
  to: string;
}

/** A machine timer started, was cancelled, or fired. */
export interface TimerEvent extends Base {
  kind: 'timer';
  actor: string;
  machine: string;
  /** What the timer is for, from the state's meta: 'keepalive', 'retry', 'keepaliveGrace' … */
  name: string;
  action: 'start' | 'cancel' | 'fire';
  timer: number;
  dueAtMs: number;
}

/** A connection opened (the TCP connection is up at both ends). */
export interface OpenEvent extends Base {
  kind: 'open';
  client: Party;
  conn: number;
}

/** One end of a connection closed it, or learnt that it closed. */
export interface CloseEvent extends Base {
  kind: 'close';
  client: Party;
  conn: number;
  /** Which end. */
  side: 'client' | 'broker';
  /** Why, as a code the app explains: 'disconnect', 'keepalive', 'malformed', 'crash', 'peer-closed', 'reset', 'takeover' … */
  reason: string;
  rule?: string;
}

/** A peer received bytes that break the protocol; it closes the connection. */
export interface ErrorEvent extends Base {
  kind: 'error';
  client: Party;
  conn: number;
  /** Which end found it. */
  side: 'client' | 'broker';
  /** i18n key under `error.` (the codec's error codes), with `params` to fill it. */
  code: string;
  params?: Record<string, string | number>;
  /** The English message, for logs. */
  message: string;
  rule?: string;
  offset?: number;
}

/** A scenario step or a user action took effect. */
export interface StepEvent extends Base {
  kind: 'step';
  step: Step;
}

export type TraceEvent =
  | SendEvent
  | PlanEvent
  | ArriveEvent
  | DropEvent
  | DuplicateEvent
  | DeliverEvent
  | StateEvent
  | TimerEvent
  | OpenEvent
  | CloseEvent
  | ErrorEvent
  | StepEvent
  /** Something a peer decided that the narration explains: a will published, a message queued … (notes.ts) */
  | NoteEvent;

export type TraceKind = TraceEvent['kind'];

type WithoutBase<E> = E extends unknown ? Omit<E, 'seq' | 'atMs'> : never;
export type TraceInput = WithoutBase<TraceEvent>;

export class Trace {
  readonly events: TraceEvent[] = [];

  /** The clock: the time of the event added now. */
  constructor(readonly now: () => number) {}

  /** The seq the next event gets. */
  get nextSeq(): number {
    return this.events.length;
  }

  /**
   * Append an event a hot path built whole, `seq: nextSeq, atMs: now()` first as `add` lays them
   * out: one object literal instead of an input copied by spread into another (most events of a
   * large run come this way; `add` is for everything else).
   */
  append<E extends TraceEvent>(event: E): E {
    this.events.push(event);
    return event;
  }

  add<E extends TraceInput>(event: E): Extract<TraceEvent, { kind: E['kind'] }> {
    const full = { seq: this.events.length, atMs: this.now(), ...event } as unknown as Extract<
      TraceEvent,
      { kind: E['kind'] }
    >;
    this.events.push(full);
    return full;
  }

  /** `party` notes `code`, with the params that code carries (notes.ts). */
  note<C extends NoteCode>(party: Party, code: C, ...args: NoteArgs<C>): NoteOf<C> {
    const params = args[0];
    // TypeScript cannot tie a generic code to its params inside the union: NoteArgs checks them
    // per code at every call, so the event is right by construction
    const full = {
      seq: this.events.length,
      atMs: this.now(),
      kind: 'note',
      party,
      code,
      ...(params === undefined ? {} : { params }),
    } as unknown as NoteOf<C>;
    this.events.push(full as unknown as TraceEvent);
    return full;
  }
}

/** The trace as JSON, bytes as hex: what determinism tests compare and what the app exports. */
export function traceToJson(events: readonly TraceEvent[]): string {
  return JSON.stringify(events, (_key, value) =>
    value instanceof Uint8Array ? Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('') : value,
  );
}
