/**
 * fast-check arbitraries for VALID packets in our shape (engine/codec/packets/*.ts), for MQTT 3.1.1
 * (version 4) and 5.0 (version 5).
 *
 * Every packet generated here is canonical: it is exactly what `decode` returns for its own encoding
 * (no `properties: {}`, no empty `userProperties`, `packetId` only on QoS > 0 PUBLISH, the 5.0-only
 * fields present under 5.0 and absent under 3.1.1), so `decode(encode(p, v), v).packet` equals `p`.
 *
 * What "valid" covers:
 * - strings: any Unicode scalar value except U+0000 [MQTT-1.5.3-2], never a lone surrogate
 *   [MQTT-1.5.3-1]; mostly ASCII, with 2-, 3- and 4-byte UTF-8 characters mixed in;
 * - topic names without wildcards, topic filters with `+` and `#` where they may stand, and 5.0
 *   shared subscriptions (`$share/<name>/<filter>`, never with No Local [MQTT-3.8.3-4]);
 * - 5.0 properties: any subset, in any order, of the properties the PROPERTIES table allows in that
 *   place, with values inside the table's checks; repeated user property keys and repeated
 *   Subscription Identifiers (PUBLISH) included;
 * - reason codes: any code the reason-code table allows for that packet and version.
 */
import fc from 'fast-check';
import type {
  AuthPacket,
  ConnackPacket,
  ConnectPacket,
  DisconnectPacket,
  Packet,
  PacketOf,
  PacketType,
  Properties,
  ProtocolVersion,
  PublishPacket,
  QoS,
  SubackPacket,
  SubscribePacket,
  Subscription,
  UnsubackPacket,
  UnsubscribePacket,
  Will,
} from '../../engine/codec/index.ts';
import {
  PACKET_TYPES,
  PROPERTIES,
  REASON_CODES_4,
  REASON_CODES_5,
  type PropertyInfo,
} from '../../engine/codec/index.ts';
import type { PropertyPlace } from '../../engine/codec/properties.ts';

type Arb<T> = fc.Arbitrary<T>;

// ---------------------------------------------------------------- characters and strings

const codePoint = (cp: number) => String.fromCodePoint(cp);
/** Printable ASCII, the bulk of real MQTT strings. */
const printableAscii: Arb<string> = fc.integer({ min: 0x20, max: 0x7e }).map(codePoint);
/** Control characters other than U+0000: legal, if discouraged [MQTT-1.5.3-3 is a SHOULD NOT]. */
const controlChar: Arb<string> = fc.oneof(fc.integer({ min: 0x01, max: 0x1f }), fc.constant(0x7f)).map(codePoint);
/** Two-byte UTF-8. */
const twoByteChar: Arb<string> = fc.integer({ min: 0x80, max: 0x7ff }).map(codePoint);
/** Three-byte UTF-8, skipping the surrogate block D800–DFFF. */
const threeByteChar: Arb<string> = fc
  .integer({ min: 0x800, max: 0xffff - 0x800 })
  .map((n) => codePoint(n < 0xd800 ? n : n + 0x800));
/** Four-byte UTF-8: a surrogate pair in JavaScript, one code point on the wire. */
const fourByteChar: Arb<string> = fc.integer({ min: 0x10000, max: 0x10ffff }).map(codePoint);

/** One Unicode scalar value an MQTT string may hold: never U+0000, never a lone surrogate. */
export const mqttChar: Arb<string> = fc.oneof(
  { arbitrary: printableAscii, weight: 12 },
  { arbitrary: controlChar, weight: 1 },
  { arbitrary: twoByteChar, weight: 2 },
  { arbitrary: threeByteChar, weight: 2 },
  { arbitrary: fourByteChar, weight: 1 },
);

/** A UTF-8 string field (§1.5.3 / §1.5.4); `maxLength` counts characters, kept small. */
export function mqttString(maxLength = 16, minLength = 0): Arb<string> {
  return fc.string({ unit: mqttChar, minLength, maxLength });
}

/** Characters of one topic level: anything but the separator and the two wildcards. */
const levelChar: Arb<string> = mqttChar.filter((c) => c !== '/' && c !== '+' && c !== '#');
const levelText: Arb<string> = fc.oneof(
  { arbitrary: fc.string({ unit: levelChar, maxLength: 8 }), weight: 8 },
  { arbitrary: fc.constantFrom('$SYS', 'sensors', 'a', 'temp', '$share', ' '), weight: 2 },
);

