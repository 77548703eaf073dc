/**
 * PUBLISH (3.1.1 §3.3, 5.0 §3.3): an application message.
 *   fixed header   0x3_  DUP (bit 3), QoS (bits 2–1), RETAIN (bit 0); remaining length
 *   variable hdr   topic name, packet identifier (QoS 1 and 2 only), 5.0 properties
 *   payload        the message: everything up to the end of the packet, any bytes, maybe none
 */
import { malformed, protocolError } from '../errors.ts';
import type { QoS } from '../packet.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkTopicName } from '../topics.ts';
import { utf8Length } from '../utf8.ts';
import { type ProtocolVersion, rule } from '../version.ts';
import { checkInteger, payloadSize, stringSize } from '../writer.ts';
import { type PacketCodec, at } from './codec.ts';
import { checkPacketId, readPacketId } from './packet-id.ts';

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

/**
 * The topic name: no wildcards [MQTT-3.3.2-2]; not empty [MQTT-4.7.3-1], except under 5.0 where an
 * empty name stands for the topic a Topic Alias maps to (checkAlias, once the properties are known).
 */
function checkTopic(topic: string, version: ProtocolVersion, offset: number): void {
  checkTopicName(topic, version, offset, 'MQTT-3.3.2-2', version === 5);
}

/** 5.0: "It is a Protocol Error if the Topic Name is zero length and there is no Topic Alias" (§3.3.2.1). */
function checkAlias(topic: string, version: ProtocolVersion, offset: number, props: Properties | undefined): void {
  if (version === 5 && topic.length === 0 && props?.topicAlias === undefined)
    throw protocolError(offset, 'topic-alias-required', '§3.3.2.1');
}

export const publish: PacketCodec<PublishPacket> = {
  decode(r, flags) {
    const qos = ((flags >> 1) & 3) as QoS;
    r.open('variableHeader', 'field.variableHeader');
    const topicAt = r.pos;
    const topic = r.string('topic');
    checkTopic(topic, r.version, topicAt);
    let packetId: number | undefined;
    if (qos > 0) packetId = readPacketId(r, 'PUBLISH'); // only QoS 1 and 2 carry one [MQTT-2.3.1-5]
    let properties: Properties | undefined;
    if (r.version === 5) properties = readProperties(r, 'PUBLISH');
    checkAlias(topic, r.version, topicAt, properties);
    r.close();
    const payloadAt = r.pos;
    const payload = r.rest();
    if (payload.length > 0) r.bytesLeaf('payload', 'field.payload', payloadAt, payload);
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
    checkTopic(p.topic, version, at(0));
    if (qos > 0) {
      checkPacketId(p.packetId, 'PUBLISH', version, at(size));
      size += 2;
    } else if (p.packetId !== undefined) {
      throw malformed(at(size), 'invalid-field', rule(version, 'MQTT-2.3.1-5', 'MQTT-2.2.1-2'), {
        field: 'packetId',
        reason: 'a QoS 0 PUBLISH has no packet identifier',
      });
    }
    if (version === 5) {
      const props = measureProperties(p.properties, 'PUBLISH', at(size));
      sizes.push(props);
      size += varintSize(props) + props;
    } else if (p.properties && Object.keys(p.properties).length > 0) {
      throw malformed(at(size), 'properties-in-3-1-1');
    }
    checkAlias(p.topic, version, at(0), p.properties);
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
