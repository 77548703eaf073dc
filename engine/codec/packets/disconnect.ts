/**
 * DISCONNECT (3.1.1 §3.14, 5.0 §3.14): the last packet on a connection.
 *   3.1.1          nothing after the fixed header: the client is leaving, the will is discarded
 *   5.0            reason code and properties, both optional (remaining length 0 means 0x00)
 */
import { malformed } from '../errors.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { type PacketCodec, at, expectRemainingLength } from './codec.ts';

export interface DisconnectPacket {
  type: 'DISCONNECT';
  /** 5.0 only. */
  reasonCode?: number;
  properties?: Properties;
}

function hasProperties(props: Properties | undefined): boolean {
  return props !== undefined && Object.keys(props).length > 0;
}

export const disconnect: PacketCodec<DisconnectPacket> = {
  decode(r) {
    const packet: DisconnectPacket = { type: 'DISCONNECT' };
    if (r.version === 4) {
      expectRemainingLength(r, 'DISCONNECT', 0, '§3.14.1');
      return packet;
    }
    // Remaining length 0: reason code 0x00; less than 2: no properties (5.0 §3.14.2.1, §3.14.2.2.1).
    packet.reasonCode = 0;
    if (r.remaining === 0) return packet; // no variable header, so no (empty) span for one
    r.open('variableHeader', 'field.variableHeader');
    packet.reasonCode = readReasonCode(r, 'DISCONNECT');
    if (r.remaining > 0) {
      const properties = readProperties(r, 'DISCONNECT');
      if (properties) packet.properties = properties;
    }
    r.close();
    return packet;
  },

  measure(p, version, sizes) {
    if (version === 4) {
      if ((p.reasonCode ?? 0) !== 0 || hasProperties(p.properties)) {
        throw malformed(at(0), 'invalid-field', undefined, {
          field: 'reasonCode',
          reason: 'a 3.1.1 DISCONNECT carries nothing',
        });
      }
      return 0;
    }
    const code = checkReasonCodeField('DISCONNECT', p.reasonCode ?? 0, version, at(0));
    const props = hasProperties(p.properties) ? measureProperties(p.properties, 'DISCONNECT', at(1)) : -1;
    sizes.push(props);
    if (props < 0) return code === 0 ? 0 : 1;
    return 1 + varintSize(props) + props;
  },

  write(w, p, version, sizes) {
    if (version === 4) return;
    const code = p.reasonCode ?? 0;
    const props = sizes[0];
    if (props < 0 && code === 0) return;
    w.u8(code);
    if (props >= 0) writeProperties(w, p.properties, props);
  },

  flags() {
    return 0;
  },
};