/** A topic name [§4.7]: one or more levels, no wildcards, at least one character [MQTT-4.7.3-1]. */
export const topicName: Arb<string> = fc
  .array(levelText, { minLength: 1, maxLength: 5 })
  .map((levels) => levels.join('/'))
  .filter((t) => t.length > 0);

/** A topic filter [§4.7.1]: `+` as a whole level, `#` as the last whole level. */
function plainTopicFilter(version: ProtocolVersion): Arb<string> {
  return fc
    .tuple(
      fc.array(fc.oneof({ arbitrary: levelText, weight: 3 }, { arbitrary: fc.constant('+'), weight: 1 }), {
        maxLength: 5,
      }),
      fc.boolean(),
    )
    .map(([levels, hash]) => (hash ? [...levels, '#'] : levels).join('/'))
    .filter((f) => f.length > 0 && !(version === 5 && f.startsWith('$share/')));
}

/** 5.0 shared subscription [§4.8.2]: `$share/<ShareName>/<filter>`, ShareName without / + #. */
const sharedTopicFilter: Arb<string> = fc
  .tuple(fc.string({ unit: levelChar, minLength: 1, maxLength: 6 }), plainTopicFilter(5))
  .map(([name, filter]) => `$share/${name}/${filter}`);

export function topicFilter(version: ProtocolVersion): Arb<string> {
  return version === 5
    ? fc.oneof({ arbitrary: plainTopicFilter(5), weight: 5 }, { arbitrary: sharedTopicFilter, weight: 1 })
    : plainTopicFilter(4);
}

// ---------------------------------------------------------------- numbers and bytes

export const packetId: Arb<number> = fc.oneof(
  fc.integer({ min: 1, max: 65_535 }),
  fc.constantFrom(1, 127, 128, 255, 256, 65_535),
);
export const qos: Arb<QoS> = fc.constantFrom<QoS>(0, 1, 2);
const u16: Arb<number> = fc.oneof(fc.integer({ min: 0, max: 65_535 }), fc.constantFrom(0, 1, 255, 256, 65_535));
const u32: Arb<number> = fc.oneof(
  fc.integer({ min: 0, max: 0xffff_ffff }),
  fc.constantFrom(0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff),
);
/** A Variable Byte Integer value, biased to the edges of 1-, 2-, 3- and 4-byte encodings. */
const varintValue = (min: number): Arb<number> =>
  fc.oneof(
    fc.integer({ min, max: 268_435_455 }),
    fc.constantFrom(127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455).filter((n) => n >= min),
  );

/** Small binary fields (will payload, password, correlation data, authentication data). */
export const smallBytes: Arb<Uint8Array> = fc.uint8Array({ maxLength: 24 });

/**
 * An application payload: mostly short, sometimes long enough to take a 2- or 3-byte remaining
 * length (the long ones are a pattern, not random bytes, to keep generation fast).
 */
export const payload: Arb<Uint8Array> = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 12 },
  { arbitrary: fc.uint8Array({ minLength: 100, maxLength: 300 }), weight: 2 },
  {
    arbitrary: fc.integer({ min: 16_300, max: 20_000 }).map((n) => Uint8Array.from({ length: n }, (_, i) => i * 31)),
    weight: 1,
  },
);

// ---------------------------------------------------------------- properties

/** User property pairs: repeated keys are allowed and kept in order [§3.1.2.11.8]. */
const userProperties: Arb<Array<[string, string]>> = fc.array(
  fc.tuple(fc.oneof(mqttString(8), fc.constantFrom('k', 'region', '1', '0', '__proto__')), mqttString(8)),
  { minLength: 1, maxLength: 4 },
);

/** Values a property may carry: its type, narrowed by the table's `check`. */
function propertyValue(info: PropertyInfo, place: PropertyPlace): Arb<unknown> {
  const check = info.check;
  if (info.name === 'subscriptionIdentifiers') {
    // Several in a PUBLISH to a client (one per matching subscription), one in a SUBSCRIBE.
    return fc.array(varintValue(check?.min ?? 1), { minLength: 1, maxLength: place === 'PUBLISH' ? 3 : 1 });
  }
  if (info.name === 'responseTopic') return topicName; // [MQTT-3.3.2-14]: no wildcards
  if (check?.allowed) return fc.constantFrom(...check.allowed);
  const min = check?.min ?? 0;
  switch (info.type) {
    case 'byte':
      return fc.integer({ min, max: check?.max ?? 255 });
    case 'u16':
      return u16.filter((n) => n >= min);
    case 'u32':
      return u32.filter((n) => n >= min);
    case 'varint':
      return varintValue(min);
    case 'utf8':
      return mqttString(12);
    case 'binary':
      return smallBytes;
    case 'pair':
      return userProperties;
  }
}

