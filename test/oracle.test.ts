/**
 * Differential test: our codec against mqtt-packet 9.0.2, an independent implementation.
 *
 * Part 1, valid packets of every type under 3.1.1 and 5.0 (test/support/arbitraries.ts):
 *   (a) our encode() bytes equal mqtt-packet's generate() bytes,
 *   (b) mqtt-packet's parser reads our bytes as the same fields,
 *   (c) our decode() of mqtt-packet's bytes gives our packet back,
 * except where the two differ on purpose or mqtt-packet falls short; each such case is named
 * below, handled on its own, and checked to be exactly that difference.
 *
 * Part 2, malformed bytes that mqtt-packet accepts and we reject, one rule per row.
 *
 * Shapes are mapped by test/support/mqtt-packet-shape.ts.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import './support/byte-equality.ts';
import {
  MqttError,
  PROPERTIES,
  decode,
  encode,
  type Packet,
  type PacketType,
  type ProtocolVersion,
} from '../engine/codec/index.ts';
import { arbitraryPacketOf, packetTypesOf } from './support/arbitraries.ts';
import {
  BOOLEAN_PROPERTIES,
  asMqttPacketParses,
  fromMqttPacket,
  inMqttPacketOrder,
  mqttPacketConstants,
  mqttPacketGenerate,
  mqttPacketParse,
  mqttPropertyName,
  toMqttPacket,
} from './support/mqtt-packet-shape.ts';

/** Fixed, so a failure is the same failure on every machine; change it to explore. */
const SEED = 0x4d515454; // "MQTT"
/** Per packet type and version: 29 × 1,000 = 29,000 packets, about 10 s. */
const RUNS = 1_000;
/** Generous: a second or so alone, but the machine running CI may be busy. Never an assertion on time. */
const TIMEOUT_MS = 60_000;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Byte equality, with a readable hex diff when it fails (hex of every 20 kB payload is slow). */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  if (Buffer.compare(actual, expected) !== 0) expect(hex(actual)).toBe(hex(expected));
}

function hasProperties(packet: Packet): boolean {
  return 'properties' in packet && packet.properties !== undefined && Object.keys(packet.properties).length > 0;
}

// ---------------------------------------------------------------- known differences

/**
 * Intended difference: the shortest form. MQTT 5.0 lets a sender leave out trailing fields that
 * hold their defaults. An ack (PUBACK, PUBREC, PUBREL, PUBCOMP) without properties may leave out
 * the Property Length, and with reason 0x00 the Reason Code too (§3.4.2.1, §3.4.2.2.1, likewise
 * §3.5–3.7); a DISCONNECT or AUTH with reason 0x00 and no properties may have remaining length 0,
 * and without properties may leave out the Property Length (§3.14.2.1, §3.14.2.2.1, §3.15.2.1,
 * §3.15.2.2.1). Our encoder always takes the shortest form. mqtt-packet takes it only for an ack
 * with reason 0x00; otherwise it writes the defaults out.
 *
 * Returns the bytes mqtt-packet writes after ours (none when the encodings should be equal).
 */
function defaultsMqttPacketWritesOut(packet: Packet, version: ProtocolVersion): number[] {
  if (version !== 5 || hasProperties(packet)) return [];
  switch (packet.type) {
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      return packet.reasonCode === 0 ? [] : [0x00 /* Property Length */];
    case 'DISCONNECT':
    case 'AUTH':
      return packet.reasonCode === 0 ? [0x00 /* Reason Code */, 0x00 /* Property Length */] : [0x00];
    default:
      return [];
  }
}

/** `bytes` (a packet under 128 bytes) with `extra` appended and the remaining length to match. */
function withTrailing(bytes: Uint8Array, extra: number[]): Uint8Array {
  expect(bytes[1]).toBeLessThan(128 - extra.length);
  return Uint8Array.from([bytes[0], bytes[1] + extra.length, ...bytes.subarray(2), ...extra]);
}

/**
 * mqtt-packet falls short: its generate() refuses two kinds of valid 5.0 CONNECT. Returns the
 * message it throws, or undefined when it should generate the packet.
 */
