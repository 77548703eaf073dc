/**
 * The story of a run: each trace event in one plain sentence, built from the event's fields and
 * what came before it (the link settings, the keepalive a connection asked for, the state of a
 * flow). Sentences are phrases (phrase.ts), worded at render time in the current language.
 *
 * Lines are `major` (the story: packets, deliveries, losses, what the broker decides) or minor
 * (timers starting, machines changing state, connections opening), shown with "show all events".
 */
import { actorPhrase, flowPhrase, statePhrase } from '../../classroom/flow-words.ts';
import {
  type ArriveEvent,
  type CloseEvent,
  clientLinks,
  type DropEvent,
  type ErrorEvent,
  type NoteEvent,
  type Packet,
  type Scenario,
  type SendEvent,
  type Step,
  type TimerEvent,
  type TraceEvent,
  errorMessages,
  isNote,
  noteClient,
} from '$engine';
import { type Phrase, type PhraseParam, phrase } from '../phrase.ts';

export type Tone = 'plain' | 'good' | 'bad' | 'warn';

/** What kind of line, shown as a word beside it (never colour alone). */
export type Tag =
  | 'scenario'
  | 'you'
  | 'send'
  | 'arrive'
  | 'lost'
  | 'deliver'
  | 'broker'
  | 'client'
  | 'timer'
  | 'state'
  | 'connection'
  | 'error'
  | 'network';

export interface Line {
  seq: number;
  atMs: number;
  major: boolean;
  tag: Tag;
  tone: Tone;
  phrase: Phrase;
  /** The spec rule behind it, when the event names one. */
  rule?: string;
}

/** What the story needs to know besides the event: the scenario, and which steps a person took. */
export interface StoryContext {
  scenario: Scenario;
  /** Steps that were user actions (not the scenario's own). */
  actions?: readonly Step[];
  /**
   * A capture opened read-only: each packet has one time, where it was captured, so nothing is
   * said of how long it took, and a close is the FIN or RST the capture saw.
   */
  captured?: boolean;
}

const MAX_TEXT = 48;
const textDecoder = new TextDecoder();

/** User text as it will be quoted: shortened, control characters made visible. */
export function clip(text: string, max = MAX_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, '·');
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

const payloadText = (payload: Uint8Array): string => clip(textDecoder.decode(payload));

/** 'broker' or a client's name; the broker's is translated, a client's is its id. */
export function party(name: string, subject = false): Phrase {
  return name === 'broker'
    ? phrase(subject ? 'lab.party.brokerSubject' : 'lab.party.broker')
    : phrase('lab.party.client', { name });
}

/** What was wrong: in the codec's own words, or the broker's for a rule about packet order. */
export const violation = (e: Pick<ErrorEvent, 'code' | 'params'>): Phrase =>
  e.code in errorMessages ? phrase(`error.${e.code}`, e.params) : phrase(`lab.say.violation.${e.code}`, e.params);

const qos = (n: number): Phrase => phrase('lab.say.qos', { qos: n, meaning: phrase(`qos.${n}`) });
const ms = (value: number): Phrase => phrase('lab.say.ms', { value: Math.round(value) });
const packetName = (packet: Packet): string =>
  'packetId' in packet && packet.packetId !== undefined ? `${packet.type} ${packet.packetId}` : packet.type;
const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
const stepKey = (step: Step) => JSON.stringify(step);
const EMPTY = '';

interface LinkNow {
  delayMs: number;
  jitterMs: number;
}

/** Walks a trace in order, keeping what later sentences need; one per trace. */
class Story {
  readonly lines: Line[] = [];
  /** How far the trace has been read. */
  read = 0;
  private readonly transport: 'tcp' | 'lossy';
  private readonly links = new Map<string, { up: LinkNow; down: LinkNow }>();
  private readonly keepAlive = new Map<number, number>();
  private readonly flowState = new Map<string, string>();
  private readonly actionKeys: Set<string>;
  private readonly captured: boolean;

  constructor(context: StoryContext) {
    const { scenario } = context;
    this.captured = context.captured ?? false;
    this.transport = scenario.transport ?? 'tcp';
    for (const client of scenario.clients) {
      const { up, down } = clientLinks(scenario, client);
      this.links.set(client.id, {
        up: { delayMs: up.delayMs, jitterMs: up.jitterMs },
        down: { delayMs: down.delayMs, jitterMs: down.jitterMs },
      });
    }
    this.actionKeys = new Set((context.actions ?? []).map(stepKey));
  }

