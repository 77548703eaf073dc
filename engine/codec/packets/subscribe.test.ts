/**
 * SUBSCRIBE byte by byte (3.1.1 §3.8, 5.0 §3.8). Each case: the bytes, one field a line; the packet
 * they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * Malformed SUBSCRIBE packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';
import type { SubscribePacket } from './subscribe.ts';

describe('SUBSCRIBE 3.1.1', () => {
  test('one topic filter with its requested QoS', () => {
    // prettier-ignore
    const bytes = [
      0x82,             // SUBSCRIBE, flags 0010 [MQTT-3.8.1-1]
      0x08,             // remaining length 8
      0x00, 0x0a,       // packet identifier 10
      0x00, 0x03,       // topic filter length 3
      0x61, 0x2f, 0x62, // "a/b"
      0x01,             // requested QoS 1
    ];
    expectWire(bytes, { type: 'SUBSCRIBE', packetId: 10, subscriptions: [{ topicFilter: 'a/b', qos: 1 }] }, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'packetId')).toEqual([2, 4]);
    expect(spanAt(spans, 'subscriptions.0')).toEqual([4, 10]);
    expect(spanAt(spans, 'subscriptions.0.topicFilter')).toEqual([4, 9]);
    expect(spanNamed(spans, 'subscriptions.0.qos')).toMatchObject({ start: 9, end: 10, bitMask: 0x03, value: '01' });
    expect(spanNamed(spans, 'reserved')).toMatchObject({ start: 9, bitMask: 0xfc });
  });

  test('two filters with wildcards', () => {
    // prettier-ignore
    const bytes = [
      0x82,                         // SUBSCRIBE
      0x0c,                         // remaining length 12
      0x00, 0x0b,                   // packet identifier 11
      0x00, 0x03, 0x61, 0x2f, 0x2b, // topic filter "a/+"
      0x00,                         // requested QoS 0
      0x00, 0x01, 0x23,             // topic filter "#"
      0x02,                         // requested QoS 2
    ];
    const packet: SubscribePacket = {
      type: 'SUBSCRIBE',
      packetId: 11,
      subscriptions: [
        { topicFilter: 'a/+', qos: 0 },
        { topicFilter: '#', qos: 2 },
      ],
    };
    expectWire(bytes, packet, 4);
    expect(spanAt(spansOf(bytes, 4), 'subscriptions.1.topicFilter')).toEqual([10, 13]);
  });
});

describe('SUBSCRIBE 5.0', () => {
  test('one filter, default options, no properties', () => {
    // prettier-ignore
    const bytes = [
      0x82,                         // SUBSCRIBE
      0x09,                         // remaining length 9
      0x00, 0x0a,                   // packet identifier 10
      0x00,                         // property length 0
      0x00, 0x03, 0x61, 0x2f, 0x62, // topic filter "a/b"
      0x01,                         // options: QoS 1, No Local 0, Retain As Published 0, Retain Handling 0
    ];
    const packet: SubscribePacket = {
      type: 'SUBSCRIBE',
      packetId: 10,
      subscriptions: [{ topicFilter: 'a/b', qos: 1, noLocal: false, retainAsPublished: false, retainHandling: 0 }],
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([4, 5]);
    expect(spanAt(spans, 'subscriptions.0.topicFilter')).toEqual([5, 10]);
  });

  test('subscription options: No Local, Retain As Published, Retain Handling; a Subscription Identifier', () => {
    // prettier-ignore
    const bytes = [
      0x82,                                     // SUBSCRIBE
      0x16,                                     // remaining length 22
      0x00, 0x0b,                               // packet identifier 11
      0x09,                                     // property length 9
      0x0b, 0x2a,                               // Subscription Identifier: 42
      0x26, 0x00, 0x01, 0x6b, 0x00, 0x01, 0x76, // User Property: "k" = "v"
      0x00, 0x03, 0x61, 0x2f, 0x62,             // topic filter "a/b"
      0x2e,                                     // options 00 10 1 1 10: Retain Handling 2, Retain As Published, No Local, QoS 2
      0x00, 0x01, 0x23,                         // topic filter "#"
      0x11,                                     // options 00 01 0 0 01: Retain Handling 1, QoS 1
    ];
    const packet: SubscribePacket = {
      type: 'SUBSCRIBE',
      packetId: 11,
      properties: { subscriptionIdentifiers: [42], userProperties: [['k', 'v']] },
      subscriptions: [
        { topicFilter: 'a/b', qos: 2, noLocal: true, retainAsPublished: true, retainHandling: 2 },
        { topicFilter: '#', qos: 1, noLocal: false, retainAsPublished: false, retainHandling: 1 },
      ],
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties.subscriptionIdentifiers')).toEqual([5, 7]);
    expect(spanAt(spans, 'subscriptions.0.topicFilter')).toEqual([14, 19]);
    const options = (field: string) => spanNamed(spans, `subscriptions.0.${field}`);
    expect(options('options')).toMatchObject({ start: 19, end: 20, value: '46 (0x2E)' });
    expect(options('retainHandling')).toMatchObject({ bitMask: 0x30, value: '10' });
    expect(options('retainAsPublished')).toMatchObject({ bitMask: 0x08, value: '1' });
    expect(options('noLocal')).toMatchObject({ bitMask: 0x04, value: '1' });
    expect(options('qos')).toMatchObject({ bitMask: 0x03, value: '10' });
    expect(spanAt(spans, 'subscriptions.1.options')).toEqual([23, 24]);
  });

  test('a shared subscription [MQTT-4.8.2-1]', () => {
    // prettier-ignore
    const bytes = [
      0x82,                                                       // SUBSCRIBE
      0x10,                                                       // remaining length 16
      0x00, 0x01,                                                 // packet identifier 1
      0x00,                                                       // property length 0
      0x00, 0x0a,                                                 // topic filter length 10
      0x24, 0x73, 0x68, 0x61, 0x72, 0x65, 0x2f, 0x67, 0x2f, 0x61, // "$share/g/a"
      0x01,                                                       // options: QoS 1 (No Local must stay 0 here [MQTT-3.8.3-4])
    ];
    const packet: SubscribePacket = {
      type: 'SUBSCRIBE',
      packetId: 1,
      subscriptions: [
        { topicFilter: '$share/g/a', qos: 1, noLocal: false, retainAsPublished: false, retainHandling: 0 },
      ],
    };
    expectWire(bytes, packet, 5);
  });
});
