/**
 * Which QoS flows a packet belongs to, read from the packet alone: a PUBLISH from sensor with id 3
 * is sensor/out/3 (and, for QoS 2, broker/sensor/in/3); a PUBACK from the broker to sensor with
 * id 3 is sensor/out/3. The World indexes packets by it; the views light flows with it.
 */
import type { Packet } from '../codec/codec.ts';
import { type ActorRef, flowName, parseActorName } from '../flows/actor-names.ts';

/** The machines that run one message's QoS flow (one per packet id and side). */
export const FLOW_MACHINES: ReadonlySet<string> = new Set(['qos1-sender', 'qos2-sender', 'qos2-receiver']);

const TO_RECEIVER = new Set(['PUBLISH', 'PUBREL']);
const TO_SENDER = new Set(['PUBACK', 'PUBREC', 'PUBCOMP']);

/**
 * The message a packet belongs to, named by its sender's flow (flowsOfPacket's first), without
 * building the other name: the World asks this of every packet.
 */
export function messageOfPacket(send: { from: string; to: string; packet: Packet }): string | undefined {
  const packet = send.packet;
  const packetId = 'packetId' in packet ? packet.packetId : undefined;
  if (packetId === undefined) return undefined;
  const toReceiver = TO_RECEIVER.has(packet.type);
  if (!toReceiver && !TO_SENDER.has(packet.type)) return undefined;
  const sender = toReceiver ? send.from : send.to;
  return sender === 'broker'
    ? flowName('broker', toReceiver ? send.to : send.from, 'out', packetId)
    : flowName('client', sender, 'out', packetId);
}

/** The flows a packet belongs to, the sender's of the message first; empty for no QoS flow. */
export function flowsOfPacket(send: { from: string; to: string; packet: Packet }): string[] {
  const packet = send.packet;
  const packetId = 'packetId' in packet ? packet.packetId : undefined;
  if (packetId === undefined) return [];
  const toReceiver = TO_RECEIVER.has(packet.type);
  if (!toReceiver && !TO_SENDER.has(packet.type)) return [];
  // Who sends the message, and who receives it.
  const [sender, receiver] = toReceiver ? [send.from, send.to] : [send.to, send.from];
  const client = sender === 'broker' ? receiver : sender;
  const side = (party: string) => (party === 'broker' ? 'broker' : 'client');
  return [flowName(side(sender), client, 'out', packetId), flowName(side(receiver), client, 'in', packetId)];
}

/**
 * The message a flow carries, named by its sender's flow: both ends of one message (sensor/out/3
 * and broker/sensor/in/3) share it, so the World keeps one entry per message, not two.
 */
export function messageOfFlow(flow: string | Extract<ActorRef, { kind: 'flow' }>): string | undefined {
  const ref = typeof flow === 'string' ? parseActorName(flow) : flow;
  if (ref.kind !== 'flow') return undefined;
  if (ref.dir === 'out') return typeof flow === 'string' ? flow : flowName(ref.side, ref.client, 'out', ref.packetId);
  return flowName(ref.side === 'client' ? 'broker' : 'client', ref.client, 'out', ref.packetId);
}

/** The receiving end of a message named by its sender's flow: sensor/out/3 → broker/sensor/in/3. */
export function otherEndOf(message: string): string | undefined {
  const ref = parseActorName(message);
  if (ref.kind !== 'flow') return undefined;
  return flowName(ref.side === 'client' ? 'broker' : 'client', ref.client, 'in', ref.packetId);
}