function mqttPacketRefusesToGenerate(packet: Packet): string | undefined {
  if (packet.type !== 'CONNECT' || packet.protocolVersion !== 5) return undefined;
  // (Checked in mqtt-packet's order: the first refusal is the one it throws.)
  // 5.0 allows an empty Client Identifier with Clean Start 0 (§3.1.3.1: the server assigns one, or
  // refuses with CONNACK 0x85; the packet is well-formed either way). 3.1.1 does not [MQTT-3.1.3-7],
  // and the arbitraries do not generate that under 3.1.1.
  if (packet.clientId === '' && !packet.clean) return 'clientId must be given if cleanSession set to 0';
  // 5.0 dropped 3.1.1's [MQTT-3.1.2-22]: a Password without a User Name is allowed (§3.1.2.9).
  if (packet.password !== undefined && packet.username === undefined) return 'Username is required to use password';
  return undefined;
}

/**
 * mqtt-packet falls short: its parser rejects two kinds of valid 5.0 bytes. Returns its message,
 * or undefined when it should parse them.
 */
function mqttPacketRefusesToParse(packet: Packet, bytes: Uint8Array): string | undefined {
  // An AUTH with remaining length 0 means reason 0x00, no properties (§3.15.2.1); mqtt-packet's
  // _parseAuth reads a reason code that is not there (undefined) and rejects it.
  if (packet.type === 'AUTH' && bytes.length === 2) return 'Invalid auth reason code';
  // 0x8C Bad authentication method: Table 2-6 (§2.4) lists it for CONNACK and DISCONNECT, and our
  // reason-code table follows Table 2-6; the DISCONNECT table of §3.14.2.1, which mqtt-packet
  // follows, leaves it out. The spec disagrees with itself here.
  if (packet.type === 'DISCONNECT' && packet.reasonCode === 0x8c) return 'Invalid disconnect reason code';
  return undefined;
}

// ---------------------------------------------------------------- part 1

/** What happened to one packet: which branch of the comparison it took. */
type Outcome =
  | 'same bytes'
  | 'shortest form'
  | 'mqtt-packet cannot generate'
  | 'mqtt-packet cannot parse ours'
  | 'mqtt-packet loses a user property';

function compareWithMqttPacket(packet: Packet, version: ProtocolVersion, outcomes: Set<Outcome>): void {
  const ours = encode(packet, version);
  expect(decode(ours, version).packet).toStrictEqual(packet);

  // mqtt-packet keeps user properties in an object: it can only write (and only reads back) the
  // pairs grouped by key, integer-like keys first. Compare against our packet in that order.
  const expected = inMqttPacketOrder(packet);
  const oursInTheirOrder = encode(expected, version);

  // (b) mqtt-packet reads our bytes as the same fields.
  const parseRefusal = mqttPacketRefusesToParse(packet, ours);
  const parsed = mqttPacketParse(ours, version);
  if (parseRefusal) {
    expect(parsed.error?.message).toBe(parseRefusal);
    outcomes.add('mqtt-packet cannot parse ours');
  } else {
    expect(parsed.error).toBeUndefined();
    expect(parsed.packets).toHaveLength(1);
    // mqtt-packet's parser loses a repeated user property whose first value is '' (a bug of
    // theirs, see asMqttPacketParses): expect exactly that loss, and nothing else.
    const asTheyRead = asMqttPacketParses(packet);
    expect(fromMqttPacket(parsed.packets[0], version)).toStrictEqual(asTheyRead);
    if (!isDeepStrictEqual(asTheyRead, expected)) outcomes.add('mqtt-packet loses a user property');
  }

  // (a) the same bytes, or the named difference.
  const generateRefusal = mqttPacketRefusesToGenerate(packet);
  if (generateRefusal) {
    expect(() => mqttPacketGenerate(packet, version)).toThrow(generateRefusal);
    outcomes.add('mqtt-packet cannot generate');
    return;
  }
  const theirs = mqttPacketGenerate(packet, version);
  const extra = defaultsMqttPacketWritesOut(packet, version);
  if (extra.length === 0) {
    expectSameBytes(theirs, oursInTheirOrder);
    outcomes.add('same bytes');
  } else {
    // Exactly the omitted defaults differ, and each decoder reads the other's form alike.
    expectSameBytes(theirs, withTrailing(oursInTheirOrder, extra));
    const reparsed = mqttPacketParse(theirs, version);
    expect(reparsed.error).toBeUndefined();
    expect(fromMqttPacket(reparsed.packets[0], version)).toStrictEqual(asMqttPacketParses(packet));
    outcomes.add('shortest form');
  }

  // (c) our decoder reads mqtt-packet's bytes as our packet.
  const decoded = decode(theirs, version);
  expect(decoded.length).toBe(theirs.length);
  expect(decoded.packet).toStrictEqual(expected);
}

