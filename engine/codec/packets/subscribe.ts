/**
 * SUBSCRIBE (3.1.1 §3.8, 5.0 §3.8): flags 0010 [MQTT-3.8.1-1].
 *   variable hdr   packet identifier, 5.0 properties
 *   payload        one or more pairs: topic filter, subscription options byte
 *                  (3.1.1: requested QoS in bits 1–0, bits 7–2 reserved;
 *                   5.0: bits 1–0 QoS, 2 No Local, 3 Retain As Published, 5–4 Retain Handling,
 *                   7–6 reserved)
 */
import { malformed, protocolError } from '../errors.ts';
import type { QoS } from '../packet.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import type { Reader } from '../reader.ts';
import { varintSize } from '../reader.ts';
import { checkTopicFilter, isSharedFilter } from '../topics.ts';
import { utf8Length } from '../utf8.ts';
import { type ProtocolVersion, rule } from '../version.ts';
import { checkInteger, stringSize } from '../writer.ts';
import { type PacketCodec, at } from './codec.ts';
import { checkPacketId, readPacketId } from './packet-id.ts';

export interface Subscription {
  topicFilter: string;
  qos: QoS;
  /** 5.0: do not send my own messages back to me. */
  noLocal?: boolean;
  /** 5.0: keep the RETAIN flag as published instead of clearing it. */
  retainAsPublished?: boolean;
  /** 5.0: 0 send retained messages on subscribe, 1 only for a new subscription, 2 never. */
  retainHandling?: 0 | 1 | 2;
}

export interface SubscribePacket {
  type: 'SUBSCRIBE';
  packetId: number;
  subscriptions: Subscription[];
  properties?: Properties;
}

function optionsByte(s: Subscription, version: ProtocolVersion): number {
  if (version === 4) return s.qos;
  return s.qos | (s.noLocal ? 4 : 0) | (s.retainAsPublished ? 8 : 0) | ((s.retainHandling ?? 0) << 4);
}

/** Checks one subscription's options byte; `at` is the byte's offset. */
function checkOptions(byte: number, filter: string, version: ProtocolVersion, offset: number): void {
  if (version === 4) {
    if (byte & 0xfc)
      throw malformed(offset, 'subscription-options-reserved', 'MQTT-3-8.3-4', {
        value: byte.toString(16).padStart(2, '0'),
      });
    if ((byte & 3) === 3) throw malformed(offset, 'subscription-qos-3', 'MQTT-3-8.3-4');
    return;
  }
  if (byte & 0xc0)
    throw malformed(offset, 'subscription-options-reserved', 'MQTT-3.8.3-5', {
      value: byte.toString(16).padStart(2, '0'),
    });
  if ((byte & 3) === 3) throw protocolError(offset, 'subscription-qos-3', '§3.8.3.1');
  if (((byte >> 4) & 3) === 3) throw protocolError(offset, 'retain-handling-3', '§3.8.3.1');
  if (byte & 4 && isSharedFilter(filter)) throw protocolError(offset, 'no-local-shared', 'MQTT-3.8.3-4');
}

/** The bits of one subscription options byte (3.1.1: QoS and reserved bits only). */
function optionSpans(r: Reader, path: string, at: number): void {
  if (r.version === 5) {
    r.bits(`${path}.options`, 'field.subscriptionOptions', at, [
      ['reserved', 'field.reservedBits', 0xc0],
      [`${path}.retainHandling`, 'field.retainHandling', 0x30],
      [`${path}.retainAsPublished`, 'field.retainAsPublished', 0x08],
      [`${path}.noLocal`, 'field.noLocal', 0x04],
      // 5.0 calls these bits the Maximum QoS (§3.8.3.1); 3.1.1 the Requested QoS (§3.8.3).
      [`${path}.qos`, 'field.maximumQos', 0x03],
    ]);
  } else {
    r.bits(`${path}.options`, 'field.requestedQosByte', at, [
      ['reserved', 'field.reservedBits', 0xfc],
      [`${path}.qos`, 'field.requestedQos', 0x03],
    ]);
  }
}