  advance(trace: readonly TraceEvent[], upTo: number): void {
    const last = Math.min(upTo, trace.length - 1);
    for (; this.read <= last; this.read++) {
      const event = trace[this.read];
      const line = this.narrate(event, trace);
      if (line) this.lines.push(line);
    }
  }

  private line(e: TraceEvent, tag: Tag, p: Phrase, more: Partial<Line> = {}): Line {
    return { seq: e.seq, atMs: e.atMs, major: true, tag, tone: 'plain', phrase: p, ...more };
  }

  narrate(e: TraceEvent, trace: readonly TraceEvent[]): Line | null {
    switch (e.kind) {
      case 'step':
        return this.step(e.seq, e.atMs, e.step);
      case 'send':
        return this.send(e);
      case 'arrive':
        return this.arrive(e, trace);
      case 'drop':
        return this.drop(e, trace);
      case 'duplicate': {
        const send = trace[e.send] as SendEvent | undefined;
        return this.line(
          e,
          'network',
          phrase('lab.say.duplicate', {
            packet: send ? packetName(send.packet) : '?',
            from: party(e.from),
            to: party(e.to),
          }),
          { tone: 'warn' },
        );
      }
      case 'deliver':
        return this.line(
          e,
          'deliver',
          phrase('lab.say.deliver', {
            client: party(e.client, true),
            topic: clip(e.topic),
            payload: clip(e.payload),
            qos: e.qos,
            retain: e.retain ? phrase('lab.say.flag.retainOld') : EMPTY,
            dup: e.dup ? phrase('lab.say.flag.dupDelivered') : EMPTY,
          }),
          { tone: 'good' },
        );
      case 'state':
        if (e.machine !== 'client-connection' && e.machine !== 'broker-connection') this.flowState.set(e.actor, e.to);
        return this.line(
          e,
          'state',
          phrase('lab.say.state', {
            // in the reader's words, not the code's (sensor/out/1, awaitingPuback)
            actor: actorPhrase(e.actor),
            machine: phrase(`lab.machine.${knownMachine(e.machine)}`),
            from: statePhrase(e.from),
            to: statePhrase(e.to),
          }),
          { major: false },
        );
      case 'timer':
        return this.timer(e);
      case 'open':
        return this.line(e, 'connection', phrase('lab.say.open', { client: party(e.client), conn: e.conn }), {
          major: false,
        });
      case 'close':
        return this.close(e, trace);
      case 'error':
        return this.line(
          e,
          'error',
          phrase('lab.say.error', {
            who: party(e.side === 'broker' ? 'broker' : e.client, true),
            other: party(e.side === 'broker' ? e.client : 'broker'),
            problem: violation(e),
          }),
          { tone: 'bad', ...(e.rule ? { rule: e.rule } : {}) },
        );
      case 'note':
        return this.note(e, trace);
    }
    return null;
  }

  // ---------------------------------------------------------------- what the scenario or a person did

