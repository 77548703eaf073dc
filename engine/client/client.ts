/**
 * A simulated MQTT client: its connection machine, its in-flight flows (one machine per message),
 * and the I/O they ask for. What a scenario step tells a client to do arrives here as a method call;
 * what the network brings arrives as bytes, decoded with the codec like any real client would.
 */
import type { EmittedFrom } from 'xstate';
import { type Packet, type StreamDecoder, createDecoder } from '../codec/codec.ts';
import { MqttError } from '../codec/errors.ts';
import type { QoS } from '../codec/packet.ts';
import type { ConnectPacket } from '../codec/packets/connect.ts';
import type { PublishPacket } from '../codec/packets/publish.ts';
import type { ProtocolVersion } from '../codec/version.ts';
import type { ClientSpec, MessageProperties, WillSpec } from '../scenario/schema.ts';
import type { Properties } from '../codec/properties.ts';
import type { Subscription } from '../codec/packets/subscribe.ts';
import type { DisconnectPacket } from '../codec/packets/disconnect.ts';
import { type ActorHost, type SimActor, startActor } from '../sim/actors.ts';
import { flowOwner } from '../flows/actor-names.ts';
import { Inflight } from '../flows/inflight.ts';
import type { Connection, EndHandler, Network } from '../sim/network.ts';
import type { ArriveEvent, DeliverEvent } from '../sim/trace.ts';
import { clientConnectionMachine } from './connection.machine.ts';

const utf8 = new TextEncoder();
const text = new TextDecoder();

export interface ClientOptions {
  version: ProtocolVersion;
  /** Resend after this long without an answer (textbook model), when set. */
  retryMs?: number;
  responseTimeoutMs: number;
}

type Pending = { kind: 'subscribe'; filters: string[] } | { kind: 'unsubscribe'; filters: string[] };
type Queued = { topic: string; payload: Uint8Array; qos: QoS; retain: boolean; properties?: Properties };
/** What waits for the CONNACK, in the order it was asked for: messages, and (un)subscribe requests. */
type Waiting =
  | ({ kind: 'publish' } & Queued)
  | { kind: 'subscribe'; filter: string; qos: QoS; options: Omit<Subscription, 'topicFilter' | 'qos'> }
  | { kind: 'unsubscribe'; filter: string };

export interface ClientSnapshot {
  id: string;
  clientId: string;
  state: string;
  conn: number | null;
  keepAliveS: number;
  outbound: Array<{ packetId: number; machine: string; state: string; topic: string }>;
  inbound: Array<{ packetId: number; state: string }>;
  pending: Array<{ packetId: number; kind: string; filters: string[] }>;
  queued: Array<{ topic: string; qos: QoS }>;
  subscriptions: Array<{ filter: string; qos: number }>;
}

export class SimClient implements EndHandler {
  readonly id: string;
  readonly clientId: string;
  private readonly connection: SimActor<typeof clientConnectionMachine>;
  private conn: Connection | null = null;
  private decoder: StreamDecoder | null = null;
  private clean: boolean;
  private keepAliveS: number;
  private will: WillSpec | undefined;
  /** The session: kept across connections unless clean. */
  private readonly inflight: Inflight;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Waiting[] = [];
  private readonly activity = { lastSentMs: 0, now: () => this.host.scheduler.nowMs };
  /** What the client believes it is subscribed to (granted QoS), for the views. */
  private readonly subscriptions = new Map<string, number>();

  constructor(
    private readonly host: ActorHost,
    private readonly network: Network,
    private readonly spec: ClientSpec,
    private readonly options: ClientOptions,
  ) {
    this.id = spec.id;
    this.clientId = spec.clientId ?? spec.id;
    this.clean = spec.clean ?? true;
    this.keepAliveS = spec.keepAliveS ?? 60;
    this.will = spec.will;
    this.inflight = new Inflight(
      host,
      flowOwner('client', spec.id),
      { version: () => options.version, retryMs: options.retryMs, qos2Delivery: spec.qos2Delivery ?? 'onPubrel' },
      {
        sendFlow: (packet) => {
          if (this.isConnected()) this.send(packet);
        },
        sendAnswer: (packet) => this.send(packet),
        deliver: (publish) => this.deliver(publish),
        duplicate: (packetId) => this.host.trace.note(this.id, 'qos2-duplicate', { packetId }),
      },
    );
    this.connection = startActor(
      host,
      clientConnectionMachine,
      spec.id,
      {
        keepAliveS: this.keepAliveS,
        responseTimeoutMs: options.responseTimeoutMs,
        reconnectMs: spec.reconnectMs,
        activity: this.activity,
      },
      (event) => this.onConnectionEvent(event as EmittedFrom<typeof clientConnectionMachine>),
    );
  }

