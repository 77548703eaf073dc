/**
 * UNSUBSCRIBE (3.1.1 §3.10, 5.0 §3.10): flags 0010 [MQTT-3.10.1-1].
 *   variable hdr   packet identifier, 5.0 properties
 *   payload        one or more topic filters [MQTT-3.10.3-2]
 */
import { malformed, protocolError } from '../errors.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { varintSize } from '../reader.ts';
import { checkTopicFilter } from '../topics.ts';
import { utf8Length } from '../utf8.ts';
import { stringSize } from '../writer.ts';
import { type PacketCodec, at } from './codec.ts';
import { checkPacketId, readPacketId } from './packet-id.ts';

export interface UnsubscribePacket {
  type: 'UNSUBSCRIBE';
  packetId: number;
  topicFilters: string[];
  properties?: Properties;
}

export const unsubscribe: PacketCodec<UnsubscribePacket> = {
  decode(r) {
    r.open('variableHeader', 'field.variableHeader');
    const packetId = readPacketId(r, 'UNSUBSCRIBE');
    const properties = r.version === 5 ? readProperties(r, 'UNSUBSCRIBE') : undefined;
    r.close();
    if (r.remaining === 0) throw protocolError(r.pos, 'no-topic-filters', 'MQTT-3.10.3-2', { packet: 'UNSUBSCRIBE' });
    r.open('payload', 'field.payload');
    const topicFilters: string[] = [];
    while (r.remaining > 0) {
      const filterAt = r.pos;
      const filter = r.string(r.spans ? `topicFilters.${topicFilters.length}` : 'topicFilters', 'field.topicFilter');
      checkTopicFilter(filter, r.version, filterAt);
      topicFilters.push(filter);
    }
    r.close(String(topicFilters.length));
    const packet: UnsubscribePacket = { type: 'UNSUBSCRIBE', packetId, topicFilters };
    if (properties) packet.properties = properties;
    return packet;
  },

  measure(p, version, sizes) {
    checkPacketId(p.packetId, 'UNSUBSCRIBE', version, at(0));
    let size = 2;
    if (version === 5) {
      const props = measureProperties(p.properties, 'UNSUBSCRIBE', at(size));
      sizes.push(props);
      size += varintSize(props) + props;
    } else if (p.properties && Object.keys(p.properties).length > 0) {
      throw malformed(at(size), 'properties-in-3-1-1');
    }
    if (!Array.isArray(p.topicFilters) || p.topicFilters.length === 0) {
      throw protocolError(at(size), 'no-topic-filters', 'MQTT-3.10.3-2', { packet: 'UNSUBSCRIBE' });
    }
    for (const filter of p.topicFilters) {
      const filterSize = stringSize(filter, 'topicFilters', version, at(size));
      checkTopicFilter(filter, version, at(size));
      size += 2 + filterSize;
    }
    return size;
  },

  write(w, p, version, sizes) {
    w.u16(p.packetId);
    if (version === 5) writeProperties(w, p.properties, sizes[0]);
    for (const filter of p.topicFilters) w.string(filter, utf8Length(filter));
  },

  flags() {
    return 0b0010;
  },
};
