/**
 * The fifteen control packet types, their codes (bits 7–4 of the first byte) and the flags each
 * must carry in bits 3–0 (3.1.1 Table 2.2, 5.0 Table 2-2). The `Packet` union is in codec.ts,
 * beside the table of per-type codecs.
 */
export const PACKET_TYPES = [
  'CONNECT',
  'CONNACK',
  'PUBLISH',
  'PUBACK',
  'PUBREC',
  'PUBREL',
  'PUBCOMP',
  'SUBSCRIBE',
  'SUBACK',
  'UNSUBSCRIBE',
  'UNSUBACK',
  'PINGREQ',
  'PINGRESP',
  'DISCONNECT',
  'AUTH',
] as const;

export type PacketType = (typeof PACKET_TYPES)[number];

/** Code of each type: CONNECT = 1 … AUTH = 15. 0 is reserved. */
export const TYPE_CODE: Readonly<Record<PacketType, number>> = Object.fromEntries(
  PACKET_TYPES.map((type, i) => [type, i + 1]),
) as Record<PacketType, number>;

/** Type of a code 1–15. */
export function typeOfCode(code: number): PacketType | undefined {
  return PACKET_TYPES[code - 1];
}

/**
 * Bits 3–0 that each type must carry; PUBLISH's are DUP, QoS and RETAIN and vary.
 * PUBREL, SUBSCRIBE and UNSUBSCRIBE carry 0010 (a relic of 3.1, where they were QoS 1 packets).
 */
export function requiredFlags(type: PacketType): number | undefined {
  if (type === 'PUBLISH') return undefined;
  return type === 'PUBREL' || type === 'SUBSCRIBE' || type === 'UNSUBSCRIBE' ? 0b0010 : 0;
}

export type QoS = 0 | 1 | 2;