  step(seq: number, atMs: number, step: Step): Line {
    const you = this.actionKeys.has(stepKey(step));
    const base = { seq, atMs, major: true, tag: (you ? 'you' : 'scenario') as Tag, tone: 'plain' as Tone };
    const client = 'client' in step ? party(step.client, true) : EMPTY;
    switch (step.do) {
      case 'connect':
        return { ...base, phrase: phrase('lab.say.step.connect', { client }) };
      case 'disconnect':
        return { ...base, phrase: phrase('lab.say.step.disconnect', { client }) };
      case 'crash':
        return { ...base, tone: 'bad', phrase: phrase('lab.say.step.crash', { client }) };
      case 'cut':
        return { ...base, tone: 'bad', phrase: phrase('lab.say.step.cut', { client: party(step.client) }) };
      case 'restore':
        return { ...base, phrase: phrase('lab.say.step.restore', { client: party(step.client) }) };
      case 'reset':
        return { ...base, tone: 'bad', phrase: phrase('lab.say.step.reset', { client: party(step.client) }) };
      case 'publish':
        return {
          ...base,
          phrase: phrase(step.retain ? 'lab.say.step.publishRetained' : 'lab.say.step.publish', {
            client,
            topic: clip(step.topic),
            payload: clip(step.payload),
            qos: qos(step.qos),
          }),
        };
      case 'subscribe':
        return {
          ...base,
          phrase: phrase('lab.say.step.subscribe', { client, filter: clip(step.filter), qos: qos(step.qos) }),
        };
      case 'unsubscribe':
        return { ...base, phrase: phrase('lab.say.step.unsubscribe', { client, filter: clip(step.filter) }) };
      case 'set-link': {
        const link = this.links.get(step.client);
        for (const dir of ['up', 'down'] as const) {
          if (!link || step.direction === (dir === 'up' ? 'down' : 'up')) continue;
          if (step.delayMs !== undefined) link[dir].delayMs = step.delayMs;
          if (step.jitterMs !== undefined) link[dir].jitterMs = step.jitterMs;
        }
        return {
          ...base,
          phrase: phrase('lab.say.step.setLink', {
            client: party(step.client),
            direction: phrase(`lab.say.direction.${step.direction ?? 'both'}`),
            settings: linkSettings(step),
          }),
        };
      }
      case 'fault':
        return {
          ...base,
          tone: 'warn',
          phrase: phrase(`lab.say.step.fault.${step.fault}`, {
            packet: step.packet,
            from: party(step.from),
            nth: step.nth ?? 1,
            delay: ms(step.delayMs ?? 0),
            byte: step.byte ?? 0,
            xor: hex(step.xor ?? 0x01),
            to: step.to ? phrase('lab.say.toClient', { to: party(step.to) }) : EMPTY,
          }),
        };
    }
  }

  // ---------------------------------------------------------------- packets

  private send(e: SendEvent): Line {
    const p = e.packet;
    const from = party(e.from, true);
    const to = party(e.to);
    let say: Phrase;
    let tone: Tone = 'plain';
    switch (p.type) {
      case 'CONNECT':
        this.keepAlive.set(e.conn, p.keepAlive);
        say = phrase('lab.say.send.CONNECT', {
          from,
          clientId: clip(p.clientId),
          keepAlive: p.keepAlive > 0 ? phrase('lab.say.keepAlive', { s: p.keepAlive }) : phrase('lab.say.keepAliveOff'),
          // 5.0 renamed the bit and split its meaning: Clean Start says only how to begin
          session: phrase(
            p.protocolVersion === 5
              ? p.clean
                ? 'lab.say.cleanStart'
                : 'lab.say.resumeStart'
              : p.clean
                ? 'lab.say.cleanSession'
                : 'lab.say.persistentSession',
          ),
          will: p.will ? phrase('lab.say.withWill', { topic: clip(p.will.topic) }) : EMPTY,
        });
        break;
      case 'CONNACK':
        if (p.reasonCode === 0) say = phrase('lab.say.send.CONNACK', { from, to, present: p.sessionPresent ? 1 : 0 });
        else {
          say = phrase('lab.say.send.CONNACKRefused', { from, to, code: hex(p.reasonCode) });
          tone = 'bad';
        }
        break;
      case 'PUBLISH': {
        say = phrase(e.from === 'broker' ? 'lab.say.send.PUBLISHForward' : 'lab.say.send.PUBLISH', {
          from,
          to,
          packet: packetName(p),
          topic: clip(p.topic),
          payload: payloadText(p.payload),
          qos: qos(p.qos),
          retain: p.retain ? phrase(e.from === 'broker' ? 'lab.say.flag.retainOld' : 'lab.say.flag.retain') : EMPTY,
          dup: p.dup ? phrase('lab.say.flag.dup') : EMPTY,
        });
        if (p.dup) tone = 'warn';
        break;
      }
      case 'PUBACK':
      case 'PUBREC':
      case 'PUBREL':
      case 'PUBCOMP':
        say = phrase(`lab.say.send.${p.type}`, { from, to, id: p.packetId });
        break;
      case 'SUBSCRIBE':
        say = phrase('lab.say.send.SUBSCRIBE', {
          from,
          packet: packetName(p),
          filters: p.subscriptions.map((s) =>
            phrase('lab.say.filterWithQos', { filter: clip(s.topicFilter), qos: s.qos }),
          ),
        });
        break;
      case 'SUBACK': {
        const failed = p.reasonCodes.some((c) => c >= 0x80);
        say = phrase(failed ? 'lab.say.send.SUBACKFailed' : 'lab.say.send.SUBACK', {
          from,
          to,
          packet: packetName(p),
          codes: p.reasonCodes.map((c) =>
            c >= 0x80 ? phrase('lab.say.subackFailure', { code: hex(c) }) : phrase('lab.say.subackGranted', { qos: c }),
          ),
        });
        if (failed) tone = 'bad';
        break;
      }
      case 'UNSUBSCRIBE':
        say = phrase('lab.say.send.UNSUBSCRIBE', {
          from,
          packet: packetName(p),
          filters: p.topicFilters.map((f) => phrase('lab.say.quoted', { text: clip(f) })),
        });
        break;
      case 'UNSUBACK':
        say = phrase('lab.say.send.UNSUBACK', { from, to, packet: packetName(p) });
        break;
      case 'PINGREQ':
        say = phrase('lab.say.send.PINGREQ', { from, keepAlive: this.keepAlive.get(e.conn) ?? '?' });
        break;
      case 'PINGRESP':
        say = phrase('lab.say.send.PINGRESP', { from, to });
        break;
      case 'DISCONNECT':
        say =
          e.from === 'broker'
            ? phrase('lab.say.send.DISCONNECTBroker', { from, to, code: hex(p.reasonCode ?? 0) })
            : this.goodbye(from, p.reasonCode);
        break;
      default:
        say = phrase('lab.say.send.other', { from, to, packet: p.type });
    }
    return this.line(e, 'send', say, { tone });
  }

