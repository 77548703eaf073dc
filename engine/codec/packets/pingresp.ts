/** PINGRESP (§3.13): the server's "yes" to PINGREQ [MQTT-3.12.4-1]. */
import { emptyCodec } from './empty.ts';

export interface PingrespPacket {
  type: 'PINGRESP';
}

export const pingresp = emptyCodec('PINGRESP', '§3.13.1');