/** Outcomes each type must reach within RUNS, so no branch above is dead code. */
function requiredOutcomes(type: PacketType, version: ProtocolVersion): Outcome[] {
  if (version === 4) return ['same bytes'];
  switch (type) {
    case 'CONNECT':
      return ['same bytes', 'mqtt-packet cannot generate'];
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      return ['same bytes', 'shortest form'];
    case 'DISCONNECT':
    case 'AUTH':
      return ['same bytes', 'shortest form', 'mqtt-packet cannot parse ours'];
    default:
      return ['same bytes'];
  }
}

function hasUserProperties(type: PacketType, version: ProtocolVersion): boolean {
  return version === 5 && PROPERTIES.some((p) => p.name === 'userProperties' && p.places.includes(type));
}

describe('the mapping to mqtt-packet covers every property', () => {
  test.each(PROPERTIES.map((p) => [p.name, p] as const))('%s', (_, info) => {
    const theirs = mqttPropertyName(info.name);
    expect(mqttPacketConstants.properties[theirs]).toBe(info.id);
    // mqtt-packet's 'byte' properties are booleans; its 'int8' (maximumQoS) stays a number.
    expect(BOOLEAN_PROPERTIES.has(info.name)).toBe(mqttPacketConstants.propertiesTypes[theirs] === 'byte');
  });
});

for (const version of [4, 5] as const) {
  describe(`valid ${version === 5 ? 'MQTT 5.0' : 'MQTT 3.1.1'} packets agree with mqtt-packet`, () => {
    test.each(packetTypesOf(version))(
      '%s',
      (type) => {
        const outcomes = new Set<Outcome>();
        fc.assert(
          fc.property(arbitraryPacketOf(type, version), (packet) => compareWithMqttPacket(packet, version, outcomes)),
          { seed: SEED, numRuns: RUNS },
        );
        const required = requiredOutcomes(type, version);
        // A type may also meet the user-property loss, if it can carry user properties.
        const allowed = hasUserProperties(type, version)
          ? [...required, 'mqtt-packet loses a user property']
          : required;
        expect([...outcomes].filter((o) => !allowed.includes(o))).toEqual([]);
        expect(required.filter((o) => !outcomes.has(o))).toEqual([]);
      },
      TIMEOUT_MS,
    );
  });
}

describe('user properties that mqtt-packet cannot keep in order', () => {
  test('interleaved keys: it writes them grouped by key, and we read its bytes in that order', () => {
    const packet: Packet = {
      type: 'PUBACK',
      packetId: 7,
      reasonCode: 0,
      properties: {
        userProperties: [
          ['b', '1'],
          ['a', '2'],
          ['b', '3'],
          ['7', '4'],
        ],
      },
    };
    const theirs = mqttPacketGenerate(packet, 5);
    expect(decode(theirs, 5).packet).toStrictEqual({
      ...packet,
      properties: {
        userProperties: [
          ['7', '4'], // an integer-like key comes first in a JavaScript object
          ['b', '1'],
          ['b', '3'],
          ['a', '2'],
        ],
      },
    });
    expect(hex(theirs)).not.toBe(hex(encode(packet, 5)));
    expect(toMqttPacket(packet, 5).properties).toEqual({ userProperties: { b: ['1', '3'], a: '2', 7: '4' } });
  });
});