  /**
   * A client's DISCONNECT, told by its reason code: none (3.1.1) or 0x00 discards the will
   * [MQTT-3.14.4-3]; 0x04 asks the broker to publish it all the same (5.0 §3.14.2.1); any other code
   * is not a normal disconnection, so the will is kept and published [MQTT-3.1.2-8].
   */
  private goodbye(from: Phrase, reasonCode: number | undefined): Phrase {
    if (reasonCode === undefined || reasonCode === 0) return phrase('lab.say.send.DISCONNECT', { from });
    if (reasonCode === 0x04) return phrase('lab.say.send.DISCONNECTWithWill', { from });
    return phrase('lab.say.send.DISCONNECTReason', { from, code: hex(reasonCode) });
  }

  private nominal(from: string, to: string): LinkNow | undefined {
    const client = from === 'broker' ? to : from;
    const link = this.links.get(client);
    return link ? (from === 'broker' ? link.down : link.up) : undefined;
  }

  private arrive(e: ArriveEvent, trace: readonly TraceEvent[]): Line {
    const took = e.arriveAtMs - e.sentAtMs;
    const base = { packet: packetName(e.packet), from: party(e.from), to: party(e.to, true), took: ms(took) };
    if (this.captured) return this.line(e, 'arrive', phrase('lab.say.arriveCaptured', base));
    if (e.corrupted) {
      // what the receiver makes of the altered bytes (an error, a close) is told by the lines after
      const { offset } = e.corrupted;
      const say = phrase('lab.say.arriveCorrupted', { ...base, offset, sent: hex(e.bytes[offset]) });
      return this.line(e, 'arrive', say, { tone: 'bad' });
    }
    if (e.copy !== undefined) return this.line(e, 'arrive', phrase('lab.say.arriveCopy', base), { tone: 'warn' });
    const link = this.nominal(e.from, e.to);
    const usual = ms(link?.delayMs ?? 0);
    const retransmits = e.retransmits ?? 0;
    if (this.transport === 'tcp' && retransmits > 0)
      return this.line(
        e,
        'arrive',
        phrase('lab.say.arriveRetransmitted', { ...base, toObject: party(e.to), count: retransmits, usual }),
        {
          tone: 'warn',
        },
      );
    if (link && took > link.delayMs + link.jitterMs + 1) {
      if (this.faultOn(e.send, 'fault-delay', trace))
        return this.line(e, 'arrive', phrase('lab.say.arriveDelayed', { ...base, usual }), { tone: 'warn' });
      if (this.transport === 'tcp' && this.blockedBehind(e, trace))
        return this.line(e, 'arrive', phrase('lab.say.arriveBlocked', { ...base, usual }), { tone: 'warn' });
      return this.line(e, 'arrive', phrase('lab.say.arriveLate', { ...base, usual }), { tone: 'warn' });
    }
    return this.line(e, 'arrive', phrase('lab.say.arrive', base));
  }

