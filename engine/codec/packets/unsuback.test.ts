/**
 * UNSUBACK byte by byte (3.1.1 §3.11, 5.0 §3.11). Each case: the bytes, one field a line; the
 * packet they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * 3.1.1 has no payload; 5.0 has one reason code per topic filter [MQTT-3.11.3-1].
 * Malformed UNSUBACK packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';
import type { UnsubackPacket } from './unsuback.ts';

describe('UNSUBACK 3.1.1', () => {
  test('a packet identifier and nothing else', () => {
    // prettier-ignore
    const bytes = [
      0xb0,       // UNSUBACK
      0x02,       // remaining length 2
      0x00, 0x0a, // packet identifier 10
    ];
    expectWire(bytes, { type: 'UNSUBACK', packetId: 10 }, 4);
    expect(spanAt(spansOf(bytes, 4), 'packetId')).toEqual([2, 4]);
  });
});

describe('UNSUBACK 5.0', () => {
  test('no properties, one reason code', () => {
    // prettier-ignore
    const bytes = [
      0xb0,       // UNSUBACK
      0x04,       // remaining length 4
      0x00, 0x0a, // packet identifier 10
      0x00,       // property length 0
      0x00,       // reason code 0x00: Success
    ];
    expectWire(bytes, { type: 'UNSUBACK', packetId: 10, reasonCodes: [0] }, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([4, 5]);
    expect(spanNamed(spans, 'reasonCodes.0')).toMatchObject({ start: 5, end: 6, value: '0 (0x00) Success' });
  });

  test('a Reason String and two reason codes', () => {
    // prettier-ignore
    const bytes = [
      0xb0,                         // UNSUBACK
      0x0a,                         // remaining length 10
      0x00, 0x0a,                   // packet identifier 10
      0x05,                         // property length 5
      0x1f, 0x00, 0x02, 0x6e, 0x6f, // Reason String: "no"
      0x11,                         // reason code 0x11: No subscription existed
      0x8f,                         // reason code 0x8F: Topic Filter invalid
    ];
    const packet: UnsubackPacket = {
      type: 'UNSUBACK',
      packetId: 10,
      properties: { reasonString: 'no' },
      reasonCodes: [0x11, 0x8f],
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([4, 10]);
    expect(spanNamed(spans, 'reasonCodes.1')).toMatchObject({ start: 11, value: '143 (0x8F) Topic Filter invalid' });
  });
});
