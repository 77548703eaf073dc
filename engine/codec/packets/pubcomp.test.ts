/**
 * PUBCOMP byte by byte (3.1.1 §3.7, 5.0 §3.7): the last packet of a QoS 2 flow. Each case: the bytes, one
 * field a line; the packet they decode to; the same bytes back from encode; where the key fields
 * lie in the spans. 5.0 may leave out the reason code (remaining length 2) or the properties
 * (remaining length 3). Malformed PUBCOMP packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { encode } from '../codec.ts';
import { expectDecode, expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';
import type { PubcompPacket } from './pubcomp.ts';

describe('PUBCOMP 3.1.1', () => {
  test('a packet identifier and nothing else', () => {
    // prettier-ignore
    const bytes = [
      0x70,       // PUBCOMP
      0x02,       // remaining length 2
      0x00, 0x0a, // packet identifier 10
    ];
    expectWire(bytes, { type: 'PUBCOMP', packetId: 10 }, 4);
    expect(spanAt(spansOf(bytes, 4), 'packetId')).toEqual([2, 4]);
  });
});

describe('PUBCOMP 5.0', () => {
  test('remaining length 2: reason code 0x00 (Success), no properties', () => {
    // prettier-ignore
    const bytes = [
      0x70,       // PUBCOMP
      0x02,       // remaining length 2: reason code and properties left out
      0x00, 0x0a, // packet identifier 10
    ];
    expectWire(bytes, { type: 'PUBCOMP', packetId: 10, reasonCode: 0 }, 5);
    expect([...encode({ type: 'PUBCOMP', packetId: 10 }, 5)]).toEqual(bytes);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'packetId')).toEqual([2, 4]);
    expect(spanAt(spans, 'reasonCode')).toBeUndefined();
  });

  test('remaining length 3: a reason code, no properties', () => {
    // prettier-ignore
    const bytes = [
      0x70,       // PUBCOMP
      0x03,       // remaining length 3: properties left out
      0x00, 0x0a, // packet identifier 10
      0x92,       // reason code 0x92: Packet Identifier not found
    ];
    expectWire(bytes, { type: 'PUBCOMP', packetId: 10, reasonCode: 0x92 }, 5);
    expect(spanNamed(spansOf(bytes, 5), 'reasonCode')).toMatchObject({
      start: 4,
      end: 5,
      value: '146 (0x92) Packet Identifier not found',
    });
  });

  test('the long form of success is accepted, though encode writes the short one', () => {
    // prettier-ignore
    const bytes = [
      0x70,       // PUBCOMP
      0x04,       // remaining length 4
      0x00, 0x0a, // packet identifier 10
      0x00,       // reason code 0x00: Success
      0x00,       // property length 0
    ];
    expectDecode(bytes, { type: 'PUBCOMP', packetId: 10, reasonCode: 0 }, 5);
    expect(spanAt(spansOf(bytes, 5), 'properties')).toEqual([5, 6]);
  });

  test('a reason code with a Reason String and a User Property', () => {
    // prettier-ignore
    const bytes = [
      0x70,                                     // PUBCOMP
      0x10,                                     // remaining length 16
      0x00, 0x0a,                               // packet identifier 10
      0x00,                                     // reason code 0x00: Success
      0x0c,                                     // property length 12
      0x1f, 0x00, 0x02, 0x6e, 0x6f,             // Reason String: "no"
      0x26, 0x00, 0x01, 0x6b, 0x00, 0x01, 0x76, // User Property: "k" = "v"
    ];
    const packet: PubcompPacket = {
      type: 'PUBCOMP',
      packetId: 10,
      reasonCode: 0x00,
      properties: { reasonString: 'no', userProperties: [['k', 'v']] },
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'reasonCode')).toEqual([4, 5]);
    expect(spanAt(spans, 'properties')).toEqual([5, 18]);
    expect(spanAt(spans, 'properties.reasonString')).toEqual([6, 11]);
    expect(spanAt(spans, 'properties.userProperties')).toEqual([11, 18]);
  });
});