const propertyArbs = new Map<PropertyPlace, Record<string, Arb<unknown>>>();
function propertyArbsFor(place: PropertyPlace): Record<string, Arb<unknown>> {
  let arbs = propertyArbs.get(place);
  if (!arbs) {
    arbs = {};
    for (const info of PROPERTIES) if (info.places.includes(place)) arbs[info.name] = propertyValue(info, place);
    propertyArbs.set(place, arbs);
  }
  return arbs;
}

/**
 * 5.0 properties for `place` (a packet type, or 'WILL'): any subset of what the PROPERTIES table
 * allows there, in a random key order (the encoder writes them in key order), or `undefined` when
 * the subset is empty, as the decoder returns it.
 */
export function properties(place: PropertyPlace): Arb<Properties | undefined> {
  const arbs = propertyArbsFor(place);
  return fc
    .record(arbs, { requiredKeys: [] })
    .chain((picked) => {
      // "It is a Protocol Error to include Authentication Data if there is no Authentication
      // Method" (§3.1.2.11.10); the data means nothing without a method anywhere else either.
      const entries = Object.entries(picked).filter(
        ([name]) => name !== 'authenticationData' || picked.authenticationMethod !== undefined,
      );
      return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length });
    })
    .map((entries) => (entries.length === 0 ? undefined : (Object.fromEntries(entries) as Properties)));
}

/** Sets `packet.properties` only when there are some (the canonical, decoded shape). */
function withProperties<P extends { properties?: Properties }>(packet: P, props: Properties | undefined): P {
  if (props) packet.properties = props;
  return packet;
}

function propertiesFor(version: ProtocolVersion, place: PropertyPlace): Arb<Properties | undefined> {
  return version === 5 ? properties(place) : fc.constant(undefined);
}

// ---------------------------------------------------------------- reason codes

/** The codes a packet may carry under a version, as the reason-code table says. */
export function reasonCodesOf(type: PacketType, version: ProtocolVersion): number[] {
  const table = version === 5 ? REASON_CODES_5 : REASON_CODES_4;
  return [...new Set(table.filter((r) => r.packets.includes(type)).map((r) => r.code))];
}

function reasonCode(type: PacketType, version: ProtocolVersion): Arb<number> {
  const codes = reasonCodesOf(type, version);
  // Success (0) half the time when it is allowed: it is the common case and takes the short forms.
  return codes.includes(0) ? fc.oneof(fc.constant(0), fc.constantFrom(...codes)) : fc.constantFrom(...codes);
}

// ---------------------------------------------------------------- packets

function will(version: ProtocolVersion): Arb<Will> {
  return fc
    .record({
      topic: topicName,
      payload: smallBytes,
      qos,
      retain: fc.boolean(),
      properties: propertiesFor(version, 'WILL'),
    })
    .map(({ properties: props, ...rest }) => withProperties<Will>(rest, props));
}

/**
 * CONNECT. Under version 4 the protocol level is 4 (3.1.1) or, now and then, 3 (3.1, "MQIsdp"),
 * which decodes by 3.1.1's rules; under version 5 it is 5.
 */