  // ---------------------------------------------------------------- what a scenario asks

  connect(options: { clean?: boolean; keepAliveS?: number; will?: WillSpec | null }): void {
    const state = this.connection.state();
    if (state !== 'disconnected' && state !== 'waitingToReconnect') {
      // Already connected (or believes so: a half-open connection looks the same from here).
      this.host.trace.note(this.id, 'client-busy', { state });
      return;
    }
    if (options.clean !== undefined) this.clean = options.clean;
    if (options.keepAliveS !== undefined) this.keepAliveS = options.keepAliveS;
    if (options.will !== undefined) this.will = options.will ?? undefined;
    this.connection.send({ type: 'user.connect', keepAliveS: this.keepAliveS });
  }

  /** Leave gracefully; under 5.0 with a reason code (0x04: publish my will anyway) and a new session expiry. */
  disconnect(options: { reasonCode?: number; sessionExpiryS?: number } = {}): void {
    this.leaving = options;
    this.connection.send({ type: 'user.disconnect' });
  }

  /** What the next DISCONNECT says (5.0). */
  private leaving: { reasonCode?: number; sessionExpiryS?: number } = {};

  private disconnectPacket(): DisconnectPacket {
    const { reasonCode, sessionExpiryS } = this.leaving;
    this.leaving = {};
    if (this.options.version !== 5) return { type: 'DISCONNECT' };
    return {
      type: 'DISCONNECT',
      ...(reasonCode !== undefined ? { reasonCode } : {}),
      ...(sessionExpiryS !== undefined ? { properties: { sessionExpiryInterval: sessionExpiryS } } : {}),
    };
  }

  /** The client process dies: no DISCONNECT; its operating system closes the socket. */
  crash(): void {
    this.connection.send({ type: 'user.crash' });
  }

  /** The connection is reset under it (a network reset): both ends close at once. */
  get connectionId(): Connection | null {
    return this.conn;
  }

  publish(topic: string, payload: string, qos: QoS, retain: boolean, properties?: MessageProperties): void {
    const message: Queued = { topic, payload: utf8.encode(payload), qos, retain };
    if (properties && this.options.version === 5) message.properties = toPacketProperties(properties);
    if (!this.isConnected()) {
      this.queue.push({ kind: 'publish', ...message });
      this.host.trace.note(this.id, 'client-queued', { topic, qos });
      return;
    }
    this.startPublish(message);
  }

  subscribe(filter: string, qos: QoS, options: Omit<Subscription, 'topicFilter' | 'qos'> = {}): void {
    if (!this.isConnected()) return this.wait({ kind: 'subscribe', filter, qos, options });
    this.sendSubscribe(filter, qos, options);
  }

  private sendSubscribe(filter: string, qos: QoS, options: Omit<Subscription, 'topicFilter' | 'qos'>): void {
    const packetId = this.inflight.ids.take();
    this.pending.set(packetId, { kind: 'subscribe', filters: [filter] });
    const v5 = this.options.version === 5 ? options : {};
    this.send({ type: 'SUBSCRIBE', packetId, subscriptions: [{ topicFilter: filter, qos, ...v5 }] });
  }

  unsubscribe(filter: string): void {
    if (!this.isConnected()) return this.wait({ kind: 'unsubscribe', filter });
    this.sendUnsubscribe(filter);
  }

  /**
   * A (un)subscribe asked for before the CONNACK waits for it, like a publish: the spec lets a client
   * send packets right after CONNECT (3.1.1 §3.1.4), and MQTT.js 5.14.1 queues them until CONNACK
   * (`_storePacket`). A client that is not on its way to a connection says it cannot, as before.
   */
  private wait(request: Extract<Waiting, { kind: 'subscribe' | 'unsubscribe' }>): void {
    const state = this.connection.state();
    if (state === 'disconnected') {
      this.host.trace.note(this.id, 'not-connected', { action: request.kind });
      return;
    }
    this.queue.push(request);
    this.host.trace.note(
      this.id,
      'client-queued',
      request.kind === 'subscribe'
        ? { action: request.kind, topic: request.filter, qos: request.qos }
        : { action: request.kind, topic: request.filter },
    );
  }

  private sendUnsubscribe(filter: string): void {
    const packetId = this.inflight.ids.take();
    this.pending.set(packetId, { kind: 'unsubscribe', filters: [filter] });
    this.send({ type: 'UNSUBSCRIBE', packetId, topicFilters: [filter] });
  }

  // ---------------------------------------------------------------- the connection machine's requests

