/**
 * Topic names and topic filters, as the specs define them (3.1.1 §4.7, 5.0 §4.7 and §4.8.2).
 * `offset` is where the string's 2-byte length starts, so errors can point at the offending byte.
 */
import { protocolError } from './errors.ts';
import { utf8Length } from './utf8.ts';
import { type ProtocolVersion, rule } from './version.ts';

/** Byte offset of character index `i` of `text`, for a string whose length prefix starts at `offset`. */
function byteAt(text: string, i: number, offset: number): number {
  return offset + 2 + (i === 0 ? 0 : utf8Length(text.slice(0, i)));
}

/**
 * A topic name: no wildcards [MQTT-3.3.2-2] ([MQTT-4.7.1-1] / 5.0 [MQTT-4.7.0-1] outside PUBLISH),
 * at least one character [MQTT-4.7.3-1] unless `allowEmpty` (a 5.0 PUBLISH with a Topic Alias).
 */
export function checkTopicName(
  topic: string,
  version: ProtocolVersion,
  offset: number,
  wildcardRule = 'MQTT-3.3.2-2',
  allowEmpty = false,
): void {
  if (topic.length === 0 && !allowEmpty) {
    throw protocolError(offset, 'topic-empty', 'MQTT-4.7.3-1');
  }
  for (let i = 0; i < topic.length; i++) {
    const c = topic.charCodeAt(i);
    if (c === 0x2b /* + */ || c === 0x23 /* # */) {
      throw protocolError(byteAt(topic, i, offset), 'topic-wildcard', wildcardRule, { char: topic[i] });
    }
  }
  void version;
}

/** A topic filter [MQTT-4.7.1-*], and under 5.0 a shared subscription's form [MQTT-4.8.2-1/2]. */
export function checkTopicFilter(filter: string, version: ProtocolVersion, offset: number): void {
  if (filter.length === 0) throw protocolError(offset, 'topic-empty', 'MQTT-4.7.3-1');
  let levelStart = 0;
  if (version === 5 && filter.startsWith('$share/')) {
    const nameEnd = filter.indexOf('/', 7);
    const name = nameEnd < 0 ? filter.slice(7) : filter.slice(7, nameEnd);
    if (nameEnd < 0 || name.length === 0 || name.includes('+') || name.includes('#') || nameEnd === filter.length - 1) {
      throw protocolError(offset, 'shared-subscription-invalid', name.length === 0 ? 'MQTT-4.8.2-1' : 'MQTT-4.8.2-2');
    }
    levelStart = nameEnd + 1;
  }
  const hashRule = rule(version, 'MQTT-4.7.1-2', 'MQTT-4.7.1-1');
  const plusRule = rule(version, 'MQTT-4.7.1-3', 'MQTT-4.7.1-2');
  for (let i = levelStart; i < filter.length; i++) {
    const c = filter.charCodeAt(i);
    if (c === 0x23 /* # */) {
      const ownLevel = i === levelStart || filter.charCodeAt(i - 1) === 0x2f;
      if (!ownLevel || i !== filter.length - 1)
        throw protocolError(byteAt(filter, i, offset), 'filter-hash-position', hashRule);
    } else if (c === 0x2b /* + */) {
      const startsLevel = i === levelStart || filter.charCodeAt(i - 1) === 0x2f;
      const endsLevel = i === filter.length - 1 || filter.charCodeAt(i + 1) === 0x2f;
      if (!startsLevel || !endsLevel) throw protocolError(byteAt(filter, i, offset), 'filter-plus-position', plusRule);
    }
  }
}

export function isSharedFilter(filter: string): boolean {
  return filter.startsWith('$share/');
}