export function arbitraryConnect(version: ProtocolVersion): Arb<ConnectPacket> {
  const level: Arb<3 | 4 | 5> =
    version === 5 ? fc.constant(5) : fc.oneof({ arbitrary: fc.constant(4), weight: 5 }, fc.constant(3));
  return fc
    .record({
      level,
      clean: fc.boolean(),
      keepAlive: u16,
      clientId: mqttString(23),
      will: fc.option(will(version), { nil: undefined }),
      username: fc.option(mqttString(12), { nil: undefined }),
      password: fc.option(smallBytes, { nil: undefined }),
      properties: propertiesFor(version, 'CONNECT'),
    })
    .map((r) => {
      const packet: ConnectPacket = {
        type: 'CONNECT',
        protocolName: r.level === 3 ? 'MQIsdp' : 'MQTT',
        protocolVersion: r.level,
        clean: r.clean,
        keepAlive: r.keepAlive,
        clientId: r.clientId,
      };
      // 3.1: a client identifier of 1–23 characters; 3.1.1: an empty one only with CleanSession
      // [MQTT-3.1.3-7]. 5.0 allows an empty one either way (the server assigns one).
      if (r.level === 3 && packet.clientId === '') packet.clientId = 'c';
      if (r.level === 4 && packet.clientId === '') packet.clean = true;
      if (r.will) packet.will = r.will;
      if (r.username !== undefined) packet.username = r.username;
      // 3.1 and 3.1.1: no password without a user name [MQTT-3.1.2-22]; 5.0 allows it.
      if (r.password !== undefined && (r.level === 5 || r.username !== undefined)) packet.password = r.password;
      return withProperties(packet, r.properties);
    });
}

export function arbitraryConnack(version: ProtocolVersion): Arb<ConnackPacket> {
  return fc
    .record({
      sessionPresent: fc.boolean(),
      reasonCode: reasonCode('CONNACK', version),
      properties: propertiesFor(version, 'CONNACK'),
    })
    .map((r) =>
      withProperties<ConnackPacket>(
        // Session Present only with success [MQTT-3.2.2-4] / [MQTT-3.2.2-6].
        { type: 'CONNACK', sessionPresent: r.sessionPresent && r.reasonCode === 0, reasonCode: r.reasonCode },
        r.properties,
      ),
    );
}

export function arbitraryPublish(version: ProtocolVersion): Arb<PublishPacket> {
  return fc
    .record({
      qos,
      dup: fc.boolean(),
      retain: fc.boolean(),
      topic: topicName,
      packetId,
      payload,
      properties: propertiesFor(version, 'PUBLISH'),
      // 5.0: with a Topic Alias the topic name may be empty (§3.3.2.3.4).
      emptyTopic: fc.boolean(),
    })
    .map((r) => {
      const topic = r.properties?.topicAlias !== undefined && r.emptyTopic ? '' : r.topic;
      const packet: PublishPacket = {
        type: 'PUBLISH',
        dup: r.qos > 0 && r.dup, // [MQTT-3.3.1-2]
        qos: r.qos,
        retain: r.retain,
        topic,
        payload: r.payload,
      };
      if (r.qos > 0) packet.packetId = r.packetId;
      return withProperties(packet, r.properties);
    });
}

type AckType = 'PUBACK' | 'PUBREC' | 'PUBREL' | 'PUBCOMP';

export function arbitraryAck<T extends AckType>(type: T, version: ProtocolVersion): Arb<PacketOf<T>> {
  if (version === 4) return packetId.map((id) => ({ type, packetId: id }) as PacketOf<T>);
  return fc
    .record({ packetId, reasonCode: reasonCode(type, 5), properties: properties(type) })
    .map((r) => withProperties({ type, packetId: r.packetId, reasonCode: r.reasonCode } as PacketOf<T>, r.properties));
}

function subscription(version: ProtocolVersion): Arb<Subscription> {
  // fc.record builds null-prototype objects; the decoder builds plain ones.
  if (version === 4) return fc.record({ topicFilter: topicFilter(4), qos }).map((s) => ({ ...s }));
  return fc
    .record({
      topicFilter: topicFilter(5),
      qos,
      noLocal: fc.boolean(),
      retainAsPublished: fc.boolean(),
      retainHandling: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
    })
    .map((s) => ({ ...s, noLocal: s.noLocal && !s.topicFilter.startsWith('$share/') })); // [MQTT-3.8.3-4]
}

export function arbitrarySubscribe(version: ProtocolVersion): Arb<SubscribePacket> {
  return fc
    .record({
      packetId,
      subscriptions: fc.array(subscription(version), { minLength: 1, maxLength: 4 }),
      properties: propertiesFor(version, 'SUBSCRIBE'),
    })
    .map((r) =>
      withProperties<SubscribePacket>(
        { type: 'SUBSCRIBE', packetId: r.packetId, subscriptions: r.subscriptions },
        r.properties,
      ),
    );
}

