/**
 * Where a message goes once the broker has taken it: into the retained store, and to every session
 * with a matching subscription (once, at the best QoS granted); out at once on a flow machine, or
 * into the session's queue, and out of the queue in order when the session can take it again. 5.0's
 * message expiry applies on the way (expiry.ts). The broker (broker.ts) owns connections and
 * packets and hands messages here.
 */
import type { Packet } from '../codec/codec.ts';
import type { QoS } from '../codec/packet.ts';
import type { PublishPacket } from '../codec/packets/publish.ts';
import type { Properties } from '../codec/properties.ts';
import type { ActorHost } from '../sim/actors.ts';
import type { NoteArgs, NoteCode } from '../sim/notes.ts';
import type { ConnectionState } from './broker.ts';
import { expiresAtMs, hasExpired, secondsLeft } from './expiry.ts';
import { type RetainedMessage, RetainedStore } from './retained.ts';
import type { Message, Session, SubscriptionOptions } from './session.ts';
import { TopicTree } from './topic-tree.ts';

const text = new TextDecoder();

/** What delivery needs from the broker. */
export interface DeliveryBroker {
  host: ActorHost;
  sessions: ReadonlyMap<string, Session>;
  send(state: ConnectionState, packet: Packet): void;
  note<C extends NoteCode>(code: C, ...params: NoteArgs<C>): void;
}

export interface DeliveryOptions {
  /** Outbound QoS 1 and 2 messages in flight per session; more wait in its queue. */
  maxInflight: number;
  /** Queue QoS 0 messages for an offline persistent session too (mosquitto's queue_qos0_messages). */
  queueQos0: boolean;
}

export class Delivery {
  readonly subscriptions = new TopicTree<SubscriptionOptions>();
  readonly retained = new RetainedStore();

  constructor(
    private readonly broker: DeliveryBroker,
    private readonly options: DeliveryOptions,
  ) {}

  /**
   * A message the broker has taken ownership of: store it if retained, and forward it to every
   * session with a matching subscription — once per session, at the highest QoS granted among its
   * matching subscriptions [MQTT-3.3.5-1], downgraded to that QoS [MQTT-3.8.4-6]. Returns how many
   * sessions it went to.
   */
  publish(taken: Message): number {
    const now = this.broker.host.scheduler.nowMs;
    // 5.0: a message that may expire remembers when the broker took it (expiry.ts)
    const message: Message =
      taken.properties?.messageExpiryInterval !== undefined ? { ...taken, receivedAtMs: now } : taken;
    if (message.retain) {
      const stored = {
        topic: message.topic,
        payload: message.payload,
        qos: message.qos,
        ...(message.properties ? { properties: message.properties } : {}),
        ...(message.receivedAtMs !== undefined ? { receivedAtMs: message.receivedAtMs } : {}),
      };
      const outcome = this.retained.put(stored);
      if (outcome !== 'nothing') {
        this.broker.note(`retained-${outcome}` as const, {
          topic: message.topic,
          payload: text.decode(message.payload),
          qos: message.qos,
        });
      }
      const expiresAt = outcome === 'nothing' || outcome === 'cleared' ? undefined : expiresAtMs(stored);
      if (expiresAt !== undefined) this.broker.host.scheduler.schedule(expiresAt, () => this.expireRetained(stored));
    }
    const matches = this.subscriptions.match(message.topic);
    if (matches.length === 1) {
      // One matching subscription, the usual case: what the loop below does, without its map.
      const sub = matches[0];
      if (sub.value.noLocal && sub.clientId === message.from) return 0;
      const session = this.broker.sessions.get(sub.clientId);
      if (session) {
        const granted = Math.min(sub.value.qos, message.qos) as QoS;
        this.forward(session, message, granted, sub.value.retainAsPublished && message.retain);
      }
      return 1;
    }
    const best = new Map<string, { qos: QoS; retainAsPublished: boolean }>();
    for (const sub of matches) {
      if (sub.value.noLocal && sub.clientId === message.from) continue;
      const prev = best.get(sub.clientId);
      if (!prev || sub.value.qos > prev.qos)
        best.set(sub.clientId, { qos: sub.value.qos, retainAsPublished: sub.value.retainAsPublished });
    }
    for (const [clientId, { qos, retainAsPublished }] of best) {
      const session = this.broker.sessions.get(clientId);
      if (!session) continue;
      const granted = Math.min(qos, message.qos) as QoS;
      // [MQTT-3.3.1-9]: to existing subscribers RETAIN is 0 (5.0: unless Retain As Published).
      this.forward(session, message, granted, retainAsPublished && message.retain);
    }
    return best.size;
  }

