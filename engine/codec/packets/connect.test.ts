/**
 * CONNECT byte by byte (3.1 / 3.1.1 §3.1, 5.0 §3.1). Each case: the bytes, one field a line; the
 * packet they decode to; the same bytes back from encode; where the key fields lie in the spans.
 * A CONNECT decodes by its own protocol level, whatever version the caller names.
 * Malformed CONNECT packets are in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { decode } from '../codec.ts';
import { expectWire, spanAt, spanNamed, spansOf, utf8 } from '../test-support.ts';
import type { ConnectPacket } from './connect.ts';

describe('CONNECT 3.1.1', () => {
  test('the least a CONNECT carries: Clean Session and a client identifier', () => {
    // prettier-ignore
    const bytes = [
      0x10,                   // CONNECT
      0x0e,                   // remaining length 14
      0x00, 0x04,             // protocol name length 4
      0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x04,                   // protocol level 4 = 3.1.1
      0x02,                   // connect flags: Clean Session
      0x00, 0x3c,             // keep alive 60 s
      0x00, 0x02,             // client identifier length 2
      0x63, 0x31,             // "c1"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepAlive: 60,
      clientId: 'c1',
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'variableHeader')).toEqual([2, 12]);
    expect(spanAt(spans, 'protocolName')).toEqual([2, 8]);
    expect(spanAt(spans, 'protocolVersion')).toEqual([8, 9]);
    expect(spanNamed(spans, 'clean')).toMatchObject({ start: 9, end: 10, bitMask: 0x02, value: '1' });
    expect(spanAt(spans, 'keepAlive')).toEqual([10, 12]);
    expect(spanAt(spans, 'payload')).toEqual([12, 16]);
    expect(spanAt(spans, 'clientId')).toEqual([12, 16]);
  });

  test('a will (QoS 1, retained), a user name and a password', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x1c,                               // remaining length 28
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x04,                               // protocol level 4
      0xee,                               // flags: User Name, Password, Will Retain, Will QoS 01, Will, Clean Session
      0x00, 0x3c,                         // keep alive 60 s
      0x00, 0x02, 0x63, 0x31,             // client identifier "c1"
      0x00, 0x01, 0x77,                   // will topic "w"
      0x00, 0x03, 0x62, 0x79, 0x65,       // will payload "bye"
      0x00, 0x01, 0x75,                   // user name "u"
      0x00, 0x01, 0x70,                   // password "p"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepAlive: 60,
      clientId: 'c1',
      will: { topic: 'w', payload: utf8('bye'), qos: 1, retain: true },
      username: 'u',
      password: utf8('p'),
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanNamed(spans, 'usernameFlag')).toMatchObject({ bitMask: 0x80, value: '1' });
    expect(spanNamed(spans, 'will.qos')).toMatchObject({ bitMask: 0x18, value: '01' });
    expect(spanNamed(spans, 'reserved')).toMatchObject({ bitMask: 0x01, value: '0' });
    expect(spanAt(spans, 'will.topic')).toEqual([16, 19]);
    expect(spanAt(spans, 'will.payload')).toEqual([19, 24]);
    expect(spanAt(spans, 'username')).toEqual([24, 27]);
    expect(spanAt(spans, 'password')).toEqual([27, 30]);
  });

  test('a user name without a password; Clean Session 0 and keep alive 0', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x13,                               // remaining length 19
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x04,                               // protocol level 4
      0x80,                               // flags: User Name only
      0x00, 0x00,                         // keep alive 0: off
      0x00, 0x02, 0x63, 0x31,             // client identifier "c1"
      0x00, 0x03, 0x62, 0x6f, 0x62,       // user name "bob"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 4,
      clean: false,
      keepAlive: 0,
      clientId: 'c1',
      username: 'bob',
    };
    expectWire(bytes, packet, 4);
    expect(spanAt(spansOf(bytes, 4), 'username')).toEqual([16, 21]);
  });

  test('a user name and a password, which is binary data, not a string', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x15,                               // remaining length 21
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x04,                               // protocol level 4
      0xc2,                               // flags: User Name, Password, Clean Session
      0x00, 0x3c,                         // keep alive 60 s
      0x00, 0x02, 0x63, 0x31,             // client identifier "c1"
      0x00, 0x01, 0x75,                   // user name "u"
      0x00, 0x02, 0x00, 0xff,             // password: the bytes 00 FF
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepAlive: 60,
      clientId: 'c1',
      username: 'u',
      password: Uint8Array.of(0x00, 0xff),
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanNamed(spans, 'passwordFlag')).toMatchObject({ bitMask: 0x40, value: '1' });
    expect(spanAt(spans, 'password')).toEqual([19, 23]);
  });

  test('a QoS 2 will with an empty payload, and an empty client identifier', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x13,                               // remaining length 19
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x04,                               // protocol level 4
      0x16,                               // flags: Will QoS 10, Will, Clean Session
      0x00, 0x0a,                         // keep alive 10 s
      0x00, 0x00,                         // client identifier length 0: the server assigns one [MQTT-3.1.3-6]
      0x00, 0x03, 0x61, 0x2f, 0x62,       // will topic "a/b"
      0x00, 0x00,                         // will payload length 0
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepAlive: 10,
      clientId: '',
      will: { topic: 'a/b', payload: new Uint8Array(0), qos: 2, retain: false },
    };
    expectWire(bytes, packet, 4);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'clientId')).toEqual([12, 14]);
    expect(spanAt(spans, 'will.payload')).toEqual([19, 21]);
  });
});

describe('CONNECT 3.1', () => {
  test('protocol name "MQIsdp", level 3: decoded by 3.1.1 rules, whatever the caller says', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x10,                               // remaining length 16
      0x00, 0x06,                         // protocol name length 6
      0x4d, 0x51, 0x49, 0x73, 0x64, 0x70, // "MQIsdp"
      0x03,                               // protocol level 3 = 3.1
      0x02,                               // flags: Clean Session
      0x00, 0x0a,                         // keep alive 10 s
      0x00, 0x02, 0x63, 0x31,             // client identifier "c1"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQIsdp',
      protocolVersion: 3,
      clean: true,
      keepAlive: 10,
      clientId: 'c1',
    };
    expectWire(bytes, packet, 4);
    expect(decode(Uint8Array.from(bytes), 5).packet).toStrictEqual(packet);
    const spans = spansOf(bytes, 4);
    expect(spanAt(spans, 'protocolName')).toEqual([2, 10]);
    expect(spanNamed(spans, 'protocolVersion')).toMatchObject({ start: 10, end: 11, value: '3 = MQTT 3.1' });
  });
});

describe('CONNECT 5.0', () => {
  test('no properties: a Property Length of 0 [MQTT-2.2.2-1]', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x0f,                               // remaining length 15
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x05,                               // protocol level 5 = 5.0
      0x02,                               // flags: Clean Start
      0x00, 0x3c,                         // keep alive 60 s
      0x00,                               // property length 0
      0x00, 0x02, 0x63, 0x31,             // client identifier "c1"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 5,
      clean: true,
      keepAlive: 60,
      clientId: 'c1',
    };
    expectWire(bytes, packet, 5);
    expect(decode(Uint8Array.from(bytes), 4).packet).toStrictEqual(packet);
    const spans = spansOf(bytes, 5);
    expect(spanNamed(spans, 'clean')).toMatchObject({ label: 'field.cleanStart', bitMask: 0x02 });
    expect(spanAt(spans, 'properties')).toEqual([12, 13]);
    expect(spanAt(spans, 'clientId')).toEqual([13, 17]);
  });

  test('properties with a User Property, a will with will properties, a user name and a password', () => {
    // prettier-ignore
    const bytes = [
      0x10,                                     // CONNECT
      0x33,                                     // remaining length 51
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54,       // "MQTT"
      0x05,                                     // protocol level 5
      0xce,                                     // flags: User Name, Password, Will QoS 01, Will, Clean Start
      0x00, 0x1e,                               // keep alive 30 s
      0x0f,                                     // property length 15
      0x11, 0x00, 0x00, 0x0e, 0x10,             // Session Expiry Interval: 3600 s
      0x21, 0x00, 0x14,                         // Receive Maximum: 20
      0x26, 0x00, 0x01, 0x6b, 0x00, 0x01, 0x76, // User Property: "k" = "v"
      0x00, 0x02, 0x63, 0x31,                   // client identifier "c1"
      0x07,                                     // will property length 7
      0x18, 0x00, 0x00, 0x00, 0x05,             // Will Delay Interval: 5 s
      0x01, 0x01,                               // Payload Format Indicator: 1 (UTF-8)
      0x00, 0x01, 0x77,                         // will topic "w"
      0x00, 0x02, 0x6f, 0x6b,                   // will payload "ok"
      0x00, 0x01, 0x75,                         // user name "u"
      0x00, 0x01, 0x70,                         // password "p"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 5,
      clean: true,
      keepAlive: 30,
      clientId: 'c1',
      properties: { sessionExpiryInterval: 3600, receiveMaximum: 20, userProperties: [['k', 'v']] },
      will: {
        topic: 'w',
        payload: utf8('ok'),
        qos: 1,
        retain: false,
        properties: { willDelayInterval: 5, payloadFormatIndicator: 1 },
      },
      username: 'u',
      password: utf8('p'),
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanAt(spans, 'properties')).toEqual([12, 28]);
    expect(spanAt(spans, 'properties.sessionExpiryInterval')).toEqual([13, 18]);
    expect(spanAt(spans, 'properties.userProperties')).toEqual([21, 28]);
    expect(spanAt(spans, 'clientId')).toEqual([28, 32]);
    expect(spanAt(spans, 'will.properties')).toEqual([32, 40]);
    expect(spanAt(spans, 'will.properties.willDelayInterval')).toEqual([33, 38]);
    expect(spanAt(spans, 'will.topic')).toEqual([40, 43]);
    expect(spanAt(spans, 'will.payload')).toEqual([43, 47]);
    expect(spanAt(spans, 'username')).toEqual([47, 50]);
    expect(spanAt(spans, 'password')).toEqual([50, 53]);
  });

  test('a password without a user name (allowed in 5.0) and extended authentication', () => {
    // prettier-ignore
    const bytes = [
      0x10,                               // CONNECT
      0x19,                               // remaining length 25
      0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, // "MQTT"
      0x05,                               // protocol level 5
      0x42,                               // flags: Password, Clean Start
      0x00, 0x00,                         // keep alive 0
      0x08,                               // property length 8
      0x15, 0x00, 0x01, 0x6d,             // Authentication Method: "m"
      0x16, 0x00, 0x01, 0x01,             // Authentication Data: 01
      0x00, 0x00,                         // client identifier length 0
      0x00, 0x02, 0x70, 0x77,             // password "pw"
    ];
    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 5,
      clean: true,
      keepAlive: 0,
      clientId: '',
      properties: { authenticationMethod: 'm', authenticationData: Uint8Array.of(0x01) },
      password: utf8('pw'),
    };
    expectWire(bytes, packet, 5);
    const spans = spansOf(bytes, 5);
    expect(spanNamed(spans, 'usernameFlag')).toMatchObject({ value: '0' });
    expect(spanAt(spans, 'properties.authenticationData')).toEqual([17, 21]);
    expect(spanAt(spans, 'password')).toEqual([23, 27]);
  });
});
