/**
 * Our packet objects ↔ mqtt-packet 9's, for the differential tests and the benchmark.
 *
 * mqtt-packet (node_modules/mqtt-packet: parser.js, writeToStream.js, constants.js) names things
 * its own way. The whole mapping:
 *
 * | ours                                   | mqtt-packet                                          |
 * |----------------------------------------|------------------------------------------------------|
 * | `type: 'PUBLISH'`                      | `cmd: 'publish'`                                     |
 * | `packetId`                             | `messageId`                                          |
 * | CONNECT `protocolName`, `keepAlive`    | `protocolId`, `keepalive`                            |
 * | CONNACK `reasonCode`                   | 3.1.1 `returnCode`, 5.0 `reasonCode`                 |
 * | SUBSCRIBE `subscriptions[]`            | `subscriptions[]` with `topic`, `qos`, `nl`, `rap`, `rh` |
 * | SUBACK / UNSUBACK `reasonCodes`        | `granted`                                            |
 * | UNSUBSCRIBE `topicFilters`             | `unsubscriptions`                                    |
 * | `Uint8Array` payloads and binary data  | `Buffer`                                             |
 * | property `subscriptionIdentifiers: number[]` | `subscriptionIdentifier`: a number, or an array when repeated |
 * | property `subscriptionIdentifierAvailable`   | `subscriptionIdentifiersAvailable`              |
 * | one-byte 0/1 properties (BOOLEAN_PROPERTIES) | booleans (its type 'byte'); `maximumQoS` stays a number ('int8') |
 * | `userProperties: [key, value][]`       | an object `{ key: value }`, `{ key: [v1, v2] }` when a key repeats |
 *
 * The last row loses information: an object cannot say that pairs with different keys were
 * interleaved ([a,1] [b,2] [a,3]), and JavaScript objects put integer-like keys ("0", "7") first.
 * mqtt-packet writes the pairs in its object's order, so it can only produce the pairs in that
 * order. `inMqttPacketOrder` puts a packet's user properties in the order mqtt-packet would write
 * them; the differential tests compare against that (and say so where they do).
 *
 * Everything else maps one to one, property order included: both encoders write properties in
 * the key order of the packet object, and `toMqttPacket` keeps that order.
 */
import { createRequire } from 'node:module';
import type {
  Packet,
  PacketType,
  Properties,
  PropertyName,
  ProtocolVersion,
  QoS,
  Subscription,
  Will,
} from '../../engine/codec/index.ts';

const require = createRequire(import.meta.url);

/** mqtt-packet's own packet objects: plain records with a `cmd`. */
export type MqttPacketObject = { cmd: string } & Record<string, unknown>;

