/**
 * The simulated broker: MQTT 3.1.1 in full and 5.0's basics, as the specs say and as mosquitto
 * does. Each connection has a machine (connection.machine.ts) for its life and Keep Alive; each
 * message in flight has a flow machine, the same ones clients use. Where a message goes once the
 * broker has taken it (retained store, subscribers, queues, expiry) is delivery.ts. Where the specs
 * leave a choice, the comment says which was taken and why.
 */
import { type Packet, type StreamDecoder, createDecoder } from '../codec/codec.ts';
import { MqttError } from '../codec/errors.ts';
import type { QoS } from '../codec/packet.ts';
import type { ConnectPacket, Will } from '../codec/packets/connect.ts';
import type { PublishPacket } from '../codec/packets/publish.ts';
import type { SubscribePacket } from '../codec/packets/subscribe.ts';
import type { UnsubscribePacket } from '../codec/packets/unsubscribe.ts';
import type { ProtocolVersion } from '../codec/version.ts';
import { brokerConnectionName, flowOwner } from '../flows/actor-names.ts';
import { Inflight } from '../flows/inflight.ts';
import type { Qos2Delivery } from '../flows/qos2-receiver.machine.ts';
import type { BrokerOptions } from '../scenario/schema.ts';
import { type ActorHost, type SimActor, startActor } from '../sim/actors.ts';
import type { Connection, EndHandler, Network } from '../sim/network.ts';
import type { NoteArgs, NoteCode } from '../sim/notes.ts';
import type { ArriveEvent } from '../sim/trace.ts';
import { brokerConnectionMachine } from './connection.machine.ts';
import { Delivery } from './delivery.ts';
import { REASON } from './reasons.ts';
import { BrokerTimers } from './timers.ts';
import { type Message, Session, type SubscriptionOptions } from './session.ts';

const text = new TextDecoder();

export interface ConnectionState {
  conn: Connection;
  /** Read by the Keep Alive watchdog. */
  activity: { lastReceivedMs: number };
  actor: SimActor<typeof brokerConnectionMachine>;
  decoder: StreamDecoder;
  session: Session | null;
  /** A DISCONNECT arrived: the will is discarded [MQTT-3.1.2-10] (5.0: only on reason code 0x00). */
  disconnected: boolean;
  /** A 5.0 DISCONNECT with a reason code other than 0x00: the will is kept and published. */
  willOnDisconnect: boolean;
  /** That DISCONNECT asked for the will by name (0x04, Disconnect with Will Message). */
  willAsked: boolean;
}

export interface BrokerSnapshot {
  sessions: Array<{
    clientId: string;
    connected: boolean;
    conn: number | null;
    persistent: boolean;
    connectionState: string | null;
    subscriptions: Array<{ filter: string; qos: QoS }>;
    outbound: Array<{ packetId: number; machine: string; state: string; topic: string }>;
    inbound: Array<{ packetId: number; state: string }>;
    queued: Array<{ topic: string; qos: QoS }>;
    will: { topic: string; qos: QoS; retain: boolean } | null;
  }>;
  retained: Array<{ topic: string; payload: string; qos: QoS }>;
}

export class Broker implements EndHandler {
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Map<Connection, ConnectionState>();
  private readonly delivery: Delivery;
  private readonly timers: BrokerTimers;
  private assigned = 0;
  private readonly qos2Delivery: Qos2Delivery;
  /** Resend an unacknowledged PUBLISH / PUBREL after this long (textbook model), when set. */
  private readonly retryMs: number | undefined;

  constructor(
    private readonly host: ActorHost,
    private readonly network: Network,
    private readonly options: BrokerOptions,
    defaultRetryMs: number | undefined,
  ) {
    this.qos2Delivery = options.qos2Delivery ?? 'onPubrel';
    this.retryMs = options.retryMs ?? defaultRetryMs;
    this.timers = new BrokerTimers(host);
    this.delivery = new Delivery(
      {
        host,
        sessions: this.sessions,
        send: (state, packet) => this.send(state, packet),
        note: (code, ...params) => this.note(code, ...params),
      },
      {
        maxInflight: options.maxInflight ?? 20,
        queueQos0: options.queueQos0 ?? false,
      },
    );
  }

  private note<C extends NoteCode>(code: C, ...params: NoteArgs<C>): void {
    this.host.trace.note('broker', code, ...params);
  }

  // ---------------------------------------------------------------- connections

