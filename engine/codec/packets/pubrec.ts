/** PUBREC (§3.5): "publish received", the first answer to a QoS 2 PUBLISH. Layout: see ack.ts. */
import { type AckPacket, ackCodec } from './ack.ts';

export type PubrecPacket = AckPacket<'PUBREC'>;

export const pubrec = ackCodec('PUBREC', '§3.5.1');