  /** Whether a scripted fault of this kind was aimed at the packet sent at `send`. */
  private faultOn(send: number, code: 'fault-delay', trace: readonly TraceEvent[]): boolean {
    const next = trace[send + 1];
    return isNote(next, code) && next.params.send === send;
  }

  /** tcp: whether a retransmitted segment on the same link arrived in the same instant, just before. */
  private blockedBehind(e: ArriveEvent, trace: readonly TraceEvent[]): boolean {
    for (let i = e.seq - 1; i >= 0 && trace[i].atMs === e.atMs; i--) {
      const before = trace[i];
      if (before.kind !== 'arrive' || before.from !== e.from || before.to !== e.to) continue;
      if ((before.retransmits ?? 0) > 0 || this.faultOn(before.send, 'fault-delay', trace)) return true;
    }
    return false;
  }

  private drop(e: DropEvent, trace: readonly TraceEvent[]): Line {
    const send = trace[e.send] as SendEvent | undefined;
    return this.line(
      e,
      'lost',
      phrase(`lab.say.drop.${e.reason}`, {
        packet: send ? packetName(send.packet) : '?',
        from: party(e.from),
        to: party(e.to),
        model: phrase(this.transport === 'tcp' ? 'lab.say.modelTcp' : 'lab.say.modelLossy'),
      }),
      { tone: 'bad' },
    );
  }

  // ---------------------------------------------------------------- machines

