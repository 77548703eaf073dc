/**
 * CONNACK byte by byte (3.1.1 §3.2, 5.0 §3.2). Each case: the bytes, one field a line; the packet
 * they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * Malformed CONNACK packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';
import type { ConnackPacket } from './connack.ts';

describe('CONNACK 3.1.1', () => {
  test('connection accepted, no session', () => {
    // prettier-ignore
    const bytes = [
      0x20, // CONNACK
      0x02, // remaining length 2
      0x00, // acknowledge flags: Session Present 0
      0x00, // return code 0: Connection Accepted
    ];
    expectWire(bytes, { type: 'CONNACK', sessionPresent: false, reasonCode: 0 }, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'acknowledgeFlags')).toEqual([2, 3]);
    expect(spanNamed(spans, 'reasonCode')).toMatchObject({
      start: 3,
      end: 4,
      label: 'field.returnCode',
      value: '0 (0x00) Connection Accepted',
    });
  });

  test('accepted with a session present', () => {
    // prettier-ignore
    const bytes = [
      0x20, // CONNACK
      0x02, // remaining length 2
      0x01, // acknowledge flags: Session Present 1
      0x00, // return code 0
    ];
    expectWire(bytes, { type: 'CONNACK', sessionPresent: true, reasonCode: 0 }, 4);
    expect(spanNamed(spansOf(bytes, 4), 'sessionPresent')).toMatchObject({ start: 2, bitMask: 0x01, value: '1' });
  });

  test('refused: not authorized', () => {
    // prettier-ignore
    const bytes = [
      0x20, // CONNACK
      0x02, // remaining length 2
      0x00, // Session Present 0, as it must be with a refusal [MQTT-3.2.2-4]
      0x05, // return code 5: Connection Refused, not authorized
    ];
    expectWire(bytes, { type: 'CONNACK', sessionPresent: false, reasonCode: 5 }, 4);
  });
});

describe('CONNACK 5.0', () => {
  test('success without properties: a Property Length of 0', () => {
    // prettier-ignore
    const bytes = [
      0x20, // CONNACK
      0x03, // remaining length 3
      0x00, // acknowledge flags: Session Present 0
      0x00, // reason code 0x00: Success
      0x00, // property length 0
    ];
    expectWire(bytes, { type: 'CONNACK', sessionPresent: false, reasonCode: 0 }, 5);
    const spans = spansOf(bytes, 5);
    expect(spanNamed(spans, 'reasonCode')).toMatchObject({ start: 3, end: 4, label: 'field.reasonCode' });
    expect(spanAt(spans, 'properties')).toEqual([4, 5]);
  });

  test('a session present and the server’s limits as properties, with a repeated User Property name', () => {
    // prettier-ignore
    const bytes = [
      0x20,                                     // CONNACK
      0x25,                                     // remaining length 37
      0x01,                                     // acknowledge flags: Session Present 1
      0x00,                                     // reason code 0x00: Success
      0x22,                                     // property length 34
      0x22, 0x00, 0x0a,                         // Topic Alias Maximum: 10
      0x12, 0x00, 0x02, 0x69, 0x64,             // Assigned Client Identifier: "id"
      0x24, 0x01,                               // Maximum QoS: 1
      0x25, 0x00,                               // Retain Available: 0
      0x21, 0x00, 0x64,                         // Receive Maximum: 100
      0x27, 0x00, 0x00, 0x04, 0x00,             // Maximum Packet Size: 1024
      0x26, 0x00, 0x01, 0x61, 0x00, 0x01, 0x31, // User Property: "a" = "1"
      0x26, 0x00, 0x01, 0x61, 0x00, 0x01, 0x32, // User Property: "a" = "2" (a name may repeat)
    ];
    const packet: ConnackPacket = {
      type: 'CONNACK',
      sessionPresent: true,
      reasonCode: 0,
      properties: {
        topicAliasMaximum: 10,
        assignedClientIdentifier: 'id',
        maximumQoS: 1,
        retainAvailable: 0,
        receiveMaximum: 100,
        maximumPacketSize: 1024,
        userProperties: [
          ['a', '1'],
          ['a', '2'],
        ],
      },
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([4, 39]);
    expect(spanAt(spans, 'properties.assignedClientIdentifier')).toEqual([8, 13]);
    expect(spanAt(spans, 'properties.maximumPacketSize')).toEqual([20, 25]);
  });

  test('refused: 0x87 Not authorized', () => {
    // prettier-ignore
    const bytes = [
      0x20, // CONNACK
      0x03, // remaining length 3
      0x00, // Session Present 0 [MQTT-3.2.2-6]
      0x87, // reason code 0x87: Not authorized
      0x00, // property length 0
    ];
    expectWire(bytes, { type: 'CONNACK', sessionPresent: false, reasonCode: 0x87 }, 5);
    expect(spanNamed(spansOf(bytes, 5), 'reasonCode')).toMatchObject({ value: '135 (0x87) Not authorized' });
  });
});