  private onConnectionEvent(event: EmittedFrom<typeof clientConnectionMachine>): void {
    switch (event.type) {
      case 'open': {
        const conn = this.network.open(this.id, this.options.version, { client: this, broker: this.brokerEnd! });
        if (!conn) {
          this.host.trace.note(this.id, 'unreachable');
          this.connection.send({ type: 'net.unreachable' });
          return;
        }
        this.conn = conn;
        this.decoder = createDecoder(this.options.version);
        this.onOpen?.(conn);
        this.connection.send({ type: 'net.opened' });
        return;
      }
      case 'send connect':
        return this.send(this.connectPacket());
      case 'send pingreq':
        return this.send({ type: 'PINGREQ' });
      case 'send disconnect':
        return this.send(this.disconnectPacket());
      case 'close':
        if (this.conn) this.network.close(this.conn, 'client', event.reason);
        this.conn = null;
        return;
      case 'connected':
        return this.onConnected(event.sessionPresent);
      case 'refused':
        this.host.trace.note(this.id, 'connack-refused', { reasonCode: event.reasonCode });
        return;
    }
  }

  /** Set by the simulation: the broker's end of every connection this client opens. */
  brokerEnd: EndHandler | null = null;
  /** Set by the simulation: told when a connection opens. */
  onOpen: ((conn: Connection) => void) | null = null;