  /** Send now if connected and a slot is free; otherwise queue (persistent session) or drop. */
  private forward(session: Session, message: Message, qos: QoS, retain: boolean): void {
    const live = session.connection;
    if (
      live &&
      live.actor.state().startsWith('connected') &&
      (qos === 0 || session.inflight.outboundCount < this.options.maxInflight) &&
      session.queue.length === 0
    ) {
      this.startOutbound(session, live, message, qos, retain);
      return;
    }
    if (live || session.persistent) {
      if (qos === 0 && !live && !this.options.queueQos0) {
        this.broker.note('dropped-qos0-offline', { client: session.clientId, topic: message.topic });
        return;
      }
      const entry = { message, qos, retain };
      session.queue.push(entry);
      this.broker.note('queued', { client: session.clientId, topic: message.topic, qos, online: live !== null });
      // [MQTT-3.3.2-5]: still waiting when its interval runs out, it leaves the queue then
      const expiresAt = expiresAtMs(message);
      if (expiresAt !== undefined)
        this.broker.host.scheduler.schedule(expiresAt, () => this.expireQueued(session, entry));
    }
  }

  /** A queued message whose interval has passed is deleted, not sent; `index` says which, for the views. */
  private expireQueued(session: Session, entry: Session['queue'][number]): void {
    if (this.broker.sessions.get(session.clientId) !== session) return;
    const index = session.queue.indexOf(entry);
    if (index < 0) return; // sent meanwhile
    session.queue.splice(index, 1);
    this.broker.note('message-expired', { client: session.clientId, topic: entry.message.topic, index });
  }

  /** A retained message whose expiry interval has passed leaves the store [MQTT-3.3.2-5]. */
  private expireRetained(message: RetainedMessage): void {
    if (this.retained.remove(message)) this.broker.note('retained-expired', { topic: message.topic });
  }

  private startOutbound(session: Session, live: ConnectionState, message: Message, qos: QoS, retain: boolean): void {
    // [MQTT-3.3.2-6]: what is left of the expiry interval, after the time the message waited here
    const left = secondsLeft(message, this.broker.host.scheduler.nowMs);
    const properties =
      message.properties && left !== undefined
        ? { ...message.properties, messageExpiryInterval: left }
        : message.properties;
    const { topic, payload } = message;
    const sent = live.conn.version === 5 ? properties : undefined;
    if (qos === 0) {
      this.broker.send(live, forwarded(topic, payload, 0, retain, sent));
      return;
    }
    session.inflight.publish(qos, (packetId) => forwarded(topic, payload, qos, retain, sent, packetId));
  }

  /** Send queued messages while the connection is up and slots are free, in order. */
  drain(session: Session): void {
    const live = session.connection;
    while (live && session.queue.length > 0 && live.actor.state().startsWith('connected')) {
      const next = session.queue[0];
      if (hasExpired(next.message, this.broker.host.scheduler.nowMs)) {
        // [MQTT-3.3.2-5]: it waited longer than its expiry interval: deleted, not sent
        session.queue.shift();
        this.broker.note('message-expired', { client: session.clientId, topic: next.message.topic, index: 0 });
        continue;
      }
      if (next.qos > 0 && session.inflight.outboundCount >= this.options.maxInflight) return;
      session.queue.shift();
      this.broker.note('dequeued', { client: session.clientId, topic: next.message.topic });
      this.startOutbound(session, live, next.message, next.qos, next.retain);
    }
  }

  /** The retained messages a new subscription to `filter` receives, RETAIN 1, at most at `qos`. */
  sendRetained(session: Session, filter: string, qos: QoS): void {
    for (const retained of this.retained.matching(filter)) {
      if (hasExpired(retained, this.broker.host.scheduler.nowMs)) {
        this.expireRetained(retained);
        continue;
      }
      const message: Message = {
        topic: retained.topic,
        payload: retained.payload,
        qos: retained.qos,
        retain: true,
        from: '',
        ...(retained.properties ? { properties: retained.properties } : {}),
        ...(retained.receivedAtMs !== undefined ? { receivedAtMs: retained.receivedAtMs } : {}),
      };
      this.forward(session, message, Math.min(retained.qos, qos) as QoS, true);
    }
  }
}

/**
 * The PUBLISH the broker forwards, built in one literal (one per message forwarded, no spread), its
 * fields in the order the trace shows them: `properties` only when there are some, `packetId` last
 * and only for QoS 1 and 2 [MQTT-2.3.1-5]. A literal per shape, not a property added afterwards: an
 * added property costs the object a separate property store (about 40 bytes a message, kept by the
 * trace).
 */
function forwarded(
  topic: string,
  payload: Uint8Array,
  qos: QoS,
  retain: boolean,
  properties: Properties | undefined,
  packetId?: number,
): PublishPacket {
  const dup = false;
  if (properties)
    return packetId === undefined
      ? { type: 'PUBLISH', dup, retain, topic, payload, properties, qos }
      : { type: 'PUBLISH', dup, retain, topic, payload, properties, qos, packetId };
  return packetId === undefined
    ? { type: 'PUBLISH', dup, retain, topic, payload, qos }
    : { type: 'PUBLISH', dup, retain, topic, payload, qos, packetId };
}