  private timer(e: TimerEvent): Line {
    const owner = e.actor.split(/[/#]/)[0];
    const who = party(owner === 'broker' ? 'broker' : owner, true);
    const flowId = /\/(?:out|in)\/(\d+)$/.exec(e.actor)?.[1];
    if (e.action === 'fire') {
      if (e.name === 'retry') {
        const state = this.flowState.get(e.actor) ?? '';
        const id = flowId ?? '?';
        if (state === 'awaitingPubcomp')
          return this.line(e, 'timer', phrase('lab.say.timer.retryPubrel', { who, id }), { tone: 'warn' });
        const waited = state === 'awaitingPubrec' ? 'PUBREC' : 'PUBACK';
        return this.line(e, 'timer', phrase('lab.say.timer.retryPublish', { who, waited, id }), { tone: 'warn' });
      }
      if (e.name === 'pingTimeout' || e.name === 'connackTimeout' || e.name === 'reconnect')
        return this.line(e, 'timer', phrase(`lab.say.timer.${e.name}`, { who }), {
          tone: e.name === 'reconnect' ? 'plain' : 'bad',
        });
    }
    if (e.action === 'start' && e.name === 'reconnect')
      return this.line(e, 'timer', phrase('lab.say.timer.reconnectStart', { who, at: seconds(e.dueAtMs) }));
    return this.line(
      e,
      'timer',
      phrase(`lab.say.timer.${e.action}`, {
        who,
        // a flow by whose it is ("sensor sending, packet id 1"), a connection by its party
        actor: flowPhrase(e.actor) ?? who,
        timer: phrase(`lab.timer.${knownTimer(e.name)}`),
        at: seconds(e.dueAtMs),
      }),
      { major: false },
    );
  }

  private close(e: CloseEvent, trace: readonly TraceEvent[]): Line {
    const client = party(e.client);
    const rule = e.rule ? { rule: e.rule } : {};
    const side = party(e.side === 'broker' ? 'broker' : e.client, true);
    if (this.captured && (e.reason === 'fin' || e.reason === 'reset')) {
      const key = e.reason === 'fin' ? 'lab.say.close.capturedFin' : 'lab.say.close.capturedReset';
      return this.line(e, 'connection', phrase(key, { side, client }), e.reason === 'reset' ? { tone: 'bad' } : {});
    }
    // What the broker does in the same instant (a will) is part of the same sentence.
    const sameTask = (code: string) => {
      for (let i = e.seq + 1; i < trace.length && trace[i].atMs === e.atMs; i++) {
        const next = trace[i];
        if (next.kind === 'note' && next.code === code && noteClient(next) === e.client) return true;
        if (next.kind === 'step') break;
      }
      return false;
    };
    switch (e.reason) {
      case 'keepalive': {
        const keepAlive = this.keepAlive.get(e.conn) ?? 0;
        return this.line(
          e,
          'connection',
          phrase(sameTask('will-published') ? 'lab.say.close.keepaliveWill' : 'lab.say.close.keepalive', {
            client,
            keepAlive,
          }),
          { tone: 'bad', ...rule },
        );
      }
      case 'disconnect':
        return this.line(
          e,
          'connection',
          phrase(e.side === 'broker' ? 'lab.say.close.disconnectBroker' : 'lab.say.close.disconnectClient', {
            client,
          }),
          { major: e.side === 'broker', ...rule },
        );
      case 'crash':
        return this.line(e, 'connection', phrase('lab.say.close.crash', { client: party(e.client, true) }), {
          tone: 'bad',
        });
      case 'peer-closed':
        return this.line(
          e,
          'connection',
          phrase(e.side === 'broker' ? 'lab.say.close.peerBroker' : 'lab.say.close.peerClient', {
            client: party(e.client, true),
          }),
          { major: e.side === 'broker' },
        );
      case 'reset':
        return this.line(e, 'connection', phrase('lab.say.close.reset', { side, client }), {
          tone: 'bad',
          major: e.side === 'client',
        });
      case 'takeover':
      case 'pingresp-timeout':
      case 'connack-timeout':
      case 'refused':
      case 'malformed':
      case 'protocol-error':
      case 'unsupported-protocol-version':
        return this.line(e, 'connection', phrase(`lab.say.close.${e.reason}`, { side, client }), {
          tone: 'bad',
          ...rule,
        });
      default:
        return this.line(e, 'connection', phrase('lab.say.close.other', { side, client, reason: e.reason }), rule);
    }
  }

  // ---------------------------------------------------------------- decisions

  private note(e: NoteEvent, trace: readonly TraceEvent[]): Line {
    const who = party(e.party, true);
    const tag: Tag = e.party === 'broker' ? 'broker' : 'client';
    const say = (key: string, params: Record<string, PhraseParam>, more: Partial<Line> = {}) =>
      this.line(e, tag, phrase(`lab.say.note.${key}`, params), more);
    // a run opened from a file may hold a code this version does not know
    const code: string = e.code;
    switch (e.code) {
      case 'session-created':
        return say(e.params.persistent ? 'sessionCreatedPersistent' : 'sessionCreated', {
          client: party(e.params.client),
        });
      case 'session-resumed':
        return say('sessionResumed', { client: party(e.params.client) }, { tone: 'good' });
      case 'will-stored': {
        const p = e.params;
        return say('willStored', {
          client: party(p.client),
          clientS: party(p.client, true),
          topic: clip(p.topic),
          qos: p.qos,
          retain: p.retain ? phrase('lab.say.willRetained') : EMPTY,
        });
      }
      case 'will-published': {
        const p = e.params;
        const client = party(p.client);
        const topic = clip(p.topic);
        if (p.reason === 'will-delay') return say('willPublishedDelayed', { client, topic }, { tone: 'warn' });
        if (p.reason === 'session-ended') return say('willPublishedSessionEnded', { client, topic }, { tone: 'warn' });
        if (p.reason === 'disconnect-with-will')
          return say('willPublishedAsked', { client, clientS: party(p.client, true), topic }, { tone: 'warn' });
        if (p.reason === 'disconnect-reason')
          return say(
            'willPublishedReason',
            { client, clientS: party(p.client, true), topic },
            { tone: 'warn', rule: 'MQTT-3.1.2-8' },
          );
        return say('willPublished', { client, topic }, { tone: 'warn' });
      }
      case 'will-delayed': {
        const p = e.params;
        return say('willDelayed', {
          client: party(p.client),
          clientS: party(p.client, true),
          topic: clip(p.topic),
          delayS: p.delayS,
        });
      }
      case 'will-cancelled':
        return say('willCancelled', { clientS: party(e.params.client, true) }, { tone: 'good', rule: 'MQTT-3.1.3-9' });
      case 'will-discarded':
        return say('willDiscarded', { client: party(e.params.client), clientS: party(e.params.client, true) });
      case 'session-kept':
        return say('sessionKept', { client: party(e.params.client) });
      case 'session-expired':
        return say('sessionExpired', { clientS: party(e.params.client, true) });
      case 'session-ended':
        return say('sessionEnded', { client: party(e.params.client) });
      case 'subscribed':
        return say(e.params.replaced ? 'subscribedReplaced' : 'subscribed', {
          client: party(e.params.client),
          filter: clip(e.params.filter),
          qos: e.params.qos,
        });
      case 'unsubscribed':
        return say('unsubscribed', { client: party(e.params.client), filter: clip(e.params.filter) });
      case 'queued': {
        const p = e.params;
        return say(p.online ? 'queuedInflight' : 'queuedOffline', {
          client: party(p.client),
          clientS: party(p.client, true),
          topic: clip(p.topic),
          qos: p.qos,
        });
      }
      case 'dequeued':
        return say('dequeued', { client: party(e.params.client), topic: clip(e.params.topic) });
      case 'dropped-qos0-offline': {
        const p = e.params;
        return say(
          'droppedQos0Offline',
          { client: party(p.client), clientS: party(p.client, true), topic: clip(p.topic) },
          { tone: 'bad' },
        );
      }
      case 'message-expired':
        return say(
          'messageExpired',
          { client: party(e.params.client), topic: clip(e.params.topic) },
          { tone: 'warn', rule: 'MQTT-3.3.2-5' },
        );
      case 'retained-expired':
        return say('retainedExpired', { topic: clip(e.params.topic) }, { tone: 'warn', rule: 'MQTT-3.3.2-5' });
      case 'retained-stored':
      case 'retained-replaced':
      case 'retained-cleared':
        return say(
          e.code === 'retained-stored'
            ? 'retainedStored'
            : e.code === 'retained-replaced'
              ? 'retainedReplaced'
              : 'retainedCleared',
          {
            topic: clip(e.params.topic),
            payload: clip(e.params.payload),
          },
        );
      case 'takeover':
        return say('takeover', { client: party(e.params.client), conn: e.params.conn }, { tone: 'warn' });
      case 'client-id-assigned':
        return say('clientIdAssigned', { clientId: clip(e.params.clientId) });
      case 'client-id-rejected':
        return say('clientIdRejected', {}, { tone: 'bad' });
      case 'subscription-refused':
        return say(
          'subscriptionRefused',
          { client: party(e.params.client), filter: clip(e.params.filter) },
          { tone: 'bad' },
        );
      case 'qos2-duplicate':
        return say('qos2Duplicate', { who, id: e.params.packetId });
      case 'client-queued':
        // a (un)subscribe asked for before the CONNACK waits for it, like a message
        if ('action' in e.params)
          return this.line(
            e,
            tag,
            phrase(`workbench.say.${e.params.action}Queued`, { who, filter: clip(e.params.topic) }),
          );
        return say('clientQueued', { who, topic: clip(e.params.topic), qos: e.params.qos });
      case 'client-dequeued':
        if ('action' in e.params)
          return this.line(
            e,
            tag,
            phrase(`workbench.say.${e.params.action}Dequeued`, { who, filter: clip(e.params.topic) }),
          );
        return say('clientDequeued', { who, topic: clip(e.params.topic) });
      case 'client-session-discarded':
        return say('clientSessionDiscarded', { who }, { tone: 'warn' });
      case 'client-busy':
        return say('clientBusy', { who, state: e.params.state });
      case 'auth-refused': {
        // 3.1.1 0x05 / 5.0 0x87: no user name at all; otherwise the pair is not in the broker's list
        const code = e.params.reasonCode;
        const anonymous = code === 0x05 || code === 0x87;
        return say(
          anonymous ? 'authRefusedAnonymous' : 'authRefused',
          { client: party(e.params.client), clientS: party(e.params.client, true), code: hex(code) },
          { tone: 'bad' },
        );
      }
      case 'connack-refused':
        return say('connackRefused', { who, code: hex(e.params.reasonCode) }, { tone: 'bad' });
      case 'unreachable':
        return say('unreachable', { who }, { tone: 'bad' });
      case 'not-connected':
        return say(
          'notConnected',
          { who, action: phrase(`lab.say.action.${e.params.action === 'unsubscribe' ? 'unsubscribe' : 'subscribe'}`) },
          { tone: 'warn' },
        );
      case 'fault-drop':
      case 'fault-duplicate':
      case 'fault-delay': {
        const tcp = e.params.transport === 'tcp';
        const kind = e.code.slice('fault-'.length);
        return this.line(
          e,
          'network',
          phrase(`lab.say.fault.${kind}${tcp ? 'Tcp' : ''}`, { packet: e.params.packet }),
          {
            tone: 'warn',
          },
        );
      }
      case 'fault-corrupt': {
        const send = trace[e.params.send];
        const offset = e.params.offset ?? 0;
        const original = send?.kind === 'send' && send.corrupted ? hex(send.corrupted.original) : '?';
        const sent = send?.kind === 'send' ? hex(send.bytes[offset] ?? 0) : '?';
        return this.line(
          e,
          'network',
          phrase('lab.say.fault.corrupt', { packet: e.params.packet, offset, original, sent }),
          { tone: 'bad' },
        );
      }
      case 'budget-reached':
        // the event budget (engine/sim/budget.ts) ended the run here
        return this.line(e, 'broker', phrase('run.budgetSaid', { budget: e.params.budget }), { tone: 'warn' });
      default:
        return say('other', { who, code }, { major: false });
    }
  }
}

const MACHINES = ['client-connection', 'broker-connection', 'qos1-sender', 'qos2-sender', 'qos2-receiver'];
const knownMachine = (machine: string) => (MACHINES.includes(machine) ? machine : 'other');
const TIMERS = [
  ...['keepalive', 'keepaliveGrace', 'pingTimeout', 'connackTimeout', 'retry', 'reconnect'],
  // the broker's own (broker/timers.ts)
  ...['willDelay', 'sessionExpiry'],
];
const knownTimer = (name: string) => (TIMERS.includes(name) ? name : 'other');

export const seconds = (msValue: number): Phrase =>
  phrase('lab.say.seconds', { value: (msValue / 1000).toFixed(msValue % 1000 === 0 ? 0 : 2) });

function linkSettings(step: Extract<Step, { do: 'set-link' }>): Phrase[] {
  const out: Phrase[] = [];
  if (step.delayMs !== undefined) out.push(phrase('lab.say.link.delay', { value: step.delayMs }));
  if (step.jitterMs !== undefined) out.push(phrase('lab.say.link.jitter', { value: step.jitterMs }));
  if (step.lossRatio !== undefined) out.push(phrase('lab.say.link.loss', { value: percent(step.lossRatio) }));
  if (step.duplicateRatio !== undefined)
    out.push(phrase('lab.say.link.duplicate', { value: percent(step.duplicateRatio) }));
  if (step.reorderRatio !== undefined) out.push(phrase('lab.say.link.reorder', { value: percent(step.reorderRatio) }));
  return out.length ? out : [phrase('lab.say.link.nothing')];
}

export const percent = (ratio: number): number => Math.round(ratio * 1000) / 10;

// ---------------------------------------------------------------- the narrator

/**
 * The lines of a trace up to a cursor, read once: the trace only grows (until the run is
 * replaced), so each event is narrated the first time the cursor passes it.
 */
export class Narrator {
  #stories = new WeakMap<readonly TraceEvent[], Story>();

  /** Every line for events 0..seq. `context` must stay the same for the same trace. */
  upTo(trace: readonly TraceEvent[], seq: number, context: StoryContext): readonly Line[] {
    const { lines, count } = this.told(trace, seq, context);
    // a new array each time: views compare by identity
    return lines.slice(0, count);
  }

  /**
   * The story read so far, not copied (it only grows), and how many of its lines are at or before
   * `seq`: for a view of a long run that draws a few rows and must not copy 50,000 lines a frame.
   */
  told(trace: readonly TraceEvent[], seq: number, context: StoryContext): { lines: readonly Line[]; count: number } {
    let story = this.#stories.get(trace);
    if (!story) {
      story = new Story(context);
      this.#stories.set(trace, story);
    }
    story.advance(trace, seq);
    // lines are in seq order: cut at the cursor (a story may have read further before a step back)
    const lines = story.lines;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return { lines, count: lo };
  }
}

/** Every line of a whole trace (tests, export). */
export function narrateAll(trace: readonly TraceEvent[], context: StoryContext): Line[] {
  const story = new Story(context);
  story.advance(trace, trace.length - 1);
  return story.lines;
}