  /** A client opened a TCP connection: wait for its CONNECT. */
  opened(conn: Connection): void {
    const activity = { lastReceivedMs: this.host.scheduler.nowMs, now: () => this.host.scheduler.nowMs };
    const state: ConnectionState = {
      conn,
      activity,
      actor: startActor(
        this.host,
        brokerConnectionMachine,
        brokerConnectionName(conn.client, conn.id),
        { keepAliveS: 0, activity },
        (event) => {
          if (event.type === 'keepalive expired') {
            this.close(state, 'keepalive', state.conn.version === 5 ? 'MQTT-3.1.2-22' : 'MQTT-3.1.2-24', true);
          }
        },
      ),
      decoder: createDecoder(conn.version),
      session: null,
      disconnected: false,
      willOnDisconnect: false,
      willAsked: false,
    };
    this.connections.set(conn, state);
  }

  receive(conn: Connection, bytes: Uint8Array, arrival: ArriveEvent): void {
    const state = this.connections.get(conn);
    if (!state) return;
    let packets;
    try {
      packets = state.decoder.push(bytes);
    } catch (error) {
      if (!(error instanceof MqttError)) throw error;
      return this.onMalformed(state, error);
    }
    state.activity.lastReceivedMs = this.host.scheduler.nowMs;
    for (const { packet } of packets) {
      arrival.packet = packet;
      if (!conn.open.broker) return;
      this.handle(state, packet);
    }
  }

  peerClosed(conn: Connection, reason: string): void {
    const state = this.connections.get(conn);
    if (!state) return;
    this.lost(state, !state.disconnected || state.willOnDisconnect, reason);
  }

  /** Bytes that break the protocol: answer as the spec asks, then close. */
  private onMalformed(state: ConnectionState, error: MqttError): void {
    const { conn } = state;
    this.host.trace.add({
      kind: 'error',
      client: conn.client,
      conn: conn.id,
      side: 'broker',
      code: error.code,
      params: error.params,
      message: error.message,
      ...(error.rule ? { rule: error.rule } : {}),
      offset: error.offset,
    });
    if (!state.session) {
      // Before CONNACK: an unsupported level gets CONNACK 0x01 / 0x84 [MQTT-3.1.2-2]; 5.0 may say why.
      if (error.kind === 'unsupported-protocol-version') {
        this.send(state, {
          type: 'CONNACK',
          sessionPresent: false,
          reasonCode: conn.version === 5 ? REASON.v5.unsupportedProtocolVersion : REASON.v4.unacceptableProtocolVersion,
        });
      } else if (conn.version === 5 && error.reasonCode !== undefined) {
        this.send(state, { type: 'CONNACK', sessionPresent: false, reasonCode: error.reasonCode });
      }
    } else if (conn.version === 5 && error.reasonCode !== undefined) {
      this.send(state, { type: 'DISCONNECT', reasonCode: error.reasonCode });
    }
    this.close(state, error.kind, error.rule, true);
  }

  /** The broker closes a connection. */
  private close(state: ConnectionState, reason: string, rule: string | undefined, publishWill: boolean): void {
    if (!state.conn.open.broker) return;
    this.network.close(state.conn, 'broker', reason, rule);
    this.lost(state, publishWill, reason);
  }

  /** A connection is over, whoever ended it: the will, and the session's fate. */
  private lost(state: ConnectionState, publishWill: boolean, reason: string): void {
    if (!this.connections.has(state.conn)) return;
    this.connections.delete(state.conn);
    if (state.actor.state() !== 'closed') state.actor.send({ type: 'net.closed' });
    const session = state.session;
    if (!session || session.connection !== state) return;
    session.connection = null;
    const will = session.will;
    session.will = undefined;
    if (will && publishWill) {
      // [MQTT-3.1.2-8]: the will is published when the connection closes without DISCONNECT; under
      // 5.0 also after a DISCONNECT whose reason code is not 0x00 (0x04 asks for it by name).
      const asked = state.disconnected && state.willOnDisconnect;
      const delayS = state.conn.version === 5 ? (will.properties?.willDelayInterval ?? 0) : 0;
      const why = !asked ? reason : state.willAsked ? 'disconnect-with-will' : 'disconnect-reason';
      // 5.0 §3.1.3.2.2: with a Will Delay Interval the will waits, unless the session ends first
      // (a session that ends with the connection publishes it now)
      if (delayS > 0 && session.persistent) this.delayWill(session, will, delayS);
      else this.publishWill(session, will, why);
    } else if (will) {
      this.note('will-discarded', { client: session.clientId });
    }
    if (!session.persistent) this.endSession(session);
    else {
      this.note('session-kept', { client: session.clientId, expiryS: session.expiryS });
      if (session.expiryS !== 0xffffffff && state.conn.version === 5) {
        const dueAtMs = this.host.scheduler.nowMs + session.expiryS * 1000;
        session.expiryTimer = this.timers.start(session.clientId, 'sessionExpiry', dueAtMs, () => {
          if (session.connection) return;
          this.note('session-expired', { client: session.clientId });
          this.endSession(session);
        });
      }
    }
  }

