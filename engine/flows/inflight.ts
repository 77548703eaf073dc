/**
 * The QoS 1 and 2 state of one session, for one side (a client, or the broker's session of a
 * client): packet ids, the outbound flows (QoS 1 / QoS 2 sender, one per message) and the inbound
 * QoS 2 flows (receiver), in the spirit of rumqtt's MqttState. It does no I/O of its own: what a
 * flow sends or delivers goes to its owner's hooks, which know the connection. Broker and client
 * hold one each, so the flow logic is written once.
 */
import type { Packet } from '../codec/codec.ts';
import type { PubackPacket } from '../codec/packets/puback.ts';
import type { PubcompPacket } from '../codec/packets/pubcomp.ts';
import type { PublishPacket } from '../codec/packets/publish.ts';
import type { PubrecPacket } from '../codec/packets/pubrec.ts';
import type { PubrelPacket } from '../codec/packets/pubrel.ts';
import { REASON_CODES_5 } from '../codec/reason-codes.ts';
import type { ProtocolVersion } from '../codec/version.ts';
import type { ActorHost } from '../sim/actors.ts';
import { compileFlow } from './compile.ts';
import type { Emitted } from './compile.ts';
import { Flow } from './flow.ts';
import { PacketIds } from './packet-ids.ts';
import { type SenderInput, qos1SenderMachine } from './qos1-sender.machine.ts';
import { type Qos2Delivery, type ReceiverInput, qos2ReceiverMachine } from './qos2-receiver.machine.ts';
import { qos2SenderMachine } from './qos2-sender.machine.ts';
import { flowActorName } from './actor-names.ts';

const QOS1_SENDER = compileFlow(qos1SenderMachine);
const QOS2_SENDER = compileFlow(qos2SenderMachine);
const QOS2_RECEIVER = compileFlow(qos2ReceiverMachine);

/** 5.0's answer to a PUBREC / PUBREL for a packet id with no flow (0x92), from the codec's table. */
const PACKET_ID_NOT_FOUND = REASON_CODES_5.find(
  (r) => r.name === 'Packet Identifier not found' && r.packets.includes('PUBREL'),
)!.code;

export interface InflightHooks {
  /** An outbound flow sends (PUBLISH, PUBREL): only while the connection is up and CONNACKed. */
  sendFlow(packet: Packet): void;
  /** A receiver's PUBREC / PUBCOMP, or the answer to an ack with no flow: on the current connection. */
  sendAnswer(packet: Packet): void;
  /** A QoS 2 receiver hands its message to the application (once). */
  deliver(publish: PublishPacket): void;
  /** A repeated QoS 2 PUBLISH was absorbed (PUBREC again, no second delivery). */
  duplicate(packetId: number): void;
  /** An outbound flow finished and its packet id is free again. */
  finished?(packetId: number): void;
}

export interface InflightOptions {
  /** The protocol level of the connection now (the broker learns it from each CONNECT). */
  version: () => ProtocolVersion;
  /** Resend after this long without an answer (textbook model), when set. */
  retryMs?: number;
  qos2Delivery: Qos2Delivery;
}

export interface InflightSnapshot {
  outbound: Array<{ packetId: number; machine: string; state: string; topic: string }>;
  inbound: Array<{ packetId: number; state: string }>;
}

type Sender = Flow<SenderInput>;
type Receiver = Flow<ReceiverInput>;

export class Inflight {
  readonly ids = new PacketIds();
  private readonly outbound = new Map<number, Sender>();
  private readonly inbound = new Map<number, Receiver>();
  /** Actor names by packet id, made once per id: ids come back, and a large run starts many flows. */
  private readonly outNames: string[] = [];
  private readonly inNames: string[] = [];

  constructor(
    private readonly host: ActorHost,
    /** Whose flows: 'sensor', or 'broker/sensor' for the broker's session of sensor. */
    private readonly owner: string,
    private readonly options: InflightOptions,
    private readonly hooks: InflightHooks,
  ) {}

  get outboundCount(): number {
    return this.outbound.size;
  }

  get empty(): boolean {
    return this.outbound.size === 0 && this.inbound.size === 0;
  }

  /**
   * Start sending a QoS 1 or 2 message under the next free packet id [MQTT-2.3.1-2]; `build` makes
   * the PUBLISH for that id (each owner lays its packet out its own way).
   */
  publish(qos: 1 | 2, build: (packetId: number) => PublishPacket): void {
    const packetId = this.ids.take();
    const flow: Sender = new Flow(
      this.host,
      qos === 1 ? QOS1_SENDER : QOS2_SENDER,
      (this.outNames[packetId] ??= flowActorName(this.owner, 'out', packetId)),
      { publish: build(packetId), retryMs: this.options.retryMs } satisfies SenderInput,
      this.senderEmitted,
    );
    if (!flow.done()) this.outbound.set(packetId, flow);
  }

