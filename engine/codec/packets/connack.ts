/**
 * CONNACK (3.1.1 §3.2, 5.0 §3.2): the server's answer to CONNECT.
 *   variable hdr   acknowledge flags (bit 0: session present; bits 7–1 reserved), reason code
 *                  (3.1.1: return code), 5.0 properties
 *   3.1.1          the remaining length is always 2
 */
import { malformed, protocolError } from '../errors.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { rule } from '../version.ts';
import { type PacketCodec, at, expectRemainingLength } from './codec.ts';

export interface ConnackPacket {
  type: 'CONNACK';
  sessionPresent: boolean;
  /** 3.1.1: the return code (0–5). */
  reasonCode: number;
  properties?: Properties;
}

export const connack: PacketCodec<ConnackPacket> = {
  decode(r) {
    if (r.version === 4) expectRemainingLength(r, 'CONNACK', 2, '§3.2.1');
    r.open('variableHeader', 'field.variableHeader');
    const flagsAt = r.pos;
    const flags = r.u8('acknowledgeFlags');
    r.bits('acknowledgeFlags', 'field.acknowledgeFlags', flagsAt, [
      ['reserved', 'field.reservedBits', 0xfe],
      ['sessionPresent', 'field.sessionPresent', 0x01],
    ]);
    if (flags & 0xfe) throw malformed(flagsAt, 'connack-reserved-flags', rule(r.version, '§3.2.2.1', 'MQTT-3.2.2-1'));
    const codeAt = r.pos;
    const reasonCode = readReasonCode(
      r,
      'CONNACK',
      'reasonCode',
      r.version === 5 ? 'field.reasonCode' : 'field.returnCode',
    );
    const sessionPresent = (flags & 1) === 1;
    if (sessionPresent && reasonCode !== 0) {
      throw protocolError(codeAt, 'session-present-with-error', rule(r.version, 'MQTT-3.2.2-4', 'MQTT-3.2.2-6'));
    }
    const packet: ConnackPacket = { type: 'CONNACK', sessionPresent, reasonCode };
    if (r.version === 5) {
      const properties = readProperties(r, 'CONNACK');
      if (properties) packet.properties = properties;
    }
    r.close();
    return packet;
  },

  measure(p, version, sizes) {
    const code = checkReasonCodeField('CONNACK', p.reasonCode, version, at(1));
    if (p.sessionPresent && code !== 0)
      throw protocolError(at(1), 'session-present-with-error', rule(version, 'MQTT-3.2.2-4', 'MQTT-3.2.2-6'));
    if (version === 4) {
      if (p.properties && Object.keys(p.properties).length > 0) throw malformed(at(2), 'properties-in-3-1-1');
      return 2;
    }
    const props = measureProperties(p.properties, 'CONNACK', at(2));
    sizes.push(props);
    return 2 + varintSize(props) + props;
  },

  write(w, p, version, sizes) {
    w.u8(p.sessionPresent ? 1 : 0);
    w.u8(p.reasonCode);
    if (version === 5) writeProperties(w, p.properties, sizes[0]);
  },

  flags() {
    return 0;
  },
};