  private publishWill(session: Session, will: Will, reason: string): void {
    this.note('will-published', { client: session.clientId, topic: will.topic, reason });
    this.delivery.publish({
      topic: will.topic,
      payload: will.payload,
      qos: will.qos,
      retain: will.retain,
      from: session.clientId,
      ...(will.properties ? { properties: pickMessageProperties(will.properties) } : {}),
    });
  }

  /** 5.0: hold the will for its delay; a new connection to the session cancels it [MQTT-3.1.3-9]. */
  private delayWill(session: Session, will: Will, delayS: number): void {
    this.note('will-delayed', { client: session.clientId, topic: will.topic, delayS });
    const dueAtMs = this.host.scheduler.nowMs + delayS * 1_000;
    const timer = this.timers.start(session.clientId, 'willDelay', dueAtMs, () => {
      if (session.pendingWill?.timer !== timer) return;
      session.pendingWill = null;
      this.publishWill(session, will, 'will-delay');
    });
    session.pendingWill = { will, timer };
  }

  /** A delayed will that has not gone out yet: published when its session ends first. */
  private settlePendingWill(session: Session, outcome: 'publish' | 'cancel'): void {
    const pending = session.pendingWill;
    if (!pending) return;
    session.pendingWill = null;
    this.timers.cancel(pending.timer);
    if (outcome === 'publish') this.publishWill(session, pending.will, 'session-ended');
    else this.note('will-cancelled', { client: session.clientId }); // [MQTT-3.1.3-9]
  }

  private endSession(session: Session): void {
    if (this.sessions.get(session.clientId) !== session) return;
    this.settlePendingWill(session, 'publish');
    this.sessions.delete(session.clientId);
    this.delivery.subscriptions.deleteClient(session.clientId);
    session.inflight.clear();
    if (session.expiryTimer) this.timers.cancel(session.expiryTimer);
    this.note('session-ended', { client: session.clientId });
  }

  private send(state: ConnectionState, packet: Packet): void {
    if (state.conn.open.broker) this.network.send(state.conn, 'broker', packet);
  }

  // ---------------------------------------------------------------- packets

  private handle(state: ConnectionState, packet: Packet): void {
    if (packet.type === 'CONNECT') return this.onConnect(state, packet);
    if (!state.session) {
      // [MQTT-3.1.0-1]: the first packet must be CONNECT.
      this.host.trace.add({
        kind: 'error',
        client: state.conn.client,
        conn: state.conn.id,
        side: 'broker',
        code: 'connect-first',
        message: `${packet.type} before CONNECT`,
        rule: 'MQTT-3.1.0-1',
      });
      return this.close(state, 'protocol-error', 'MQTT-3.1.0-1', false);
    }
    const session = state.session;
    switch (packet.type) {
      case 'PUBLISH':
        return this.onPublish(state, session, packet);
      case 'PUBACK':
      case 'PUBREC':
      case 'PUBCOMP':
        return session.inflight.acknowledge(packet);
      case 'PUBREL':
        return session.inflight.release(packet);
      case 'SUBSCRIBE':
        return this.onSubscribe(state, session, packet);
      case 'UNSUBSCRIBE':
        return this.onUnsubscribe(state, session, packet);
      case 'PINGREQ':
        return this.send(state, { type: 'PINGRESP' }); // [MQTT-3.12.4-1]
      case 'DISCONNECT':
        state.disconnected = true;
        // 5.0 deletes the will only on 0x00, Normal disconnection [MQTT-3.14.4-3] [MQTT-3.1.2-8]: 0x04
        // asks for it, and any other code (an error) keeps it too. mosquitto 2.0.20 differs: it keeps
        // the will on 0x04 only (src/handle_disconnect.c)
        state.willOnDisconnect =
          state.conn.version === 5 &&
          (packet.reasonCode ?? REASON.v5.normalDisconnection) !== REASON.v5.normalDisconnection;
        state.willAsked = state.conn.version === 5 && packet.reasonCode === REASON.v5.disconnectWithWill;
        if (state.conn.version === 5 && packet.properties?.sessionExpiryInterval !== undefined) {
          session.expiryS = packet.properties.sessionExpiryInterval;
          session.persistent = session.expiryS > 0;
        }
        state.actor.send({ type: 'net.disconnect' });
        return this.close(state, 'disconnect', undefined, state.willOnDisconnect);
      default:
        // CONNACK, SUBACK, UNSUBACK, PINGRESP travel only from server to client; AUTH is not supported here.
        this.host.trace.add({
          kind: 'error',
          client: state.conn.client,
          conn: state.conn.id,
          side: 'broker',
          code: 'unexpected-packet',
          params: { packet: packet.type },
          message: `a client may not send ${packet.type}`,
        });
        if (state.conn.version === 5) this.send(state, { type: 'DISCONNECT', reasonCode: REASON.v5.protocolError });
        return this.close(state, 'protocol-error', undefined, true);
    }
  }