// ---------------------------------------------------------------- part 2

/** Bytes of a UTF-8 string field: 2-byte length, then the bytes. */
function str(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [bytes.length >> 8, bytes.length & 0xff, ...bytes];
}

/** A packet: first byte, remaining length (one byte; these are short), then the body. */
function pkt(first: number, ...body: Array<number | number[]>): Uint8Array {
  const flat = body.flat();
  expect(flat.length).toBeLessThan(128);
  return Uint8Array.from([first, flat.length, ...flat]);
}

const bytesOf = (spaced: string) => Uint8Array.from(spaced.split(/\s+/).map((h) => parseInt(h, 16)));

interface Stricter {
  /** What is wrong, in one line. */
  reason: string;
  version: ProtocolVersion;
  bytes: Uint8Array;
  /** Our error code and the rule it cites. */
  code: string;
  rule: string;
}

const CONNECT_HEADER_4 = [...str('MQTT'), 4];
const CONNECT_HEADER_5 = [...str('MQTT'), 5];

/**
 * Malformed (or protocol-violating) packets that mqtt-packet parses without complaint and our
 * decoder rejects. Each row is checked both ways: mqtt-packet emits a packet and no error; we throw
 * an MqttError with that code and rule.
 */
const STRICTER: Stricter[] = [
  // ---- topic names and filters
  {
    reason: 'a topic name must not contain +',
    version: 4,
    bytes: pkt(0x30, str('a/+'), [0x68, 0x69]),
    code: 'topic-wildcard',
    rule: 'MQTT-3.3.2-2',
  },
  {
    reason: 'a topic name must not contain #',
    version: 5,
    bytes: pkt(0x30, str('a/#'), 0x00),
    code: 'topic-wildcard',
    rule: 'MQTT-3.3.2-2',
  },
  {
    reason: 'a topic name must be at least one character long',
    version: 4,
    bytes: pkt(0x30, str(''), 0x68),
    code: 'topic-empty',
    rule: 'MQTT-4.7.3-1',
  },
  {
    reason: '5.0: an empty topic name needs a Topic Alias',
    version: 5,
    bytes: pkt(0x30, str(''), 0x00),
    code: 'topic-alias-required',
    rule: '§3.3.2.1',
  },
  {
    reason: 'a will topic must not contain wildcards',
    version: 4,
    bytes: pkt(0x10, CONNECT_HEADER_4, 0x06, [0, 60], str('c'), str('a/#'), [0, 0]),
    code: 'topic-wildcard',
    rule: 'MQTT-4.7.1-1',
  },
  {
    reason: '5.0: a Response Topic is a topic name, without wildcards',
    version: 5,
    bytes: pkt(0x30, str('t'), [6, 0x08], str('r/+')),
    code: 'topic-wildcard',
    rule: 'MQTT-3.3.2-14',
  },
  {
    reason: '# must be the last level of a filter',
    version: 4,
    bytes: pkt(0x82, [0, 1], str('a/#/b'), 0x00),
    code: 'filter-hash-position',
    rule: 'MQTT-4.7.1-2',
  },
  {
    reason: '+ must be a whole level of a filter',
    version: 4,
    bytes: pkt(0x82, [0, 1], str('a+'), 0x01),
    code: 'filter-plus-position',
    rule: 'MQTT-4.7.1-3',
  },
  {
    reason: 'a filter must be at least one character long',
    version: 4,
    bytes: pkt(0x82, [0, 1], str(''), 0x00),
    code: 'topic-empty',
    rule: 'MQTT-4.7.3-1',
  },
  {
    reason: 'UNSUBSCRIBE filters are filters too: # only at the end',
    version: 5,
    bytes: pkt(0xa2, [0, 1], 0x00, str('#/a')),
    code: 'filter-hash-position',
    rule: 'MQTT-4.7.1-1',
  },
  {
    reason: '5.0: a shared subscription needs a ShareName',
    version: 5,
    bytes: pkt(0x82, [0, 1], 0x00, str('$share//a'), 0x00),
    code: 'shared-subscription-invalid',
    rule: 'MQTT-4.8.2-1',
  },
  {
    reason: '5.0: No Local must not be set on a shared subscription',
    version: 5,
    bytes: pkt(0x82, [0, 1], 0x00, str('$share/g/a'), 0x04),
    code: 'no-local-shared',
    rule: 'MQTT-3.8.3-4',
  },
  // ---- strings
  {
    reason: 'a UTF-8 string must not contain U+0000',
    version: 4,
    bytes: pkt(0x30, [0, 3, 0x61, 0x00, 0x62]),
    code: 'utf8-null',
    rule: 'MQTT-1.5.3-2',
  },
  {
    reason: '5.0: nor may a user property key',
    version: 5,
    bytes: pkt(0x40, [0, 1], 0x00, 0x07, [0x26, 0, 1, 0x00], str('v')),
    code: 'utf8-null',
    rule: 'MQTT-1.5.4-2',
  },
  {
    reason: 'a string must be well-formed UTF-8 (mqtt-packet reads 0xFF as U+FFFD)',
    version: 4,
    bytes: pkt(0x30, [0, 2, 0x61, 0xff]),
    code: 'utf8-ill-formed',
    rule: 'MQTT-1.5.3-1',
  },
  {
    reason: 'an overlong encoding (C0 AF for "/") is not well-formed UTF-8',
    version: 4,
    bytes: pkt(0x30, [0, 3, 0x61, 0xc0, 0xaf]),
    code: 'utf8-ill-formed',
    rule: 'MQTT-1.5.3-1',
  },
  {
    reason: 'UTF-8 must not encode a surrogate (ED A0 80 is U+D800)',
    version: 4,
    bytes: pkt(0x30, [0, 3, 0xed, 0xa0, 0x80]),
    code: 'utf8-surrogate',
    rule: 'MQTT-1.5.3-1',
  },
  // ---- fixed header and lengths
  {
    reason: 'DUP must be 0 on a QoS 0 PUBLISH',
    version: 4,
    bytes: pkt(0x38, str('t')),
    code: 'dup-qos-0',
    rule: 'MQTT-3.3.1-2',
  },
  {
    reason: '5.0: a remaining length must use the fewest bytes (80 00 is 0 in two)',
    version: 5,
    bytes: bytesOf('c0 80 00'),
    code: 'varint-not-minimal',
    rule: 'MQTT-1.5.5-1',
  },
  {
    reason: '5.0: so must a Property Length',
    version: 5,
    bytes: bytesOf('40 05 00 01 00 80 00'),
    code: 'varint-not-minimal',
    rule: 'MQTT-1.5.5-1',
  },
  {
    reason: 'a PINGREQ has remaining length 0',
    version: 4,
    bytes: pkt(0xc0, 0x00),
    code: 'remaining-length-mismatch',
    rule: '§3.12.1',
  },
  {
    reason: 'a 3.1.1 DISCONNECT has remaining length 0',
    version: 4,
    bytes: pkt(0xe0, 0x00),
    code: 'remaining-length-mismatch',
    rule: '§3.14.1',
  },
  {
    reason: 'no bytes may follow the last field of a CONNECT',
    version: 4,
    bytes: pkt(0x10, CONNECT_HEADER_4, 0x02, [0, 60], str('c'), 0x00),
    code: 'trailing-bytes',
    rule: '§2.2.3',
  },
  {
    reason: '5.0: a property must end within the Property Length',
    version: 5,
    bytes: pkt(0x40, [0, 1], 0x00, 0x01, [0x1f], str('x')),
    code: 'field-past-end',
    rule: '§2.1.4',
  },
  // ---- packet identifiers and payload counts
  {
    reason: 'a QoS 1 PUBLISH needs a non-zero packet identifier',
    version: 4,
    bytes: pkt(0x32, str('t'), [0, 0]),
    code: 'packet-id-zero',
    rule: 'MQTT-2.3.1-1',
  },
  {
    reason: '5.0: so does a PUBACK',
    version: 5,
    bytes: pkt(0x40, [0, 0]),
    code: 'packet-id-zero',
    rule: 'MQTT-2.2.1-5',
  },
  {
    reason: 'a SUBSCRIBE needs at least one topic filter',
    version: 4,
    bytes: pkt(0x82, [0, 1]),
    code: 'no-topic-filters',
    rule: 'MQTT-3.8.3-3',
  },
  {
    reason: 'an UNSUBSCRIBE needs at least one topic filter',
    version: 4,
    bytes: pkt(0xa2, [0, 1]),
    code: 'no-topic-filters',
    rule: 'MQTT-3.10.3-2',
  },
  {
    reason: 'a SUBACK needs a return code per filter, so at least one',
    version: 4,
    bytes: pkt(0x90, [0, 1]),
    code: 'no-reason-codes',
    rule: 'MQTT-3.8.4-5',
  },
  {
    reason: '5.0: an UNSUBACK needs a reason code per filter, so at least one',
    version: 5,
    bytes: pkt(0xb0, [0, 1], 0x00),
    code: 'no-reason-codes',
    rule: 'MQTT-3.11.3-1',
  },
  // ---- CONNECT and CONNACK
  {
    reason: '3.1.1: no Password without a User Name',
    version: 4,
    bytes: pkt(0x10, CONNECT_HEADER_4, 0x42, [0, 60], str('c'), [0, 1, 0x70]),
    code: 'password-without-username',
    rule: 'MQTT-3.1.2-22',
  },
  {
    reason: 'Will QoS 3 is not a QoS',
    version: 4,
    bytes: pkt(0x10, CONNECT_HEADER_4, 0x1e, [0, 60], str('c'), str('w'), [0, 0]),
    code: 'will-qos-3',
    rule: 'MQTT-3.1.2-14',
  },
  {
    reason: 'protocol name "MQIsdp" belongs to level 3, not 4',
    version: 4,
    bytes: pkt(0x10, str('MQIsdp'), 4, 0x02, [0, 60], str('c')),
    code: 'protocol-name-level',
    rule: 'MQTT-3.1.2-1',
  },
  {
    reason: '3.1.1: CONNACK return codes stop at 5',
    version: 4,
    bytes: pkt(0x20, 0x00, 0x06),
    code: 'reason-code-invalid',
    rule: '§3.2.2.3',
  },
  {
    reason: 'Session Present must be 0 when the connection is refused',
    version: 4,
    bytes: pkt(0x20, 0x01, 0x05),
    code: 'session-present-with-error',
    rule: 'MQTT-3.2.2-4',
  },
  {
    reason: '5.0: 0x04 (Disconnect with Will Message) is not a CONNACK reason code',
    version: 5,
    bytes: pkt(0x20, 0x00, 0x04, 0x00),
    code: 'reason-code-invalid',
    rule: 'MQTT-3.2.2-8',
  },
  // ---- 5.0 properties
  {
    reason: '5.0: Topic Alias may not appear in CONNECT',
    version: 5,
    bytes: pkt(0x10, CONNECT_HEADER_5, 0x02, [0, 60], [3, 0x23, 0, 1], str('c')),
    code: 'property-not-allowed',
    rule: '§2.2.2.2',
  },
  {
    reason: '5.0: Session Expiry Interval may appear only once',
    version: 5,
    bytes: pkt(0x20, 0x00, 0x00, [10, 0x11, 0, 0, 0, 1, 0x11, 0, 0, 0, 2]),
    code: 'property-repeated',
    rule: '§3.2.2.3.2',
  },
  {
    reason: '5.0: one Subscription Identifier per SUBSCRIBE',
    version: 5,
    bytes: pkt(0x82, [0, 1], [4, 0x0b, 1, 0x0b, 2], str('a'), 0x00),
    code: 'property-repeated',
    rule: '§3.8.2.1.2',
  },
  {
    reason: '5.0: Topic Alias 0 is not a topic alias',
    version: 5,
    bytes: pkt(0x30, str('t'), [3, 0x23, 0, 0]),
    code: 'property-value',
    rule: 'MQTT-3.3.2-8',
  },
  {
    reason: '5.0: Subscription Identifier 0 is not allowed',
    version: 5,
    bytes: pkt(0x30, str('t'), [2, 0x0b, 0]),
    code: 'property-value',
    rule: '§3.3.2.3.8',
  },
  {
    reason: '5.0: Payload Format Indicator is 0 or 1',
    version: 5,
    bytes: pkt(0x30, str('t'), [2, 0x01, 2]),
    code: 'property-value',
    rule: '§3.3.2.3.2',
  },
  {
    reason: '5.0: Receive Maximum 0 is a protocol error',
    version: 5,
    bytes: pkt(0x20, 0x00, 0x00, [3, 0x21, 0, 0]),
    code: 'property-value',
    rule: '§3.2.2.3.3',
  },
  {
    reason: '5.0: Maximum QoS is 0 or 1',
    version: 5,
    bytes: pkt(0x20, 0x00, 0x00, [2, 0x24, 2]),
    code: 'property-value',
    rule: '§3.2.2.3.4',
  },
];

