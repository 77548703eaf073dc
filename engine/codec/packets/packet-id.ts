/**
 * The packet identifier (3.1.1 §2.3.1, 5.0 §2.2.1): a non-zero Two Byte Integer. Which rule demands
 * it depends on the packet, so one table says it, for decode and encode alike.
 */
import { protocolError } from '../errors.ts';
import type { PacketType } from '../packet.ts';
import type { Reader } from '../reader.ts';
import { type ProtocolVersion, rule } from '../version.ts';
import { checkInteger } from '../writer.ts';

export type PacketWithId = Extract<
  PacketType,
  'PUBLISH' | 'PUBACK' | 'PUBREC' | 'PUBREL' | 'PUBCOMP' | 'SUBSCRIBE' | 'SUBACK' | 'UNSUBSCRIBE' | 'UNSUBACK'
>;

/** [3.1.1 rule, 5.0 rule] that a packet identifier of this packet breaks by being 0. */
const RULES: Record<PacketWithId, [v311: string, v5: string]> = {
  // A new PUBLISH (QoS > 0), SUBSCRIBE or UNSUBSCRIBE carries a non-zero identifier.
  PUBLISH: ['MQTT-2.3.1-1', 'MQTT-2.2.1-3'],
  SUBSCRIBE: ['MQTT-2.3.1-1', 'MQTT-2.2.1-3'],
  UNSUBSCRIBE: ['MQTT-2.3.1-1', 'MQTT-2.2.1-3'],
  // An acknowledgement repeats the identifier of the PUBLISH it answers (3.1.1 omits PUBCOMP by oversight).
  PUBACK: ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'],
  PUBREC: ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'],
  PUBREL: ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'],
  PUBCOMP: ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'],
  // SUBACK and UNSUBACK repeat the identifier of the SUBSCRIBE / UNSUBSCRIBE they answer.
  SUBACK: ['MQTT-2.3.1-7', 'MQTT-2.2.1-6'],
  UNSUBACK: ['MQTT-2.3.1-7', 'MQTT-2.2.1-6'],
};

export function packetIdRule(packet: PacketWithId, version: ProtocolVersion): string {
  const [v311, v5] = RULES[packet];
  return rule(version, v311, v5);
}

/** Read the packet identifier, with its span, and reject 0. */
export function readPacketId(r: Reader, packet: PacketWithId): number {
  const start = r.pos;
  const id = r.u16('packetId');
  r.numberLeaf('packetId', 'field.packetId', start, id, 2);
  if (id === 0) throw protocolError(start, 'packet-id-zero', packetIdRule(packet, r.version), { packet });
  return id;
}

/** Encode side: the identifier must be there, an integer 1–65,535. */
export function checkPacketId(id: unknown, packet: PacketWithId, version: ProtocolVersion, offset: number): number {
  const r = packetIdRule(packet, version);
  if (id === undefined) throw protocolError(offset, 'packet-id-missing', r, { packet });
  if (id === 0) throw protocolError(offset, 'packet-id-zero', r, { packet });
  return checkInteger(id, 'packetId', 1, 65_535, offset);
}