  private onConnect(state: ConnectionState, packet: ConnectPacket): void {
    const conn = state.conn;
    if (state.session) {
      // [MQTT-3.1.0-2]: a second CONNECT is a protocol violation.
      this.host.trace.add({
        kind: 'error',
        client: conn.client,
        conn: conn.id,
        side: 'broker',
        code: 'second-connect',
        message: 'a second CONNECT',
        rule: 'MQTT-3.1.0-2',
      });
      return this.close(state, 'protocol-error', 'MQTT-3.1.0-2', true);
    }
    const version: ProtocolVersion = packet.protocolVersion === 5 ? 5 : 4;
    conn.version = version;
    let clientId = packet.clientId;
    let assigned = false;
    if (clientId === '') {
      if (version === 4 && !packet.clean) {
        // [MQTT-3.1.3-8]: a zero-byte ClientId with CleanSession 0 is refused with 0x02.
        this.note('client-id-rejected', { reason: 'empty-persistent' });
        this.send(state, { type: 'CONNACK', sessionPresent: false, reasonCode: REASON.v4.identifierRejected });
        state.actor.send({ type: 'net.refused' });
        return this.close(state, 'refused', 'MQTT-3.1.3-8', false);
      }
      // [MQTT-3.1.3-6] (5.0: [MQTT-3.2.2-16]): the server assigns a unique id.
      clientId = `auto-${++this.assigned}`;
      assigned = true;
      this.note('client-id-assigned', { clientId });
    }

    const refused = this.authenticate(packet, version);
    if (refused !== 0) {
      this.note('auth-refused', { client: clientId, reasonCode: refused, username: packet.username ?? '' });
      this.send(state, { type: 'CONNACK', sessionPresent: false, reasonCode: refused });
      state.actor.send({ type: 'net.refused' });
      // [MQTT-3.2.2-5] (5.0 [MQTT-3.2.2-7]): after a refusing CONNACK the server closes the connection.
      return this.close(state, 'refused', version === 5 ? 'MQTT-3.2.2-7' : 'MQTT-3.2.2-5', false);
    }

    // [MQTT-3.1.4-2] (5.0 [MQTT-3.1.4-3]): a second connection with this id takes over; the first is closed.
    const existing = this.sessions.get(clientId);
    if (existing?.connection) {
      const old = existing.connection;
      this.note('takeover', { client: clientId, conn: old.conn.id });
      if (old.conn.version === 5) this.send(old, { type: 'DISCONNECT', reasonCode: REASON.v5.sessionTakenOver });
      this.close(old, 'takeover', version === 5 ? 'MQTT-3.1.4-3' : 'MQTT-3.1.4-2', true);
    }

    const expiryS = version === 5 ? (packet.properties?.sessionExpiryInterval ?? 0) : 0;
    const persistent = version === 5 ? expiryS > 0 : !packet.clean;
    let session = this.sessions.get(clientId);
    // 5.0 [MQTT-3.1.2-8], [MQTT-3.1.3-9]: a new connection for this client id before the Will
    // Delay Interval has passed means the will is not sent, whatever Clean Start says
    if (session) this.settlePendingWill(session, 'cancel');
    let sessionPresent = false;
    if (session && packet.clean) {
      // [MQTT-3.1.2-6] (5.0 [MQTT-3.1.2-4]): Clean Session / Clean Start discards the old session.
      this.endSession(session);
      session = undefined;
    }
    if (session) {
      sessionPresent = true; // [MQTT-3.2.2-2] (5.0 [MQTT-3.2.2-3])
      if (session.expiryTimer) this.timers.cancel(session.expiryTimer);
      session.expiryTimer = null;
      session.persistent = persistent;
      session.expiryS = expiryS;
    } else {
      session = this.newSession(clientId, persistent, expiryS);
      this.sessions.set(clientId, session);
    }
    session.connection = state;
    session.will = packet.will;
    state.session = session;
    state.actor.send({ type: 'net.connect', keepAliveS: packet.keepAlive });
    this.note(sessionPresent ? 'session-resumed' : 'session-created', { client: clientId, persistent });
    if (packet.will) {
      this.note('will-stored', {
        client: clientId,
        topic: packet.will.topic,
        qos: packet.will.qos,
        retain: packet.will.retain,
      });
    }
    this.send(state, {
      type: 'CONNACK',
      sessionPresent,
      reasonCode: 0,
      ...(version === 5 && assigned ? { properties: { assignedClientIdentifier: clientId } } : {}),
    });
    // [MQTT-4.4.0-1]: resend unacknowledged PUBLISH and PUBREL with their original ids, in order [MQTT-4.6.0-6].
    session.inflight.resume();
    this.delivery.drain(session);
  }

