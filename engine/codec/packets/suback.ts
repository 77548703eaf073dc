/**
 * SUBACK (3.1.1 §3.9, 5.0 §3.9): the server's answer to SUBSCRIBE.
 *   variable hdr   packet identifier, 5.0 properties
 *   payload        one code per topic filter, in order [MQTT-3.9.3-1]: the granted QoS (0, 1, 2)
 *                  or a failure (3.1.1: 0x80; 5.0: a reason code ≥ 0x80)
 */
import { malformed, protocolError } from '../errors.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { rule } from '../version.ts';
import { type PacketCodec, at } from './codec.ts';
import { checkPacketId, readPacketId } from './packet-id.ts';

export interface SubackPacket {
  type: 'SUBACK';
  packetId: number;
  /** 3.1.1: return codes 0, 1, 2 or 0x80. */
  reasonCodes: number[];
  properties?: Properties;
}

export const suback: PacketCodec<SubackPacket> = {
  decode(r) {
    r.open('variableHeader', 'field.variableHeader');
    const packetId = readPacketId(r, 'SUBACK');
    const properties = r.version === 5 ? readProperties(r, 'SUBACK') : undefined;
    r.close();
    if (r.remaining === 0)
      throw protocolError(r.pos, 'no-reason-codes', rule(r.version, 'MQTT-3.8.4-5', 'MQTT-3.8.4-6'), {
        packet: 'SUBACK',
      });
    r.open('payload', 'field.payload');
    const reasonCodes: number[] = [];
    while (r.remaining > 0)
      reasonCodes.push(
        readReasonCode(
          r,
          'SUBACK',
          `reasonCodes.${reasonCodes.length}`,
          r.version === 5 ? 'field.reasonCode' : 'field.returnCode',
        ),
      );
    r.close(String(reasonCodes.length));
    const packet: SubackPacket = { type: 'SUBACK', packetId, reasonCodes };
    if (properties) packet.properties = properties;
    return packet;
  },

  measure(p, version, sizes) {
    checkPacketId(p.packetId, 'SUBACK', version, at(0));
    let size = 2;
    if (version === 5) {
      const props = measureProperties(p.properties, 'SUBACK', at(size));
      sizes.push(props);
      size += varintSize(props) + props;
    } else if (p.properties && Object.keys(p.properties).length > 0) {
      throw malformed(at(size), 'properties-in-3-1-1');
    }
    if (!Array.isArray(p.reasonCodes) || p.reasonCodes.length === 0) {
      throw protocolError(at(size), 'no-reason-codes', rule(version, 'MQTT-3.8.4-5', 'MQTT-3.8.4-6'), {
        packet: 'SUBACK',
      });
    }
    for (const code of p.reasonCodes) checkReasonCodeField('SUBACK', code, version, at(size++), 'reasonCodes');
    return size;
  },

  write(w, p, version, sizes) {
    w.u16(p.packetId);
    if (version === 5) writeProperties(w, p.properties, sizes[0]);
    for (const code of p.reasonCodes) w.u8(code);
  },

  flags() {
    return 0;
  },
};