  private connectPacket(): ConnectPacket {
    const version = this.options.version;
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: version,
      clean: this.clean,
      keepAlive: this.keepAliveS,
      clientId: this.clientId,
    };
    if (this.will) {
      packet.will = {
        topic: this.will.topic,
        payload: utf8.encode(this.will.payload),
        qos: this.will.qos,
        retain: this.will.retain ?? false,
        ...(version === 5 && this.will.delayS !== undefined
          ? { properties: { willDelayInterval: this.will.delayS } }
          : {}),
      };
    }
    if (this.spec.username !== undefined) packet.username = this.spec.username;
    if (this.spec.password !== undefined) packet.password = utf8.encode(this.spec.password);
    if (version === 5 && this.spec.sessionExpiryS !== undefined)
      packet.properties = { sessionExpiryInterval: this.spec.sessionExpiryS };
    return packet;
  }

  private onConnected(sessionPresent: boolean): void {
    if (!sessionPresent) this.discardSession();
    // [MQTT-4.4.0-1]: resend what is unacknowledged, with the original ids, in the original order [MQTT-4.6.0-1].
    this.inflight.resume();
    while (this.queue.length > 0 && this.isConnected()) {
      const waiting = this.queue.shift()!;
      if (waiting.kind !== 'publish') {
        this.host.trace.note(this.id, 'client-dequeued', { action: waiting.kind, topic: waiting.filter });
        if (waiting.kind === 'subscribe') this.sendSubscribe(waiting.filter, waiting.qos, waiting.options);
        else this.sendUnsubscribe(waiting.filter);
        continue;
      }
      this.host.trace.note(this.id, 'client-dequeued', { topic: waiting.topic, qos: waiting.qos });
      this.startPublish(waiting);
    }
  }

  private discardSession(): void {
    if (this.inflight.empty && this.pending.size === 0) return;
    this.inflight.clear();
    this.pending.clear();
    this.host.trace.note(this.id, 'client-session-discarded');
  }

  // ---------------------------------------------------------------- sending

  private isConnected(): boolean {
    return this.conn !== null && this.connection.state().startsWith('connected');
  }

  private send(packet: Packet): void {
    if (!this.conn) return;
    this.network.send(this.conn, 'client', packet);
    this.activity.lastSentMs = this.host.scheduler.nowMs;
  }

  private startPublish(message: Queued): void {
    const { topic, payload, qos, retain, properties } = message;
    // Literals rather than spreads (one per message); the fields keep the order the trace shows.
    if (qos === 0) {
      this.send(
        properties
          ? { type: 'PUBLISH', dup: false, qos: 0, retain, topic, payload, properties }
          : { type: 'PUBLISH', dup: false, qos: 0, retain, topic, payload },
      );
      return;
    }
    this.inflight.publish(qos, (packetId) =>
      properties
        ? { type: 'PUBLISH', dup: false, qos, retain, topic, packetId, payload, properties }
        : { type: 'PUBLISH', dup: false, qos, retain, topic, packetId, payload },
    );
  }

  // ---------------------------------------------------------------- receiving

  receive(conn: Connection, bytes: Uint8Array, arrival: ArriveEvent): void {
    if (conn !== this.conn || !this.decoder) return;
    let packets;
    try {
      packets = this.decoder.push(bytes);
    } catch (error) {
      if (!(error instanceof MqttError)) throw error;
      this.host.trace.add({
        kind: 'error',
        client: this.id,
        conn: conn.id,
        side: 'client',
        code: error.code,
        params: error.params,
        message: error.message,
        ...(error.rule ? { rule: error.rule } : {}),
        offset: error.offset,
      });
      this.network.close(conn, 'client', error.kind, error.rule);
      this.conn = null;
      this.connection.send({ type: 'net.closed', reason: error.kind });
      return;
    }
    for (const { packet } of packets) {
      arrival.packet = packet;
      this.handle(packet);
    }
  }

  peerClosed(conn: Connection, reason: string): void {
    if (conn !== this.conn) return;
    this.conn = null;
    this.connection.send({ type: 'net.closed', reason });
  }

  private handle(packet: Packet): void {
    switch (packet.type) {
      case 'CONNACK':
        return this.connection.send({
          type: 'net.connack',
          reasonCode: packet.reasonCode,
          sessionPresent: packet.sessionPresent,
        });
      case 'PINGRESP':
        return this.connection.send({ type: 'net.pingresp' });
      case 'PUBLISH':
        return this.onPublish(packet);
      case 'PUBACK':
      case 'PUBREC':
      case 'PUBCOMP':
        return this.inflight.acknowledge(packet);
      case 'PUBREL':
        return this.inflight.release(packet);
      case 'SUBACK':
      case 'UNSUBACK': {
        const pending = this.pending.get(packet.packetId);
        if (!pending) return;
        this.pending.delete(packet.packetId);
        this.inflight.ids.release(packet.packetId);
        if (pending.kind === 'subscribe' && packet.type === 'SUBACK') {
          pending.filters.forEach((filter, i) => {
            const code = packet.reasonCodes[i];
            if (code !== undefined && code < 0x80) this.subscriptions.set(filter, code);
          });
        } else {
          for (const filter of pending.filters) this.subscriptions.delete(filter);
        }
        return;
      }
      case 'DISCONNECT':
        // 5.0: the server says why it is closing; the close itself follows.
        return;
      default:
        return;
    }
  }

  private onPublish(packet: PublishPacket): void {
    if (packet.qos === 0) return this.deliver(packet);
    if (packet.qos === 1) {
      this.deliver(packet);
      this.send({ type: 'PUBACK', packetId: packet.packetId! });
      return;
    }
    this.inflight.receive(packet);
  }

  private deliver(packet: PublishPacket): void {
    const trace = this.host.trace;
    const payload = text.decode(packet.payload);
    const { topic, qos, retain, dup, packetId } = packet;
    const seq = trace.nextSeq;
    const atMs = trace.now();
    const client = this.id;
    // Built in one literal, as trace.add lays it out (one per message delivered), packetId last.
    // A literal per shape, not a property added afterwards: that would cost every QoS 1/2 delivery
    // a separate property store (about 40 bytes, kept by the trace).
    trace.append<DeliverEvent>(
      packetId === undefined
        ? { seq, atMs, kind: 'deliver', client, topic, payload, qos, retain, dup }
        : { seq, atMs, kind: 'deliver', client, topic, payload, qos, retain, dup, packetId },
    );
  }

  // ---------------------------------------------------------------- views

  snapshot(): ClientSnapshot {
    return {
      id: this.id,
      clientId: this.clientId,
      state: this.connection.state(),
      conn: this.conn?.id ?? null,
      keepAliveS: this.keepAliveS,
      ...this.inflight.snapshot(),
      pending: [...this.pending].map(([packetId, p]) => ({ packetId, kind: p.kind, filters: p.filters })),
      // the messages waiting (subscribe requests show as notes in the trace)
      queued: this.queue.flatMap((m) => (m.kind === 'publish' ? [{ topic: m.topic, qos: m.qos }] : [])),
      subscriptions: [...this.subscriptions].map(([filter, qos]) => ({ filter, qos })),
    };
  }
}

/** A scenario's message properties as the packet carries them. */
function toPacketProperties(p: MessageProperties): Properties {
  const out: Properties = {};
  if (p.payloadFormatIndicator !== undefined) out.payloadFormatIndicator = p.payloadFormatIndicator;
  if (p.messageExpiryIntervalS !== undefined) out.messageExpiryInterval = p.messageExpiryIntervalS;
  if (p.contentType !== undefined) out.contentType = p.contentType;
  if (p.responseTopic !== undefined) out.responseTopic = p.responseTopic;
  if (p.correlationData !== undefined) out.correlationData = utf8.encode(p.correlationData);
  if (p.userProperties !== undefined) out.userProperties = p.userProperties.map(([k, v]) => [k, v]);
  return out;
}