  /** A session with its QoS flows: they send on whatever connection the session has at the time. */
  private newSession(clientId: string, persistent: boolean, expiryS: number): Session {
    const session = new Session(clientId, persistent, expiryS);
    session.inflight = new Inflight(
      this.host,
      flowOwner('broker', clientId),
      { version: () => session.connection?.conn.version ?? 4, retryMs: this.retryMs, qos2Delivery: this.qos2Delivery },
      {
        sendFlow: (packet) => {
          const live = session.connection;
          if (live && live.actor.state().startsWith('connected')) this.send(live, packet);
        },
        sendAnswer: (packet) => {
          const live = session.connection;
          if (live) this.send(live, packet);
        },
        deliver: (publish) => this.delivery.publish(this.messageOf(session, publish)),
        duplicate: (packetId) => this.note('qos2-duplicate', { client: clientId, packetId }),
        finished: () => this.delivery.drain(session),
      },
    );
    return session;
  }

  /** A PUBLISH the broker takes, as the message it forwards. */
  private messageOf(session: Session, packet: PublishPacket): Message {
    return {
      topic: packet.topic,
      payload: packet.payload,
      qos: packet.qos,
      retain: packet.retain,
      from: session.clientId,
      ...(packet.properties ? { properties: pickMessageProperties(packet.properties) } : {}),
    };
  }

  /**
   * The broker option `users` turns on authentication: no user name → 3.1.1 0x05 "not authorized"
   * (5.0 0x87); a wrong pair → 0x04 "bad user name or password" (5.0 0x86). 0 = accepted.
   */
  private authenticate(packet: ConnectPacket, version: ProtocolVersion): number {
    const users = this.options.users;
    if (!users) return 0;
    if (packet.username === undefined) return version === 5 ? REASON.v5.notAuthorized : REASON.v4.notAuthorized;
    const expected = Object.hasOwn(users, packet.username) ? users[packet.username] : undefined;
    const given = packet.password === undefined ? undefined : text.decode(packet.password);
    return expected !== undefined && given === expected
      ? 0
      : version === 5
        ? REASON.v5.badUserNameOrPassword
        : REASON.v4.badUserNameOrPassword;
  }

  private onPublish(state: ConnectionState, session: Session, packet: PublishPacket): void {
    const version = state.conn.version;
    if (version === 5 && packet.properties?.topicAlias !== undefined) {
      // We announce no Topic Alias Maximum, so any alias exceeds it (5.0 §3.2.2.3.8).
      if (version === 5) this.send(state, { type: 'DISCONNECT', reasonCode: REASON.v5.topicAliasInvalid });
      return this.close(state, 'protocol-error', 'MQTT-3.3.2-12', true);
    }
    const message = this.messageOf(session, packet);
    if (packet.qos === 0) {
      this.delivery.publish(message);
      return;
    }
    const id = packet.packetId!;
    if (packet.qos === 1) {
      const delivered = this.delivery.publish(message);
      this.send(
        state,
        version === 5 && delivered === 0
          ? { type: 'PUBACK', packetId: id, reasonCode: REASON.v5.noMatchingSubscribers }
          : { type: 'PUBACK', packetId: id },
      );
      return;
    }
    session.inflight.receive(packet);
  }

