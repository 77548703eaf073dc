/**
 * What became of things over a whole run, indexed next to the World: each packet's journey (its
 * send, the fate of each copy — arrived, lost, dropped by a fault, sent into a cut cable, for a
 * closed connection — and, under tcp, its retransmissions as planned), each timer from start to fire
 * or cancel, when each client was connected, and when each cable was cut. The World says what holds
 * at one moment; Journeys say how each thing went from start to end, which is what the space-time
 * views draw. Built once per trace and extended as the trace grows (it is append-only): `extend`
 * reads only the events added since the last call, and says what it changed so a view can update
 * its own indexes.
 */
import { type ActorRef, BROKER_PARTY, actorParty, parseActorName } from '../flows/actor-names.ts';
import type { SendEvent, TimerEvent, TraceEvent } from '../sim/trace.ts';

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

export interface PacketJourney {
  /** Position in `Journeys.packets`. */
  index: number;
  /** The send event's seq. */
  seq: number;
  send: SendEvent;
  copies: Copy[];
  /** When it is due, as last planned: from its send, or a later `plan` (tcp, after a loss). */
  expectedAtMs?: number;
  /** tcp: how many times it was lost and sent again, as last planned. */
  retransmits?: number;
}

export type TimerEnd = 'fire' | 'cancel';

export interface TimerSpan {
  /** Position in `Journeys.timers`. */
  index: number;
  timer: number;
  actor: string;
  /** The lifeline it belongs to: 'broker' or a client id. */
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
  /** The fire or cancel; Infinity while running. */
  endSeq: number;
  endMs: number;
  end: TimerEnd | null;
}

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

/** What one event changed, for a view that keeps indexes of its own. */
export type JourneyChange =
  | { kind: 'packet-sent'; packet: PacketJourney }
  /** Every copy of the packet has ended: its journey is complete. */
  | { kind: 'packet-ended'; packet: PacketJourney }
  | { kind: 'timer-started'; timer: TimerSpan }
  | { kind: 'timer-ended'; timer: TimerSpan };

/** The client a broker-side actor serves, and a flow's packet id, from the actor's name. */
export function actorParts(actor: string): { client: string | null; packetId: number | null } {
  const ref: ActorRef = parseActorName(actor);
  return { client: ref.client, packetId: ref.kind === 'flow' ? ref.packetId : null };
}

export class Journeys {
  readonly packets: PacketJourney[] = [];
  readonly timers: TimerSpan[] = [];
  readonly connected: ConnectedSpan[] = [];
  readonly outages: Outage[] = [];
  /** How many events have been read. */
  read = 0;

  #packetBySend = new Map<number, PacketJourney>();
  #timerById = new Map<number, TimerSpan>();
  #openSpan = new Map<string, ConnectedSpan>();
  #openOutage = new Map<string, Outage>();

  /** The journey of the packet sent by event `sendSeq`. */
  packetOf(sendSeq: number): PacketJourney | undefined {
    return this.#packetBySend.get(sendSeq);
  }

  /** Read the events from `this.read` to the end of `trace` (the same trace, grown); `onChange` hears each change. */
  extend(trace: readonly TraceEvent[], onChange?: (change: JourneyChange) => void): void {
    for (; this.read < trace.length; this.read++) {
      const change = this.apply(trace[this.read]);
      if (change && onChange) onChange(change);
    }
  }

  apply(e: TraceEvent): JourneyChange | undefined {
    switch (e.kind) {
      case 'send': {
        const packet: PacketJourney = {
          index: this.packets.length,
          seq: e.seq,
          send: e,
          copies: [{ endSeq: Infinity, endMs: Infinity, fate: null }],
          ...(e.expectedAtMs !== undefined ? { expectedAtMs: e.expectedAtMs } : {}),
        };
        this.packets.push(packet);
        this.#packetBySend.set(e.seq, packet);
        return { kind: 'packet-sent', packet };
      }
      case 'plan': {
        const packet = this.#packetBySend.get(e.send);
        if (!packet) return undefined;
        packet.expectedAtMs = e.arriveAtMs;
        packet.retransmits = e.retransmits;
        return undefined;
      }
      case 'duplicate':
        this.#packetBySend.get(e.send)?.copies.push({ dupSeq: e.seq, endSeq: Infinity, endMs: Infinity, fate: null });
        return undefined;
      case 'arrive':
      case 'drop': {
        const packet = this.#packetBySend.get(e.send);
        if (!packet) return undefined;
        const copy =
          e.kind === 'arrive' && e.copy !== undefined
            ? packet.copies.find((c) => c.dupSeq === e.copy && c.fate === null)
            : packet.copies.find((c) => c.fate === null);
        if (!copy) return undefined;
        copy.endSeq = e.seq;
        copy.endMs = e.kind === 'arrive' ? e.arriveAtMs : e.lostAtMs;
        copy.fate = e.kind === 'arrive' ? 'arrive' : e.reason;
        return packet.copies.every((c) => c.fate !== null) ? { kind: 'packet-ended', packet } : undefined;
      }
      case 'timer':
        return e.action === 'start' ? this.#startTimer(e) : this.#endTimer(e);
      case 'state':
        if (e.machine === 'client-connection' && !e.actor.includes('/')) this.#connection(e.actor, e.to, e.seq, e.atMs);
        return undefined;
      case 'step':
        if (e.step.do === 'cut' || e.step.do === 'restore') this.#cable(e.step.client, e.step.do, e.seq, e.atMs);
        return undefined;
    }
    return undefined;
  }

  #startTimer(e: TimerEvent): JourneyChange {
    const party = actorParty(e.actor);
    const { client, packetId } = actorParts(e.actor);
    const timer: TimerSpan = {
      index: this.timers.length,
      timer: e.timer,
      actor: e.actor,
      party,
      client: party === BROKER_PARTY ? client : null,
      packetId,
      machine: e.machine,
      name: e.name,
      startSeq: e.seq,
      startMs: e.atMs,
      dueAtMs: e.dueAtMs,
      endSeq: Infinity,
      endMs: Infinity,
      end: null,
    };
    this.timers.push(timer);
    this.#timerById.set(e.timer, timer);
    return { kind: 'timer-started', timer };
  }

  #endTimer(e: TimerEvent): JourneyChange | undefined {
    const timer = this.#timerById.get(e.timer);
    if (!timer || timer.end) return undefined;
    timer.end = e.action === 'fire' ? 'fire' : 'cancel';
    timer.endSeq = e.seq;
    timer.endMs = e.atMs;
    return { kind: 'timer-ended', timer };
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