  // What the flows emit, one function for all of them (not a closure per flow): the flow says
  // which message it carries.
  private readonly senderEmitted = (event: Emitted, flow: Sender): void => {
    if (event.type === 'send') this.hooks.sendFlow(event.packet as Packet);
    else if (event.type === 'finished') {
      const packetId = flow.context.publish.packetId!;
      this.outbound.delete(packetId);
      this.ids.release(packetId);
      this.hooks.finished?.(packetId);
    }
  };

  private readonly receiverEmitted = (event: Emitted): void => {
    if (event.type === 'send') this.hooks.sendAnswer(event.packet as Packet);
    else if (event.type === 'deliver') this.hooks.deliver(event.publish as PublishPacket);
  };

  private readonly receiverComplete = (flow: Receiver): void => {
    this.inbound.delete(flow.context.publish.packetId!);
  };

  /** PUBACK, PUBREC, PUBCOMP: to the sender flow with that id, of the right kind. */
  acknowledge(packet: PubackPacket | PubrecPacket | PubcompPacket): void {
    const flow = this.outbound.get(packet.packetId);
    const reasonCode = packet.reasonCode ?? 0;
    if (packet.type === 'PUBACK') {
      if (flow?.machine === QOS1_SENDER.id) flow.send({ type: 'net.puback', reasonCode });
    } else if (packet.type === 'PUBCOMP') {
      if (flow?.machine === QOS2_SENDER.id) flow.send({ type: 'net.pubcomp', reasonCode });
    } else if (flow?.machine === QOS2_SENDER.id) flow.send({ type: 'net.pubrec', reasonCode });
    // No QoS 2 flow for it (it completed, or the session was discarded): release it anyway, 5.0 saying why.
    else this.hooks.sendAnswer(this.withNotFound({ type: 'PUBREL', packetId: packet.packetId }));
  }

  /** A QoS 2 PUBLISH: a new receiver flow, or the same message again on its flow [MQTT-4.3.3-2]. */
  receive(publish: PublishPacket): void {
    const id = publish.packetId!;
    const existing = this.inbound.get(id);
    if (existing) {
      // [MQTT-4.3.3-2] (5.0 [MQTT-4.3.3-10]): the same message again (DUP); PUBREC again, no second delivery.
      this.hooks.duplicate(id);
      existing.send({ type: 'net.publish' });
      return;
    }
    const flow: Receiver = new Flow(
      this.host,
      QOS2_RECEIVER,
      (this.inNames[id] ??= flowActorName(this.owner, 'in', id)),
      { publish, delivery: this.options.qos2Delivery } satisfies ReceiverInput,
      this.receiverEmitted,
      this.receiverComplete,
    );
    if (!flow.done()) this.inbound.set(id, flow);
  }

  /** PUBREL: to its receiver flow; with none (our PUBCOMP was lost) PUBCOMP again. */
  release(packet: PubrelPacket): void {
    const flow = this.inbound.get(packet.packetId);
    if (flow) flow.send({ type: 'net.pubrel' });
    else this.hooks.sendAnswer(this.withNotFound({ type: 'PUBCOMP', packetId: packet.packetId }));
  }

  /**
   * The session resumed on a new connection: every unacknowledged PUBLISH and PUBREL is resent
   * with its original packet id (PUBLISH with DUP 1), in the original order [MQTT-4.4.0-1] [MQTT-4.6.0-1].
   */
  resume(): void {
    for (const flow of this.outbound.values()) flow.send({ type: 'net.resumed' });
  }

  /** The session is discarded: every flow stops where it is, every packet id is free. */
  clear(): void {
    for (const flow of this.outbound.values()) flow.stop();
    for (const flow of this.inbound.values()) flow.stop();
    this.outbound.clear();
    this.inbound.clear();
    this.ids.clear();
  }

  snapshot(): InflightSnapshot {
    return {
      outbound: [...this.outbound].map(([packetId, flow]) => ({
        packetId,
        machine: flow.machine,
        state: flow.state(),
        topic: flow.context.publish.topic,
      })),
      inbound: [...this.inbound].map(([packetId, flow]) => ({ packetId, state: flow.state() })),
    };
  }

  private withNotFound<P extends PubrelPacket | PubcompPacket>(packet: P): P {
    return this.options.version() === 5 ? { ...packet, reasonCode: PACKET_ID_NOT_FOUND } : packet;
  }
}
