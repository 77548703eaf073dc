/**
 * UNSUBACK (3.1.1 §3.11, 5.0 §3.11): the server's answer to UNSUBSCRIBE.
 *   variable hdr   packet identifier, 5.0 properties
 *   payload        5.0 only: one reason code per topic filter, in order [MQTT-3.11.3-1]
 *   3.1.1          the remaining length is always 2
 */
import { malformed, protocolError } from '../errors.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { type PacketCodec, at, expectRemainingLength } from './codec.ts';
import { checkPacketId, readPacketId } from './packet-id.ts';

export interface UnsubackPacket {
  type: 'UNSUBACK';
  packetId: number;
  /** 5.0 only. */
  reasonCodes?: number[];
  properties?: Properties;
}

export const unsuback: PacketCodec<UnsubackPacket> = {
  decode(r) {
    if (r.version === 4) expectRemainingLength(r, 'UNSUBACK', 2, '§3.11.1');
    r.open('variableHeader', 'field.variableHeader');
    const packetId = readPacketId(r, 'UNSUBACK');
    const packet: UnsubackPacket = { type: 'UNSUBACK', packetId };
    if (r.version === 4) {
      r.close();
      return packet;
    }
    const properties = readProperties(r, 'UNSUBACK');
    r.close();
    if (r.remaining === 0) throw protocolError(r.pos, 'no-reason-codes', 'MQTT-3.11.3-1', { packet: 'UNSUBACK' });
    r.open('payload', 'field.payload');
    const reasonCodes: number[] = [];
    while (r.remaining > 0) reasonCodes.push(readReasonCode(r, 'UNSUBACK', `reasonCodes.${reasonCodes.length}`));
    r.close(String(reasonCodes.length));
    packet.reasonCodes = reasonCodes;
    if (properties) packet.properties = properties;
    return packet;
  },

  measure(p, version, sizes) {
    checkPacketId(p.packetId, 'UNSUBACK', version, at(0));
    if (version === 4) {
      if (p.properties && Object.keys(p.properties).length > 0) throw malformed(at(2), 'properties-in-3-1-1');
      if (p.reasonCodes && p.reasonCodes.length > 0)
        throw malformed(at(2), 'invalid-field', undefined, {
          field: 'reasonCodes',
          reason: 'a 3.1.1 UNSUBACK has no payload',
        });
      return 2;
    }
    const props = measureProperties(p.properties, 'UNSUBACK', at(2));
    sizes.push(props);
    let size = 2 + varintSize(props) + props;
    if (!Array.isArray(p.reasonCodes) || p.reasonCodes.length === 0) {
      throw protocolError(at(size), 'no-reason-codes', 'MQTT-3.11.3-1', { packet: 'UNSUBACK' });
    }
    for (const code of p.reasonCodes) checkReasonCodeField('UNSUBACK', code, version, at(size++), 'reasonCodes');
    return size;
  },

  write(w, p, version, sizes) {
    w.u16(p.packetId);
    if (version === 4) return;
    writeProperties(w, p.properties, sizes[0]);
    for (const code of p.reasonCodes!) w.u8(code);
  },

  flags() {
    return 0;
  },
};
