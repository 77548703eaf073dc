/**
 * AUTH (5.0 §3.15, no 3.1.1 counterpart: type 15 is reserved there): a step of an extended
 * authentication exchange. Reason code and properties, both optional (remaining length 0 means 0x00).
 */
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkReasonCodeField, readReasonCode } from '../reason-field.ts';
import { type PacketCodec, at } from './codec.ts';

export interface AuthPacket {
  type: 'AUTH';
  reasonCode: number;
  properties?: Properties;
}

export const auth: PacketCodec<AuthPacket> = {
  decode(r) {
    const packet: AuthPacket = { type: 'AUTH', reasonCode: 0 };
    // Remaining length 0: reason code 0x00 and no properties (5.0 §3.15.2.1); no span for the empty header.
    if (r.remaining === 0) return packet;
    r.open('variableHeader', 'field.variableHeader');
    packet.reasonCode = readReasonCode(r, 'AUTH');
    if (r.remaining > 0) {
      const properties = readProperties(r, 'AUTH');
      if (properties) packet.properties = properties;
    }
    r.close();
    return packet;
  },

  measure(p, _version, sizes) {
    const code = checkReasonCodeField('AUTH', p.reasonCode ?? 0, 5, at(0));
    const hasProps = p.properties !== undefined && Object.keys(p.properties).length > 0;
    const props = hasProps ? measureProperties(p.properties, 'AUTH', at(1)) : -1;
    sizes.push(props);
    if (props < 0) return code === 0 ? 0 : 1;
    return 1 + varintSize(props) + props;
  },

  write(w, p, _version, sizes) {
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