function ourError(bytes: Uint8Array, version: ProtocolVersion): MqttError {
  try {
    decode(bytes, version);
  } catch (error) {
    if (error instanceof MqttError) return error;
    throw error;
  }
  throw new Error(`decoded without error: ${hex(bytes)}`);
}

describe('malformed packets mqtt-packet accepts and we reject', () => {
  test.each(STRICTER.map((row) => [row.reason, row] as const))('%s', (_, row) => {
    const theirs = mqttPacketParse(row.bytes, row.version);
    expect(theirs.error).toBeUndefined();
    expect(theirs.packets).toHaveLength(1);

    const error = ourError(row.bytes, row.version);
    expect({ code: error.code, rule: error.rule, incomplete: error.incomplete }).toEqual({
      code: row.code,
      rule: row.rule,
      incomplete: false,
    });
  });
});

/**
 * For the record: malformed bytes both reject (the brief guessed some of these were mqtt-packet
 * blind spots; they are not).
 */
const BOTH_REJECT: Array<[reason: string, version: ProtocolVersion, bytes: Uint8Array, code: string]> = [
  [
    '5.0: reserved subscription option bits 7–6',
    5,
    pkt(0x82, [0, 1], 0x00, str('a'), 0xc0),
    'subscription-options-reserved',
  ],
  [
    '3.1.1: reserved subscription option bits 7–2',
    4,
    pkt(0x82, [0, 1], str('a'), 0x04),
    'subscription-options-reserved',
  ],
  ['a remaining length of five bytes', 4, bytesOf('c0 ff ff ff ff 01'), 'varint-too-long'],
  ['AUTH under 3.1.1', 4, bytesOf('f0 00'), 'reserved-type'],
  ['QoS 3', 4, pkt(0x36, str('t'), [0, 1]), 'qos-3'],
  ['retain handling 3', 5, pkt(0x82, [0, 1], 0x00, str('a'), 0x30), 'retain-handling-3'],
];

describe('malformed packets both reject', () => {
  test.each(BOTH_REJECT)('%s', (_, version, bytes, code) => {
    expect(mqttPacketParse(bytes, version).error).toBeInstanceOf(Error);
    expect(ourError(bytes, version).code).toBe(code);
  });
});

/**
 * mqtt-packet bugs found on the way (not ours; recorded so a future mqtt-packet can be rechecked):
 * its 5.0 DISCONNECT parser looks at the whole buffer, not the packet, for a reason code, so a
 * DISCONNECT with remaining length 0 followed by another packet in the same chunk takes the next
 * packet's first byte as its reason code.
 */
describe('mqtt-packet reading past a packet', () => {
  test('DISCONNECT (remaining length 0) then PINGREQ in one chunk', () => {
    const stream = bytesOf('e0 00 c0 00');
    expect(mqttPacketParse(stream, 5).error?.message).toBe('Invalid disconnect reason code');
    const first = decode(stream, 5);
    expect(first).toMatchObject({ packet: { type: 'DISCONNECT', reasonCode: 0 }, length: 2 });
    expect(decode(stream.subarray(first.length), 5).packet).toEqual({ type: 'PINGREQ' });
  });
});
