/**
 * What tshark should show for an MQTT packet, worked out from our decoder: the field names of
 * Wireshark's MQTT dissector (epan/dissectors/packet-mqtt.c, as tshark 4.0 prints them) and the
 * values our codec decoded from the same bytes.
 */
import { type Packet, type ProtocolVersion, decode } from '$engine';
import type { Fields } from './tshark.ts';

const hex2 = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;
/** tshark prints bytes fields as colon-separated hex. */
const colonHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
const flag = (b: boolean | undefined) => (b ? '1' : '0');

function remainingLength(bytes: Uint8Array): number {
  let value = 0;
  for (let i = 1, shift = 0; i < bytes.length && i <= 4; i++, shift += 7) {
    value += (bytes[i] & 0x7f) * 2 ** shift;
    if ((bytes[i] & 0x80) === 0) break;
  }
  return value;
}

/** Field → values tshark must show, from our decoding of `bytes`. */
export function expectedFields(bytes: Uint8Array, version: ProtocolVersion): Record<string, string[]> {
  const packet: Packet = decode(bytes, version).packet;
  const fields: Record<string, string[]> = {
    'mqtt.hdrflags': [hex2(bytes[0])],
    'mqtt.msgtype': [String(bytes[0] >> 4)],
    'mqtt.len': [String(remainingLength(bytes))],
  };
  const id = (packetId: number | undefined) => {
    if (packetId !== undefined) fields['mqtt.msgid'] = [String(packetId)];
  };
  switch (packet.type) {
    case 'CONNECT':
      fields['mqtt.protoname'] = [packet.protocolName];
      fields['mqtt.ver'] = [String(packet.protocolVersion)];
      fields['mqtt.kalive'] = [String(packet.keepAlive)];
      fields['mqtt.clientid'] = [packet.clientId];
      fields['mqtt.conflag.cleansess'] = [flag(packet.clean)];
      fields['mqtt.conflag.willflag'] = [flag(packet.will !== undefined)];
      if (packet.will) {
        fields['mqtt.willtopic'] = [packet.will.topic];
        fields['mqtt.conflag.qos'] = [String(packet.will.qos)];
        fields['mqtt.conflag.retain'] = [flag(packet.will.retain)];
        if (packet.will.payload.length > 0) fields['mqtt.willmsg'] = [colonHex(packet.will.payload)];
      }
      if (packet.username !== undefined) fields['mqtt.username'] = [packet.username];
      if (packet.password !== undefined) fields['mqtt.passwd'] = [new TextDecoder().decode(packet.password)];
      break;
    case 'CONNACK':
      fields['mqtt.conack.flags.sp'] = [flag(packet.sessionPresent)];
      fields[version === 5 ? 'mqtt.connack.reason_code' : 'mqtt.conack.val'] = [String(packet.reasonCode)];
      break;
    case 'PUBLISH':
      fields['mqtt.topic'] = [packet.topic];
      fields['mqtt.dupflag'] = [flag(packet.dup)];
      fields['mqtt.qos'] = [String(packet.qos)];
      fields['mqtt.retain'] = [flag(packet.retain)];
      id(packet.packetId);
      if (packet.payload.length > 0) fields['mqtt.msg'] = [colonHex(packet.payload)];
      break;
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
    case 'UNSUBACK':
      id(packet.packetId);
      break;
    case 'SUBSCRIBE':
      id(packet.packetId);
      fields['mqtt.topic'] = packet.subscriptions.map((s) => s.topicFilter);
      fields[version === 5 ? 'mqtt.subscription_options_qos' : 'mqtt.sub.qos'] = packet.subscriptions.map((s) =>
        String(s.qos),
      );
      break;
    case 'SUBACK':
      id(packet.packetId);
      fields[version === 5 ? 'mqtt.suback.reason_code' : 'mqtt.suback.qos'] = packet.reasonCodes.map(String);
      break;
    case 'UNSUBSCRIBE':
      id(packet.packetId);
      fields['mqtt.topic'] = packet.topicFilters;
      break;
  }
  return fields;
}

/** The fields of `expected` as tshark shows them (absent: []). */
export function shown(fields: Fields, expected: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, fields.get(key) ?? []]));
}
