/**
 * DISCONNECT byte by byte (3.1.1 §3.14, 5.0 §3.14). Each case: the bytes, one field a line; the
 * packet they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * 3.1.1 carries nothing; 5.0 a reason code and properties, both of which may be left out.
 * Malformed DISCONNECT packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { encode } from '../codec.ts';
import { expectDecode, expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';
import type { DisconnectPacket } from './disconnect.ts';

describe('DISCONNECT 3.1.1', () => {
  test('a fixed header and nothing else', () => {
    // prettier-ignore
    const bytes = [
      0xe0, // DISCONNECT
      0x00, // remaining length 0
    ];
    expectWire(bytes, { type: 'DISCONNECT' }, 4);
    expect(spansOf(bytes, 4).map((s) => s.field)).toEqual(['fixedHeader']);
  });
});

describe('DISCONNECT 5.0', () => {
  test('remaining length 0: reason code 0x00 (Normal disconnection), no properties', () => {
    // prettier-ignore
    const bytes = [
      0xe0, // DISCONNECT
      0x00, // remaining length 0: reason code and properties left out
    ];
    expectWire(bytes, { type: 'DISCONNECT', reasonCode: 0 }, 5);
    expect([...encode({ type: 'DISCONNECT' }, 5)]).toEqual(bytes);
    expect(spansOf(bytes, 5).map((s) => s.field)).toEqual(['fixedHeader']);
  });

  test('remaining length 1: a reason code, no properties', () => {
    // prettier-ignore
    const bytes = [
      0xe0, // DISCONNECT
      0x01, // remaining length 1: properties left out
      0x04, // reason code 0x04: Disconnect with Will Message
    ];
    expectWire(bytes, { type: 'DISCONNECT', reasonCode: 4 }, 5);
    expect(spanNamed(spansOf(bytes, 5), 'reasonCode')).toMatchObject({
      start: 2,
      end: 3,
      value: '4 (0x04) Disconnect with Will Message',
    });
  });

  test('the longer forms of a normal disconnection are accepted, though encode writes the shortest', () => {
    // prettier-ignore
    const reasonOnly = [
      0xe0, // DISCONNECT
      0x01, // remaining length 1
      0x00, // reason code 0x00: Normal disconnection
    ];
    // prettier-ignore
    const emptyProperties = [
      0xe0, // DISCONNECT
      0x02, // remaining length 2
      0x00, // reason code 0x00: Normal disconnection
      0x00, // property length 0
    ];
    expectDecode(reasonOnly, { type: 'DISCONNECT', reasonCode: 0 }, 5);
    expectDecode(emptyProperties, { type: 'DISCONNECT', reasonCode: 0 }, 5);
    expect(spanAt(spansOf(emptyProperties, 5), 'properties')).toEqual([3, 4]);
  });

  test('a server sends another server to use, with a Reason String', () => {
    // prettier-ignore
    const bytes = [
      0xe0,                               // DISCONNECT
      0x0c,                               // remaining length 12
      0x9c,                               // reason code 0x9C: Use another server
      0x0a,                               // property length 10
      0x1c, 0x00, 0x01, 0x62,             // Server Reference: "b"
      0x1f, 0x00, 0x03, 0x62, 0x79, 0x65, // Reason String: "bye"
    ];
    const packet: DisconnectPacket = {
      type: 'DISCONNECT',
      reasonCode: 0x9c,
      properties: { serverReference: 'b', reasonString: 'bye' },
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'reasonCode')).toEqual([2, 3]);
    expect(spanAt(spans, 'properties.serverReference')).toEqual([4, 8]);
    expect(spanAt(spans, 'properties.reasonString')).toEqual([8, 14]);
  });

  test('a client sets a Session Expiry Interval as it leaves', () => {
    // prettier-ignore
    const bytes = [
      0xe0,                         // DISCONNECT
      0x07,                         // remaining length 7
      0x00,                         // reason code 0x00: Normal disconnection
      0x05,                         // property length 5
      0x11, 0x00, 0x00, 0x00, 0x78, // Session Expiry Interval: 120 s
    ];
    expectWire(bytes, { type: 'DISCONNECT', reasonCode: 0, properties: { sessionExpiryInterval: 120 } }, 5);
    expect(spanAt(spansOf(bytes, 5), 'properties.sessionExpiryInterval')).toEqual([4, 9]);
  });
});
