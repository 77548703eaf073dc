/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP share one layout (3.1.1 §3.4–3.7, 5.0 §3.4–3.7):
 *   variable hdr   packet identifier; 5.0 adds a reason code and properties, both optional: the
 *                  remaining length is 2 (success, no properties), 3 (no properties) or more.
 * Each type has its own file; this is the layout they share.
 */
import { malformed } from '../errors.ts';
import type { PacketType } from '../packet.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { checkInteger } from '../writer.ts';
import { type PacketCodec, at } from './codec.ts';
import { protocolError } from '../errors.ts';
import { rule } from '../version.ts';

export type AckType = 'PUBACK' | 'PUBREC' | 'PUBREL' | 'PUBCOMP';

export interface AckPacket<T extends AckType> {
  type: T;
  packetId: number;
  /** 5.0 only; 0 (success) when the packet leaves it out. */
  reasonCode?: number;
  properties?: Properties;
}

function hasProperties(props: Properties | undefined): boolean {
  return props !== undefined && Object.keys(props).length > 0;
}

export function ackCodec<T extends AckType>(type: T): PacketCodec<AckPacket<T>> {
  return {
    decode(r) {
      r.open('variableHeader', 'field.variableHeader');
      const packet: AckPacket<T> = { type, packetId: r.packetId(type, true) };
      if (r.version === 5) {
        packet.reasonCode = r.remaining > 0 ? readReasonCode(r, type) : 0;
        if (r.remaining > 0) {
          const properties = readProperties(r, type);
          if (properties) packet.properties = properties;
        }
      }
      r.close();
      return packet;
    },

    measure(p, version, sizes) {
      checkInteger(p.packetId, 'packetId', 0, 65_535, at(0));
      if (p.packetId === 0) {
        throw protocolError(at(0), 'packet-id-zero', rule(version, 'MQTT-2.3.1-6', 'MQTT-2.2.1-5'), { packet: type });
      }
      const code = p.reasonCode ?? 0;
      if (version === 4) {
        if (code !== 0) checkReasonCodeField(type as PacketType, code, 4, at(2));
        if (hasProperties(p.properties)) throw malformed(at(2), 'properties-in-3-1-1');
        return 2;
      }
      checkReasonCodeField(type, code, 5, at(2));
      const props = hasProperties(p.properties) ? measureProperties(p.properties, type, at(3)) : -1;
      sizes.push(props);
      // The shortest form the spec allows (5.0 §3.4.2.1): omit what is default.
      if (props < 0) return code === 0 ? 2 : 3;
      return 3 + varintSize(props) + props;
    },

    write(w, p, version, sizes) {
      w.u16(p.packetId);
      if (version === 4) return;
      const code = p.reasonCode ?? 0;
      const props = sizes[0];
      if (props < 0 && code === 0) return;
      w.u8(code);
      if (props >= 0) writeProperties(w, p.properties, props);
    },

    flags() {
      return type === 'PUBREL' ? 0b0010 : 0;
    },
  };
}