interface MqttPacketModule {
  generate(packet: MqttPacketObject, options?: { protocolVersion: ProtocolVersion }): Buffer;
  parser(options?: { protocolVersion: ProtocolVersion }): MqttPacketParser;
}
export interface MqttPacketParser {
  parse(bytes: Buffer): number;
  on(event: 'packet', listener: (packet: MqttPacketObject) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

/** The reference implementation (CommonJS). */
export const mqttPacket = require('mqtt-packet') as MqttPacketModule;
/** Its constants.js: property names, ids and types, reason code lists. */
export const mqttPacketConstants = require('mqtt-packet/constants.js') as {
  properties: Record<string, number>;
  propertiesTypes: Record<string, string>;
};

/** Property names that differ; every other property has the same name in both. */
export const PROPERTY_NAMES: Partial<Record<PropertyName, string>> = {
  subscriptionIdentifiers: 'subscriptionIdentifier',
  subscriptionIdentifierAvailable: 'subscriptionIdentifiersAvailable',
};
const OUR_PROPERTY_NAMES: Record<string, PropertyName> = Object.fromEntries(
  Object.entries(PROPERTY_NAMES).map(([ours, theirs]) => [theirs, ours as PropertyName]),
);

/** One-byte properties whose values are 0 or 1 here and booleans in mqtt-packet. */
export const BOOLEAN_PROPERTIES: ReadonlySet<PropertyName> = new Set<PropertyName>([
  'payloadFormatIndicator',
  'requestProblemInformation',
  'requestResponseInformation',
  'retainAvailable',
  'wildcardSubscriptionAvailable',
  'subscriptionIdentifierAvailable',
  'sharedSubscriptionAvailable',
]);

export const mqttPropertyName = (name: PropertyName): string => PROPERTY_NAMES[name] ?? name;

const CMD: Record<PacketType, string> = {
  CONNECT: 'connect',
  CONNACK: 'connack',
  PUBLISH: 'publish',
  PUBACK: 'puback',
  PUBREC: 'pubrec',
  PUBREL: 'pubrel',
  PUBCOMP: 'pubcomp',
  SUBSCRIBE: 'subscribe',
  SUBACK: 'suback',
  UNSUBSCRIBE: 'unsubscribe',
  UNSUBACK: 'unsuback',
  PINGREQ: 'pingreq',
  PINGRESP: 'pingresp',
  DISCONNECT: 'disconnect',
  AUTH: 'auth',
};
const TYPE = Object.fromEntries(Object.entries(CMD).map(([type, cmd]) => [cmd, type])) as Record<string, PacketType>;

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/** A plain Uint8Array copy (a Buffer is a Uint8Array subclass, which strict equality tells apart). */
const toBytes = (buffer: unknown) => new Uint8Array(buffer as Uint8Array);

// ---------------------------------------------------------------- user properties

type UserProperties = Array<[string, string]>;

/** Pairs as mqtt-packet's object: one key per name, an array of values when it repeats. */
function userPropertiesObject(pairs: UserProperties): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of pairs) {
    const seen = object[key];
    if (seen === undefined) object[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else object[key] = [seen, value];
  }
  return object;
}

/** mqtt-packet's object back to pairs, in the order it writes them (Object.getOwnPropertyNames). */
function userPropertiesPairs(object: Record<string, string | string[]>): UserProperties {
  const pairs: UserProperties = [];
  for (const key of Object.getOwnPropertyNames(object)) {
    const value = object[key];
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([key, v]);
  }
  return pairs;
}

/**
 * How mqtt-packet's parser groups user properties (parser.js, _parseProperties). It tests
 * `if (result.userProperties[key])` for "seen before", a truthiness test: while the value held for
 * a key is '' (falsy), the next value for that key replaces it instead of joining it. So
 * [k, ''] [k, 'x'] reads as { k: 'x' }, and [k, ''] [k, ''] as { k: '' }: an mqtt-packet bug that
 * loses user properties. This is its algorithm, line for line, to say exactly what it will read.
 */
function userPropertiesObjectAsParsed(pairs: UserProperties): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of pairs) {
    const seen = result[key];
    if (seen) {
      if (Array.isArray(seen)) seen.push(value);
      else result[key] = [seen, value];
    } else {
      result[key] = value;
    }
  }
  return result;
}

type Grouping = (pairs: UserProperties) => Record<string, string | string[]>;

function regroup<P extends Packet>(packet: P, group: Grouping): P {
  const props = (p: Properties | undefined) =>
    p?.userProperties ? { ...p, userProperties: userPropertiesPairs(group(p.userProperties)) } : p;
  const out = { ...packet } as P & { properties?: Properties; will?: Will };
  if (out.properties) out.properties = props(out.properties);
  if (out.will?.properties) out.will = { ...out.will, properties: props(out.will.properties) };
  return out;
}

/**
 * The packet with its user properties (and its will's) in the order mqtt-packet writes them:
 * grouped by key in first-appearance order, integer-like keys first. Everything else unchanged.
 */
export function inMqttPacketOrder<P extends Packet>(packet: P): P {
  return regroup(packet, userPropertiesObject);
}

/**
 * The packet as mqtt-packet's parser reads it: `inMqttPacketOrder`, less the user properties its
 * parser loses (see userPropertiesObjectAsParsed).
 */
export function asMqttPacketParses<P extends Packet>(packet: P): P {
  return regroup(packet, userPropertiesObjectAsParsed);
}

// ---------------------------------------------------------------- properties

function toMqttProperties(props: Properties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props) as Array<[PropertyName, unknown]>) {
    if (value === undefined) continue;
    const theirs = mqttPropertyName(name);
    if (name === 'userProperties') out[theirs] = userPropertiesObject(value as UserProperties);
    else if (BOOLEAN_PROPERTIES.has(name)) out[theirs] = value === 1;
    else if (value instanceof Uint8Array) out[theirs] = toBuffer(value);
    else out[theirs] = value;
  }
  return out;
}

