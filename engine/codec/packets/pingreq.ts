/** PINGREQ (§3.12): "are you there?" — a client sends it when Keep Alive would otherwise pass in silence. */
import { emptyCodec } from './empty.ts';

export interface PingreqPacket {
  type: 'PINGREQ';
}

export const pingreq = emptyCodec('PINGREQ', '§3.12.1');
