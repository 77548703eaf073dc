/**
 * AUTH byte by byte (5.0 §3.15): a step of extended authentication. Type 15 is reserved in 3.1.1.
 * Each case: the bytes, one field a line; the packet they decode to; the same bytes back from
 * encode; where the key fields lie in the spans. Malformed AUTH packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { decode, encode } from '../codec.ts';
import { expectWire, spanAt, spanNamed, spansOf, thrown } from '../test-support.ts';
import type { AuthPacket } from './auth.ts';

describe('AUTH 3.1.1', () => {
  test('type 15 is reserved: decode refuses it, encode will not write it', () => {
    // prettier-ignore
    const bytes = [
      0xf0, // type 15: AUTH in 5.0, reserved in 3.1.1
      0x00, // remaining length 0
    ];
    expect(thrown(() => decode(Uint8Array.from(bytes), 4))).toMatchObject({
      kind: 'malformed',
      code: 'reserved-type',
      rule: '§2.2.1',
      offset: 0,
    });
    expect(thrown(() => encode({ type: 'AUTH', reasonCode: 0 }, 4))).toMatchObject({ code: 'auth-in-3-1-1' });
  });
});

describe('AUTH 5.0', () => {
  test('remaining length 0: reason code 0x00 (Success), no properties', () => {
    // prettier-ignore
    const bytes = [
      0xf0, // AUTH, flags 0000 [MQTT-3.15.1-1]
      0x00, // remaining length 0: reason code and properties left out
    ];
    expectWire(bytes, { type: 'AUTH', reasonCode: 0 }, 5);
    expect(spansOf(bytes, 5).map((s) => s.field)).toEqual(['fixedHeader']);
  });

  test('continue authentication: method and data', () => {
    // prettier-ignore
    const bytes = [
      0xf0,                   // AUTH
      0x0a,                   // remaining length 10
      0x18,                   // reason code 0x18: Continue authentication
      0x08,                   // property length 8
      0x15, 0x00, 0x01, 0x6d, // Authentication Method: "m"
      0x16, 0x00, 0x01, 0xab, // Authentication Data: AB
    ];
    const packet: AuthPacket = {
      type: 'AUTH',
      reasonCode: 0x18,
      properties: { authenticationMethod: 'm', authenticationData: Uint8Array.of(0xab) },
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanNamed(spans, 'reasonCode')).toMatchObject({
      start: 2,
      end: 3,
      value: '24 (0x18) Continue authentication',
    });
    expect(spanAt(spans, 'properties')).toEqual([3, 12]);
    expect(spanAt(spans, 'properties.authenticationData')).toEqual([8, 12]);
  });

  test('re-authenticate, naming the method', () => {
    // prettier-ignore
    const bytes = [
      0xf0,                   // AUTH
      0x06,                   // remaining length 6
      0x19,                   // reason code 0x19: Re-authenticate
      0x04,                   // property length 4
      0x15, 0x00, 0x01, 0x6d, // Authentication Method: "m"
    ];
    expectWire(bytes, { type: 'AUTH', reasonCode: 0x19, properties: { authenticationMethod: 'm' } }, 5);
    expect(spanAt(spansOf(bytes, 5), 'properties.authenticationMethod')).toEqual([4, 8]);
  });
});
