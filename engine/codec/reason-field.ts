/** The one-byte reason code field (5.0) / return code (3.1.1), read and checked against the table. */
import { protocolError } from './errors.ts';
import type { PacketType } from './packet.ts';
import type { Reader } from './reader.ts';
import { reasonCode } from './reason-codes.ts';
import { formatNumber } from './spans.ts';
import type { ProtocolVersion } from './version.ts';
import { checkInteger } from './writer.ts';

/** The rule that says which codes a packet may carry, per version. */
const RULES: Partial<Record<PacketType, [v311: string, v5: string]>> = {
  CONNACK: ['§3.2.2.3', 'MQTT-3.2.2-8'],
  PUBACK: ['', 'MQTT-3.4.2-1'],
  PUBREC: ['', 'MQTT-3.5.2-1'],
  PUBREL: ['', 'MQTT-3.6.2-1'],
  PUBCOMP: ['', 'MQTT-3.7.2-1'],
  SUBACK: ['MQTT-3.9.3-2', 'MQTT-3.9.3-2'],
  UNSUBACK: ['', 'MQTT-3.11.3-2'],
  DISCONNECT: ['', 'MQTT-3.14.2-1'],
  AUTH: ['', 'MQTT-3.15.2-1'],
};

function ruleFor(packet: PacketType, version: ProtocolVersion): string | undefined {
  return RULES[packet]?.[version === 5 ? 1 : 0] || undefined;
}

export function checkReasonCode(packet: PacketType, code: number, version: ProtocolVersion, offset: number): void {
  if (!reasonCode(packet, code, version)) {
    throw protocolError(offset, 'reason-code-invalid', ruleFor(packet, version), {
      code: code.toString(16).padStart(2, '0'),
      packet,
    });
  }
}

/** Read one reason code, with its span, and reject codes the packet may not carry. */
export function readReasonCode(
  r: Reader,
  packet: PacketType,
  field = 'reasonCode',
  label = 'field.reasonCode',
): number {
  const at = r.pos;
  const code = r.u8(field);
  if (r.spans) {
    const name = reasonCode(packet, code, r.version)?.name;
    r.leaf(field, label, at, name ? `${formatNumber(code, 1)} ${name}` : formatNumber(code, 1), {
      rule: ruleFor(packet, r.version),
    });
  }
  checkReasonCode(packet, code, r.version, at);
  return code;
}

/** Encode side: an integer 0–255 that the packet may carry. */
export function checkReasonCodeField(
  packet: PacketType,
  code: unknown,
  version: ProtocolVersion,
  offset: number,
  field = 'reasonCode',
): number {
  const value = checkInteger(code, field, 0, 255, offset);
  checkReasonCode(packet, value, version, offset);
  return value;
}