function readSubscription(r: Reader, i: number): Subscription {
  // Field paths are for spans only: the fast path does not build them.
  const path = r.spans ? `subscriptions.${i}` : '';
  r.open(path, 'field.subscription');
  const filterAt = r.pos;
  const topicFilter = r.string(r.spans ? `${path}.topicFilter` : 'topicFilter', 'field.topicFilter');
  checkTopicFilter(topicFilter, r.version, filterAt);
  const optionsAt = r.pos;
  const byte = r.u8('options');
  if (r.spans) optionSpans(r, path, optionsAt);
  checkOptions(byte, topicFilter, r.version, optionsAt);
  r.close(topicFilter);
  const sub: Subscription = { topicFilter, qos: (byte & 3) as QoS };
  if (r.version === 5) {
    sub.noLocal = (byte & 4) !== 0;
    sub.retainAsPublished = (byte & 8) !== 0;
    sub.retainHandling = ((byte >> 4) & 3) as 0 | 1 | 2;
  }
  return sub;
}

export const subscribe: PacketCodec<SubscribePacket> = {
  decode(r) {
    r.open('variableHeader', 'field.variableHeader');
    const packetId = readPacketId(r, 'SUBSCRIBE');
    const properties = r.version === 5 ? readProperties(r, 'SUBSCRIBE') : undefined;
    r.close();
    if (r.remaining === 0) {
      throw protocolError(r.pos, 'no-topic-filters', rule(r.version, 'MQTT-3.8.3-3', 'MQTT-3.8.3-2'), {
        packet: 'SUBSCRIBE',
      });
    }
    r.open('payload', 'field.payload');
    const subscriptions: Subscription[] = [];
    while (r.remaining > 0) subscriptions.push(readSubscription(r, subscriptions.length));
    r.close(String(subscriptions.length));
    const packet: SubscribePacket = { type: 'SUBSCRIBE', packetId, subscriptions };
    if (properties) packet.properties = properties;
    return packet;
  },

  measure(p, version, sizes) {
    checkPacketId(p.packetId, 'SUBSCRIBE', version, at(0));
    let size = 2;
    if (version === 5) {
      const props = measureProperties(p.properties, 'SUBSCRIBE', at(size));
      sizes.push(props);
      size += varintSize(props) + props;
    } else if (p.properties && Object.keys(p.properties).length > 0) {
      throw malformed(at(size), 'properties-in-3-1-1');
    }
    if (!Array.isArray(p.subscriptions) || p.subscriptions.length === 0) {
      throw protocolError(at(size), 'no-topic-filters', rule(version, 'MQTT-3.8.3-3', 'MQTT-3.8.3-2'), {
        packet: 'SUBSCRIBE',
      });
    }
    for (const s of p.subscriptions) {
      const filterSize = stringSize(s.topicFilter, 'topicFilter', version, at(size));
      checkTopicFilter(s.topicFilter, version, at(size));
      size += 2 + filterSize;
      checkInteger(s.qos, 'qos', 0, 3, at(size));
      if (version === 5) checkInteger(s.retainHandling ?? 0, 'retainHandling', 0, 3, at(size));
      checkOptions(optionsByte(s, version), s.topicFilter, version, at(size));
      if (version === 4 && (s.noLocal || s.retainAsPublished || s.retainHandling)) {
        throw malformed(at(size), 'subscription-options-reserved', 'MQTT-3-8.3-4', {
          value: optionsByte(s, 5).toString(16).padStart(2, '0'),
        });
      }
      size += 1;
    }
    return size;
  },

  write(w, p, version, sizes) {
    w.u16(p.packetId);
    if (version === 5) writeProperties(w, p.properties, sizes[0]);
    for (const s of p.subscriptions) {
      w.string(s.topicFilter, utf8Length(s.topicFilter));
      w.u8(optionsByte(s, version));
    }
  },

  flags() {
    return 0b0010;
  },
};