function fromMqttProperties(props: Record<string, unknown>): Properties {
  const out: Record<string, unknown> = {};
  for (const [theirs, value] of Object.entries(props)) {
    const name = OUR_PROPERTY_NAMES[theirs] ?? (theirs as PropertyName);
    if (name === 'userProperties') out[name] = userPropertiesPairs(value as Record<string, string | string[]>);
    else if (name === 'subscriptionIdentifiers') out[name] = Array.isArray(value) ? value : [value];
    else if (BOOLEAN_PROPERTIES.has(name)) out[name] = value ? 1 : 0;
    else if (value instanceof Uint8Array) out[name] = toBytes(value);
    else out[name] = value;
  }
  return out as Properties;
}

/** Adds `properties` to `target` when there are any, in the other library's shape. */
function mapProperties<T extends object>(target: T, props: unknown, map: (p: never) => unknown): T {
  if (props && Object.keys(props).length > 0) (target as Record<string, unknown>).properties = map(props as never);
  return target;
}

// ---------------------------------------------------------------- packets

/** Our packet as the object mqtt-packet's `generate` takes, for protocol `version`. */
export function toMqttPacket(packet: Packet, version: ProtocolVersion): MqttPacketObject {
  const cmd = CMD[packet.type];
  switch (packet.type) {
    case 'CONNECT': {
      const out: MqttPacketObject = {
        cmd,
        protocolId: packet.protocolName,
        protocolVersion: packet.protocolVersion,
        clean: packet.clean,
        keepalive: packet.keepAlive,
        clientId: packet.clientId,
      };
      if (packet.will) {
        const w = packet.will;
        out.will = mapProperties(
          { topic: w.topic, payload: toBuffer(w.payload), qos: w.qos, retain: w.retain },
          w.properties,
          toMqttProperties,
        );
      }
      if (packet.username !== undefined) out.username = packet.username;
      if (packet.password !== undefined) out.password = toBuffer(packet.password);
      return mapProperties(out, packet.properties, toMqttProperties);
    }
    case 'CONNACK': {
      const out: MqttPacketObject = { cmd, sessionPresent: packet.sessionPresent };
      out[version === 5 ? 'reasonCode' : 'returnCode'] = packet.reasonCode;
      return mapProperties(out, packet.properties, toMqttProperties);
    }
    case 'PUBLISH': {
      const out: MqttPacketObject = {
        cmd,
        dup: packet.dup,
        qos: packet.qos,
        retain: packet.retain,
        topic: packet.topic,
        payload: toBuffer(packet.payload),
      };
      if (packet.packetId !== undefined) out.messageId = packet.packetId;
      return mapProperties(out, packet.properties, toMqttProperties);
    }
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP': {
      const out: MqttPacketObject = { cmd, messageId: packet.packetId };
      if (version === 5) out.reasonCode = packet.reasonCode ?? 0;
      return mapProperties(out, packet.properties, toMqttProperties);
    }
    case 'SUBSCRIBE': {
      const subscriptions = packet.subscriptions.map((s) =>
        version === 5
          ? { topic: s.topicFilter, qos: s.qos, nl: !!s.noLocal, rap: !!s.retainAsPublished, rh: s.retainHandling ?? 0 }
          : { topic: s.topicFilter, qos: s.qos },
      );
      return mapProperties({ cmd, messageId: packet.packetId, subscriptions }, packet.properties, toMqttProperties);
    }
    case 'SUBACK':
      return mapProperties(
        { cmd, messageId: packet.packetId, granted: [...packet.reasonCodes] },
        packet.properties,
        toMqttProperties,
      );
    case 'UNSUBSCRIBE':
      return mapProperties(
        { cmd, messageId: packet.packetId, unsubscriptions: [...packet.topicFilters] },
        packet.properties,
        toMqttProperties,
      );
    case 'UNSUBACK': {
      const out: MqttPacketObject = { cmd, messageId: packet.packetId };
      if (version === 5) out.granted = [...(packet.reasonCodes ?? [])];
      return mapProperties(out, packet.properties, toMqttProperties);
    }
    case 'PINGREQ':
    case 'PINGRESP':
      return { cmd };
    case 'DISCONNECT':
    case 'AUTH': {
      const out: MqttPacketObject = { cmd };
      if (version === 5) out.reasonCode = packet.reasonCode ?? 0;
      return mapProperties(out, packet.properties, toMqttProperties);
    }
  }
}

