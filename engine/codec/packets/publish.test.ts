/**
 * PUBLISH byte by byte (3.1.1 §3.3, 5.0 §3.3). Each case: the bytes, one field a line; the packet
 * they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * Malformed PUBLISH packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf, utf8 } from '../test-support.ts';
import type { PublishPacket } from './publish.ts';

describe('PUBLISH 3.1.1', () => {
  test('QoS 0: topic and payload, no packet identifier [MQTT-2.3.1-5]', () => {
    // prettier-ignore
    const bytes = [
      0x30,             // PUBLISH, DUP 0, QoS 0, RETAIN 0
      0x07,             // remaining length 7
      0x00, 0x03,       // topic length 3
      0x61, 0x2f, 0x62, // "a/b"
      0x68, 0x69,       // payload "hi"
    ];
    expectWire(bytes, { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 'a/b', payload: utf8('hi') }, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'topic')).toEqual([2, 7]);
    expect(spanAt(spans, 'packetId')).toBeUndefined();
    expect(spanAt(spans, 'payload')).toEqual([7, 9]);
  });

  test('QoS 1: a packet identifier after the topic', () => {
    // prettier-ignore
    const bytes = [
      0x32,             // PUBLISH, DUP 0, QoS 1, RETAIN 0
      0x09,             // remaining length 9
      0x00, 0x03,       // topic length 3
      0x61, 0x2f, 0x62, // "a/b"
      0x00, 0x0a,       // packet identifier 10
      0x68, 0x69,       // payload "hi"
    ];
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: false,
      qos: 1,
      retain: false,
      topic: 'a/b',
      packetId: 10,
      payload: utf8('hi'),
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'packetId')).toEqual([7, 9]);
    expect(spanNamed(spans, 'qos')).toMatchObject({ start: 0, end: 1, bitMask: 0x06, value: '01 = 1' });
  });

  test('QoS 2 with DUP and RETAIN, and an empty payload', () => {
    // prettier-ignore
    const bytes = [
      0x3d,             // PUBLISH, DUP 1, QoS 2, RETAIN 1
      0x07,             // remaining length 7
      0x00, 0x03,       // topic length 3
      0x61, 0x2f, 0x62, // "a/b"
      0x01, 0x00,       // packet identifier 256
                        // payload: none
    ];
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: true,
      qos: 2,
      retain: true,
      topic: 'a/b',
      packetId: 256,
      payload: new Uint8Array(0),
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanNamed(spans, 'dup')).toMatchObject({ bitMask: 0x08, value: '1' });
    expect(spanNamed(spans, 'retain')).toMatchObject({ bitMask: 0x01, value: '1' });
    expect(spanAt(spans, 'packetId')).toEqual([7, 9]);
    expect(spanAt(spans, 'payload')).toBeUndefined();
  });

  test('a multi-byte UTF-8 topic and a binary payload', () => {
    // prettier-ignore
    const bytes = [
      0x30,                         // PUBLISH, QoS 0
      0x0a,                         // remaining length 10
      0x00, 0x05,                   // topic length 5 (bytes, not characters)
      0x74, 0x2f, 0xe2, 0x82, 0xac, // "t/€" (U+20AC is E2 82 AC)
      0x00, 0xff, 0x10,             // payload: three bytes, any values
    ];
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: false,
      qos: 0,
      retain: false,
      topic: 't/€',
      payload: Uint8Array.of(0x00, 0xff, 0x10),
    };
    expectWire(bytes, packet, 4);
    expect(spanAt(spansOf(bytes, 4), 'topic')).toEqual([2, 9]);
  });

  test('a remaining length of two bytes: 205 = 77 + 1 × 128', () => {
    const payload = new Array<number>(200).fill(0x78);
    // prettier-ignore
    const bytes = [
      0x30,             // PUBLISH, QoS 0
      0xcd, 0x01,       // remaining length 205: 0xCD = more follows + 77, then 1 (× 128)
      0x00, 0x03,       // topic length 3
      0x61, 0x2f, 0x62, // "a/b"
      ...payload,       // payload: 200 × "x"
    ];
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: false,
      qos: 0,
      retain: false,
      topic: 'a/b',
      payload: Uint8Array.from(payload),
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'remainingLength')).toEqual([1, 3]);
    expect(spanAt(spans, 'topic')).toEqual([3, 8]);
    expect(spanAt(spans, 'payload')).toEqual([8, 208]);
  });
});

describe('PUBLISH 5.0', () => {
  test('QoS 0 without properties: a Property Length of 0 [MQTT-2.2.2-1]', () => {
    // prettier-ignore
    const bytes = [
      0x30,             // PUBLISH, DUP 0, QoS 0, RETAIN 0
      0x08,             // remaining length 8
      0x00, 0x03,       // topic length 3
      0x61, 0x2f, 0x62, // "a/b"
      0x00,             // property length 0
      0x68, 0x69,       // payload "hi"
    ];
    expectWire(bytes, { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 'a/b', payload: utf8('hi') }, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([7, 8]);
    expect(spanAt(spans, 'payload')).toEqual([8, 10]);
  });

  test('QoS 1 with every PUBLISH property, two Subscription Identifiers and a User Property', () => {
    // prettier-ignore
    const bytes = [
      0x32,                                     // PUBLISH, DUP 0, QoS 1, RETAIN 0
      0x30,                                     // remaining length 48
      0x00, 0x03,                               // topic length 3
      0x61, 0x2f, 0x62,                         // "a/b"
      0x00, 0x0a,                               // packet identifier 10
      0x26,                                     // property length 38
      0x01, 0x01,                               // Payload Format Indicator: 1 (UTF-8)
      0x02, 0x00, 0x00, 0x00, 0x3c,             // Message Expiry Interval: 60 s
      0x23, 0x00, 0x05,                         // Topic Alias: 5
      0x08, 0x00, 0x01, 0x72,                   // Response Topic: "r"
      0x09, 0x00, 0x02, 0x01, 0x02,             // Correlation Data: 01 02
      0x26, 0x00, 0x01, 0x6b, 0x00, 0x01, 0x76, // User Property: "k" = "v"
      0x0b, 0x01,                               // Subscription Identifier: 1
      0x0b, 0xc8, 0x01,                         // Subscription Identifier: 200 = 72 + 1 × 128
      0x03, 0x00, 0x04, 0x6a, 0x73, 0x6f, 0x6e, // Content Type: "json"
      0x68, 0x69,                               // payload "hi"
    ];
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: false,
      qos: 1,
      retain: false,
      topic: 'a/b',
      packetId: 10,
      payload: utf8('hi'),
      properties: {
        payloadFormatIndicator: 1,
        messageExpiryInterval: 60,
        topicAlias: 5,
        responseTopic: 'r',
        correlationData: Uint8Array.of(0x01, 0x02),
        userProperties: [['k', 'v']],
        subscriptionIdentifiers: [1, 200],
        contentType: 'json',
      },
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'packetId')).toEqual([7, 9]);
    expect(spanAt(spans, 'properties')).toEqual([9, 48]);
    expect(spanAt(spans, 'properties.topicAlias')).toEqual([17, 20]);
    expect(spanAt(spans, 'properties.userProperties')).toEqual([29, 36]);
    expect(spanAt(spans, 'properties.subscriptionIdentifiers')).toEqual([36, 38]);
    expect(spanAt(spans, 'payload')).toEqual([48, 50]);
  });

  test('an empty topic name with a Topic Alias (5.0 §3.3.2.1)', () => {
    // prettier-ignore
    const bytes = [
      0x30,             // PUBLISH, QoS 0
      0x07,             // remaining length 7
      0x00, 0x00,       // topic length 0: the Topic Alias stands for the topic
      0x03,             // property length 3
      0x23, 0x00, 0x01, // Topic Alias: 1
      0x78,             // payload "x"
    ];
    const packet: PublishPacket = {
      type: 'PUBLISH',
      dup: false,
      qos: 0,
      retain: false,
      topic: '',
      payload: utf8('x'),
      properties: { topicAlias: 1 },
    };
    expectWire(bytes, packet, 5);
    expect(spanAt(spansOf(bytes, 5), 'topic')).toEqual([2, 4]);
  });
});
