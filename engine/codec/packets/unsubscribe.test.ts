/**
 * UNSUBSCRIBE byte by byte (3.1.1 §3.10, 5.0 §3.10). Each case: the bytes, one field a line; the
 * packet they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * Malformed UNSUBSCRIBE packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spansOf } from '../test-support.ts';
import type { UnsubscribePacket } from './unsubscribe.ts';

describe('UNSUBSCRIBE 3.1.1', () => {
  test('one topic filter', () => {
    // prettier-ignore
    const bytes = [
      0xa2,             // UNSUBSCRIBE, flags 0010 [MQTT-3.10.1-1]
      0x07,             // remaining length 7
      0x00, 0x0a,       // packet identifier 10
      0x00, 0x03,       // topic filter length 3
      0x61, 0x2f, 0x62, // "a/b"
    ];
    expectWire(bytes, { type: 'UNSUBSCRIBE', packetId: 10, topicFilters: ['a/b'] }, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'packetId')).toEqual([2, 4]);
    expect(spanAt(spans, 'topicFilters.0')).toEqual([4, 9]);
  });

  test('two filters, one with wildcards', () => {
    // prettier-ignore
    const bytes = [
      0xa2,                         // UNSUBSCRIBE
      0x0c,                         // remaining length 12
      0x00, 0x0b,                   // packet identifier 11
      0x00, 0x03, 0x61, 0x2f, 0x62, // topic filter "a/b"
      0x00, 0x03, 0x2b, 0x2f, 0x23, // topic filter "+/#"
    ];
    expectWire(bytes, { type: 'UNSUBSCRIBE', packetId: 11, topicFilters: ['a/b', '+/#'] }, 4);
    expect(spanAt(spansOf(bytes, 4), 'topicFilters.1')).toEqual([9, 14]);
  });
});

describe('UNSUBSCRIBE 5.0', () => {
  test('no properties, one filter', () => {
    // prettier-ignore
    const bytes = [
      0xa2,                         // UNSUBSCRIBE
      0x08,                         // remaining length 8
      0x00, 0x0a,                   // packet identifier 10
      0x00,                         // property length 0
      0x00, 0x03, 0x61, 0x2f, 0x62, // topic filter "a/b"
    ];
    expectWire(bytes, { type: 'UNSUBSCRIBE', packetId: 10, topicFilters: ['a/b'] }, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([4, 5]);
    expect(spanAt(spans, 'topicFilters.0')).toEqual([5, 10]);
  });

  test('a User Property, and a shared subscription to leave', () => {
    // prettier-ignore
    const bytes = [
      0xa2,                                                       // UNSUBSCRIBE
      0x16,                                                       // remaining length 22
      0x00, 0x0c,                                                 // packet identifier 12
      0x07,                                                       // property length 7
      0x26, 0x00, 0x01, 0x6b, 0x00, 0x01, 0x76,                   // User Property: "k" = "v"
      0x00, 0x0a,                                                 // topic filter length 10
      0x24, 0x73, 0x68, 0x61, 0x72, 0x65, 0x2f, 0x67, 0x2f, 0x61, // "$share/g/a"
    ];
    const packet: UnsubscribePacket = {
      type: 'UNSUBSCRIBE',
      packetId: 12,
      properties: { userProperties: [['k', 'v']] },
      topicFilters: ['$share/g/a'],
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties.userProperties')).toEqual([5, 12]);
    expect(spanAt(spans, 'topicFilters.0')).toEqual([12, 24]);
  });
});