export function arbitrarySuback(version: ProtocolVersion): Arb<SubackPacket> {
  return fc
    .record({
      packetId,
      reasonCodes: fc.array(reasonCode('SUBACK', version), { minLength: 1, maxLength: 5 }),
      properties: propertiesFor(version, 'SUBACK'),
    })
    .map((r) =>
      withProperties<SubackPacket>({ type: 'SUBACK', packetId: r.packetId, reasonCodes: r.reasonCodes }, r.properties),
    );
}

export function arbitraryUnsubscribe(version: ProtocolVersion): Arb<UnsubscribePacket> {
  return fc
    .record({
      packetId,
      topicFilters: fc.array(topicFilter(version), { minLength: 1, maxLength: 4 }),
      properties: propertiesFor(version, 'UNSUBSCRIBE'),
    })
    .map((r) =>
      withProperties<UnsubscribePacket>(
        { type: 'UNSUBSCRIBE', packetId: r.packetId, topicFilters: r.topicFilters },
        r.properties,
      ),
    );
}

export function arbitraryUnsuback(version: ProtocolVersion): Arb<UnsubackPacket> {
  if (version === 4) return packetId.map((id): UnsubackPacket => ({ type: 'UNSUBACK', packetId: id }));
  return fc
    .record({
      packetId,
      reasonCodes: fc.array(reasonCode('UNSUBACK', 5), { minLength: 1, maxLength: 5 }),
      properties: properties('UNSUBACK'),
    })
    .map((r) =>
      withProperties<UnsubackPacket>(
        { type: 'UNSUBACK', packetId: r.packetId, reasonCodes: r.reasonCodes },
        r.properties,
      ),
    );
}

export function arbitraryDisconnect(version: ProtocolVersion): Arb<DisconnectPacket> {
  if (version === 4) return fc.constant<DisconnectPacket>({ type: 'DISCONNECT' });
  return fc
    .record({ reasonCode: reasonCode('DISCONNECT', 5), properties: properties('DISCONNECT') })
    .map((r) => withProperties<DisconnectPacket>({ type: 'DISCONNECT', reasonCode: r.reasonCode }, r.properties));
}

/** AUTH exists only in 5.0. */
export function arbitraryAuth(): Arb<AuthPacket> {
  return fc
    .record({ reasonCode: reasonCode('AUTH', 5), properties: properties('AUTH') })
    .map((r) => withProperties<AuthPacket>({ type: 'AUTH', reasonCode: r.reasonCode }, r.properties));
}

/** Packet types that exist in a version: all fifteen in 5.0, all but AUTH in 3.1.1. */
export function packetTypesOf(version: ProtocolVersion): PacketType[] {
  return PACKET_TYPES.filter((t) => version === 5 || t !== 'AUTH');
}

/** A valid packet of one type under one version. */
export function arbitraryPacketOf<T extends PacketType>(type: T, version: ProtocolVersion): Arb<PacketOf<T>> {
  const arb = ((): Arb<Packet> => {
    switch (type) {
      case 'CONNECT':
        return arbitraryConnect(version);
      case 'CONNACK':
        return arbitraryConnack(version);
      case 'PUBLISH':
        return arbitraryPublish(version);
      case 'PUBACK':
      case 'PUBREC':
      case 'PUBREL':
      case 'PUBCOMP':
        return arbitraryAck(type as AckType, version);
      case 'SUBSCRIBE':
        return arbitrarySubscribe(version);
      case 'SUBACK':
        return arbitrarySuback(version);
      case 'UNSUBSCRIBE':
        return arbitraryUnsubscribe(version);
      case 'UNSUBACK':
        return arbitraryUnsuback(version);
      case 'PINGREQ':
        return fc.constant({ type: 'PINGREQ' as const });
      case 'PINGRESP':
        return fc.constant({ type: 'PINGRESP' as const });
      case 'DISCONNECT':
        return arbitraryDisconnect(version);
      case 'AUTH':
        if (version !== 5) throw new Error('AUTH exists only in MQTT 5.0');
        return arbitraryAuth();
    }
    throw new Error(`unknown packet type ${String(type)}`);
  })();
  return arb as Arb<PacketOf<T>>;
}

/** A valid packet of any type that exists in `version`, each type equally likely. */
export function arbitraryPacket(version: ProtocolVersion): Arb<Packet> {
  return fc.oneof(...packetTypesOf(version).map((type) => arbitraryPacketOf(type, version) as Arb<Packet>));
}
