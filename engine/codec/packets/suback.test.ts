/**
 * SUBACK byte by byte (3.1.1 §3.9, 5.0 §3.9). Each case: the bytes, one field a line; the packet
 * they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * Malformed SUBACK packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';
import type { SubackPacket } from './suback.ts';

describe('SUBACK 3.1.1', () => {
  test('one return code: maximum QoS 1 granted', () => {
    // prettier-ignore
    const bytes = [
      0x90,       // SUBACK
      0x03,       // remaining length 3
      0x00, 0x0a, // packet identifier 10
      0x01,       // return code 0x01: Success - Maximum QoS 1
    ];
    expectWire(bytes, { type: 'SUBACK', packetId: 10, reasonCodes: [1] }, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'packetId')).toEqual([2, 4]);
    expect(spanNamed(spans, 'reasonCodes.0')).toMatchObject({ start: 4, end: 5, label: 'field.returnCode' });
  });

  test('one code per filter, in order [MQTT-3.9.3-1], a failure among them', () => {
    // prettier-ignore
    const bytes = [
      0x90,       // SUBACK
      0x05,       // remaining length 5
      0x00, 0x0a, // packet identifier 10
      0x00,       // return code 0x00: Success - Maximum QoS 0
      0x02,       // return code 0x02: Success - Maximum QoS 2
      0x80,       // return code 0x80: Failure
    ];
    expectWire(bytes, { type: 'SUBACK', packetId: 10, reasonCodes: [0, 2, 0x80] }, 4);
    expect(spanNamed(spansOf(bytes, 4), 'reasonCodes.2')).toMatchObject({ start: 6, value: '128 (0x80) Failure' });
  });
});

describe('SUBACK 5.0', () => {
  test('no properties, one reason code', () => {
    // prettier-ignore
    const bytes = [
      0x90,       // SUBACK
      0x04,       // remaining length 4
      0x00, 0x0a, // packet identifier 10
      0x00,       // property length 0
      0x01,       // reason code 0x01: Granted QoS 1
    ];
    expectWire(bytes, { type: 'SUBACK', packetId: 10, reasonCodes: [1] }, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([4, 5]);
    expect(spanNamed(spans, 'reasonCodes.0')).toMatchObject({ start: 5, value: '1 (0x01) Granted QoS 1' });
  });

  test('a Reason String and failures with reasons', () => {
    // prettier-ignore
    const bytes = [
      0x90,                                     // SUBACK
      0x0d,                                     // remaining length 13
      0x00, 0x0a,                               // packet identifier 10
      0x07,                                     // property length 7
      0x1f, 0x00, 0x04, 0x6e, 0x6f, 0x70, 0x65, // Reason String: "nope"
      0x00,                                     // reason code 0x00: Granted QoS 0
      0x87,                                     // reason code 0x87: Not authorized
      0xa2,                                     // reason code 0xA2: Wildcard Subscriptions not supported
    ];
    const packet: SubackPacket = {
      type: 'SUBACK',
      packetId: 10,
      properties: { reasonString: 'nope' },
      reasonCodes: [0x00, 0x87, 0xa2],
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties.reasonString')).toEqual([5, 12]);
    expect(spanAt(spans, 'payload')).toEqual([12, 15]);
    expect(spanAt(spans, 'reasonCodes.2')).toEqual([14, 15]);
  });
});