  private onSubscribe(state: ConnectionState, session: Session, packet: SubscribePacket): void {
    const version = state.conn.version;
    const refused = new Set(this.options.refuseFilters ?? []);
    const codes: number[] = [];
    const granted: Array<{ filter: string; options: SubscriptionOptions; existed: boolean }> = [];
    for (const sub of packet.subscriptions) {
      if (refused.has(sub.topicFilter)) {
        codes.push(version === 5 ? REASON.v5.subscribeNotAuthorized : REASON.v4.subscribeFailure);
        this.note('subscription-refused', { client: session.clientId, filter: sub.topicFilter });
        continue;
      }
      const options: SubscriptionOptions = {
        qos: sub.qos,
        noLocal: sub.noLocal ?? false,
        retainAsPublished: sub.retainAsPublished ?? false,
        retainHandling: sub.retainHandling ?? 0,
      };
      // [MQTT-3.8.4-3]: a subscription with the same filter replaces the old one.
      const existed = this.delivery.subscriptions.set(session.clientId, sub.topicFilter, options);
      this.note('subscribed', { client: session.clientId, filter: sub.topicFilter, qos: sub.qos, replaced: existed });
      granted.push({ filter: sub.topicFilter, options, existed });
      codes.push(sub.qos);
    }
    this.send(state, { type: 'SUBACK', packetId: packet.packetId, reasonCodes: codes });
    // [MQTT-3.3.1-6]: a new subscription receives the retained messages that match, with RETAIN 1
    // [MQTT-3.3.1-8]; as mosquitto does, a replaced subscription receives them again.
    for (const { filter, options, existed } of granted) {
      if (options.retainHandling === 2 || (options.retainHandling === 1 && existed)) continue;
      this.delivery.sendRetained(session, filter, options.qos);
    }
  }

  private onUnsubscribe(state: ConnectionState, session: Session, packet: UnsubscribePacket): void {
    const codes = packet.topicFilters.map((filter) => {
      const removed = this.delivery.subscriptions.delete(session.clientId, filter);
      if (removed) this.note('unsubscribed', { client: session.clientId, filter });
      return removed ? 0x00 : REASON.v5.noSubscriptionExisted;
    });
    this.send(state, {
      type: 'UNSUBACK',
      packetId: packet.packetId,
      ...(state.conn.version === 5 ? { reasonCodes: codes } : {}),
    });
  }

  // ---------------------------------------------------------------- views

  snapshot(): BrokerSnapshot {
    return {
      sessions: [...this.sessions.values()].map((s) => ({
        clientId: s.clientId,
        connected: s.connection !== null,
        conn: s.connection?.conn.id ?? null,
        persistent: s.persistent,
        connectionState: s.connection?.actor.state() ?? null,
        subscriptions: this.delivery.subscriptions
          .ofClient(s.clientId)
          .map((sub) => ({ filter: sub.filter, qos: sub.value.qos })),
        ...s.inflight.snapshot(),
        queued: s.queue.map((q) => ({ topic: q.message.topic, qos: q.qos })),
        will: willView(s.will ?? s.pendingWill?.will),
      })),
      retained: this.delivery.retained
        .all()
        .map((m) => ({ topic: m.topic, payload: text.decode(m.payload), qos: m.qos })),
    };
  }
}

/** The properties of a PUBLISH (or will) that travel with the message to subscribers (5.0 §3.3.2.3). */
function pickMessageProperties(
  props: NonNullable<PublishPacket['properties']>,
): PublishPacket['properties'] | undefined {
  const { payloadFormatIndicator, messageExpiryInterval, contentType, responseTopic, correlationData, userProperties } =
    props;
  const out = {
    payloadFormatIndicator,
    messageExpiryInterval,
    contentType,
    responseTopic,
    correlationData,
    userProperties,
  };
  for (const key of Object.keys(out) as Array<keyof typeof out>) if (out[key] === undefined) delete out[key];
  return Object.keys(out).length ? out : undefined;
}

const willView = (will: Will | undefined) => (will ? { topic: will.topic, qos: will.qos, retain: will.retain } : null);
