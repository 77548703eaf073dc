/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP share one layout (3.1.1 §3.4–3.7, 5.0 §3.4–3.7):
 *   variable hdr   packet identifier; 5.0 adds a reason code and properties, both optional: the
 *                  remaining length is 2 (success, no properties), 3 (no properties) or more.
 *                  3.1.1: the remaining length is always 2.
 * Each type has its own file; this is the layout they share.
 */
import { malformed } from '../errors.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { type PacketCodec, at, expectRemainingLength } from './codec.ts';
import { checkPacketId, readPacketId } from './packet-id.ts';

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

/** `section` is the type's fixed-header section (§3.4.1 for PUBACK …), which gives 3.1.1's length 2. */
export function ackCodec<T extends AckType>(type: T, section: string): PacketCodec<AckPacket<T>> {
  return {
    decode(r) {
      if (r.version === 4) expectRemainingLength(r, type, 2, section);
      r.open('variableHeader', 'field.variableHeader');
      const packet: AckPacket<T> = { type, packetId: readPacketId(r, type) };
      if (r.version === 5) {
        // Remaining length 2: reason code 0x00; less than 4: no properties (5.0 §3.4.2.1, §3.4.2.2.1).
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
      checkPacketId(p.packetId, type, version, at(0));
      const code = p.reasonCode ?? 0;
      if (version === 4) {
        if (code !== 0)
          throw malformed(at(2), 'invalid-field', undefined, {
            field: 'reasonCode',
            reason: `a 3.1.1 ${type} has no reason code`,
          });
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
