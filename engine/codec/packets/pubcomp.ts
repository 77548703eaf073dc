/** PUBCOMP (§3.7): "publish complete", the last packet of a QoS 2 flow. Layout: see ack.ts. */
import { type AckPacket, ackCodec } from './ack.ts';

export type PubcompPacket = AckPacket<'PUBCOMP'>;

export const pubcomp = ackCodec('PUBCOMP', '§3.7.1');
