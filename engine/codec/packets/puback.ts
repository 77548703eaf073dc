/** PUBACK (§3.4): the receiver's answer to a QoS 1 PUBLISH; the end of that flow. Layout: see ack.ts. */
import { type AckPacket, ackCodec } from './ack.ts';

export type PubackPacket = AckPacket<'PUBACK'>;

export const puback = ackCodec('PUBACK', '§3.4.1');
