/** PUBREL (§3.6): "publish release", the sender's answer to PUBREC. Its flags are 0010 [MQTT-3.6.1-1]. Layout: see ack.ts. */
import { type AckPacket, ackCodec } from './ack.ts';

export type PubrelPacket = AckPacket<'PUBREL'>;

export const pubrel = ackCodec('PUBREL', '§3.6.1');