/**
 * What mqtt-packet's parser produced, in our shape, as our decoder would give it (5.0 fields
 * present under 5.0 only; `properties` only when there are some).
 */
export function fromMqttPacket(m: MqttPacketObject, version: ProtocolVersion): Packet {
  const type = TYPE[m.cmd];
  const withProps = <P extends Packet>(packet: P): P => mapProperties(packet, m.properties, fromMqttProperties);
  switch (type) {
    case 'CONNECT': {
      const packet: Packet = {
        type,
        protocolName: m.protocolId as string,
        protocolVersion: m.protocolVersion as 3 | 4 | 5,
        clean: m.clean as boolean,
        keepAlive: m.keepalive as number,
        clientId: m.clientId as string,
      };
      if (m.will) {
        const w = m.will as Record<string, unknown>;
        packet.will = mapProperties(
          { topic: w.topic as string, payload: toBytes(w.payload), qos: w.qos as QoS, retain: w.retain as boolean },
          w.properties,
          fromMqttProperties,
        );
      }
      if (m.username !== undefined) packet.username = m.username as string;
      if (m.password !== undefined) packet.password = toBytes(m.password);
      return withProps(packet);
    }
    case 'CONNACK':
      return withProps({
        type,
        sessionPresent: m.sessionPresent as boolean,
        reasonCode: (version === 5 ? m.reasonCode : m.returnCode) as number,
      });
    case 'PUBLISH': {
      const packet: Packet = {
        type,
        dup: m.dup as boolean,
        qos: m.qos as QoS,
        retain: m.retain as boolean,
        topic: m.topic as string,
        payload: toBytes(m.payload),
      };
      if (packet.qos > 0) packet.packetId = m.messageId as number;
      return withProps(packet);
    }
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      return withProps(
        version === 5
          ? { type, packetId: m.messageId as number, reasonCode: m.reasonCode as number }
          : { type, packetId: m.messageId as number },
      );
    case 'SUBSCRIBE': {
      const subscriptions = (m.subscriptions as Array<Record<string, unknown>>).map((s): Subscription => {
        const sub: Subscription = { topicFilter: s.topic as string, qos: s.qos as QoS };
        if (version === 5) {
          sub.noLocal = s.nl as boolean;
          sub.retainAsPublished = s.rap as boolean;
          sub.retainHandling = s.rh as 0 | 1 | 2;
        }
        return sub;
      });
      return withProps({ type, packetId: m.messageId as number, subscriptions });
    }
    case 'SUBACK':
      return withProps({ type, packetId: m.messageId as number, reasonCodes: [...(m.granted as number[])] });
    case 'UNSUBSCRIBE':
      return withProps({ type, packetId: m.messageId as number, topicFilters: [...(m.unsubscriptions as string[])] });
    case 'UNSUBACK':
      return withProps(
        version === 5
          ? { type, packetId: m.messageId as number, reasonCodes: [...(m.granted as number[])] }
          : { type, packetId: m.messageId as number },
      );
    case 'PINGREQ':
    case 'PINGRESP':
      return { type };
    case 'DISCONNECT':
      return withProps(version === 5 ? { type, reasonCode: m.reasonCode as number } : { type });
    case 'AUTH':
      return withProps({ type, reasonCode: m.reasonCode as number });
  }
  throw new Error(`mqtt-packet produced an unknown cmd ${String(m.cmd)}`);
}

// ---------------------------------------------------------------- running mqtt-packet

/** mqtt-packet's `generate`, as a plain Uint8Array. Throws what it throws. */
export function mqttPacketGenerate(packet: Packet, version: ProtocolVersion): Uint8Array {
  return toBytes(mqttPacket.generate(toMqttPacket(packet, version), { protocolVersion: version }));
}

export interface MqttPacketParse {
  packets: MqttPacketObject[];
  error?: Error;
}

/** Feed `bytes` to a fresh mqtt-packet parser for `version`; what it emitted. */
export function mqttPacketParse(bytes: Uint8Array, version: ProtocolVersion): MqttPacketParse {
  const parser = mqttPacket.parser({ protocolVersion: version });
  const result: MqttPacketParse = { packets: [] };
  parser.on('packet', (packet) => result.packets.push(packet));
  parser.on('error', (error) => (result.error ??= error));
  parser.parse(Buffer.from(bytes));
  return result;
}
