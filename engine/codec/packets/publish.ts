/**
 * PUBLISH (3.1.1 §3.3, 5.0 §3.3): an application message.
 *   fixed header   0x3_  DUP (bit 3), QoS (bits 2–1), RETAIN (bit 0); remaining length
 *   variable hdr   topic name, packet identifier (QoS 1 and 2 only), 5.0 properties
 *   payload        the message: everything up to the end of the packet, any bytes, maybe none
 */
import { malformed, protocolError } from '../errors.ts';
import type { QoS } from '../packet.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { hexPreview, varintSize } from '../reader.ts';
import { checkTopicName } from '../topics.ts';
import { utf8Length } from '../utf8.ts';
import { rule } from '../version.ts';
import { checkInteger, payloadSize, stringSize } from '../writer.ts';
import { type PacketCodec, at } from './codec.ts';

export interface PublishPacket {
  type: 'PUBLISH';
  /** Set on a re-delivery [MQTT-3.3.1-1]; always 0 for QoS 0 [MQTT-3.3.1-2]. */
  dup: boolean;
  qos: QoS;
  retain: boolean;
  topic: string;
  /** Present for QoS 1 and 2 only [MQTT-2.3.1-5]. */
  packetId?: number;
  payload: Uint8Array;
  properties?: Properties;
}

export const publish: PacketCodec<PublishPacket> = {
  decode(r, flags) {
    const qos = ((flags >> 1) & 3) as QoS;
    r.open('variableHeader', 'field.variableHeader');
    const topicAt = r.pos;
    const topic = r.string('topic');
    let packetId: number | undefined;
    if (qos > 0) packetId = r.packetId('PUBLISH', false);
    let properties: Properties | undefined;
    if (r.version === 5) properties = readProperties(r, 'PUBLISH');
    // 5.0: an empty topic name stands for the topic a Topic Alias maps to (§3.3.2.3.4).
    checkTopicName(topic, r.version, topicAt, 'MQTT-3.3.2-2', properties?.topicAlias !== undefined);
    r.close();
    const payloadAt = r.pos;
    const payload = r.rest();
    if (payload.length > 0) r.leaf('payload', 'field.payload', payloadAt, hexPreview(payload));
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: (flags & 8) !== 0,
      qos,
      retain: (flags & 1) !== 0,
      topic,
      payload,
    };
    if (packetId !== undefined) packet.packetId = packetId;
    if (properties) packet.properties = properties;
    return packet;
  },

  measure(p, version, sizes) {
    const qos = checkInteger(p.qos, 'qos', 0, 3, 0);
    if (qos === 3) throw malformed(0, 'qos-3', 'MQTT-3.3.1-4');
    if (p.dup && qos === 0) throw malformed(0, 'dup-qos-0', 'MQTT-3.3.1-2');
    let size = 2 + stringSize(p.topic, 'topic', version, at(0));
    if (qos > 0) {
      if (p.packetId === undefined)
        throw protocolError(at(size), 'packet-id-missing', rule(version, 'MQTT-2.3.1-1', 'MQTT-2.2.1-3'), {
          packet: 'PUBLISH',
        });
      checkInteger(p.packetId, 'packetId', 0, 65_535, at(size));
      if (p.packetId === 0)
        throw protocolError(at(size), 'packet-id-zero', rule(version, 'MQTT-2.3.1-1', 'MQTT-2.2.1-3'), {
          packet: 'PUBLISH',
        });
      size += 2;
    }
    if (version === 5) {
      const props = measureProperties(p.properties, 'PUBLISH', at(size));
      sizes.push(props);
      size += varintSize(props) + props;
    } else if (p.properties && Object.keys(p.properties).length > 0) {
      throw malformed(at(size), 'properties-in-3-1-1');
    }
    checkTopicName(p.topic, version, at(0), 'MQTT-3.3.2-2', version === 5 && p.properties?.topicAlias !== undefined);
    return size + payloadSize(p.payload, 'payload', at(size));
  },

  write(w, p, version, sizes) {
    w.string(p.topic, utf8Length(p.topic));
    if (p.qos > 0) w.u16(p.packetId!);
    if (version === 5) writeProperties(w, p.properties, sizes[0]);
    w.bytes(p.payload);
  },

  flags(p) {
    return (p.dup ? 8 : 0) | (p.qos << 1) | (p.retain ? 1 : 0);
  },
};
