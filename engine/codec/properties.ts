/**
 * MQTT 5.0 properties (§2.2.2): one table says each property's identifier, type, which packets may
 * carry it, and whether it may repeat. Decoding, encoding and the byte view all read this table.
 */
import { type ErrorCode, malformed, protocolError } from './errors.ts';
import type { PacketType } from './packet.ts';
import { Reader, hexPreview, quote, varintSize } from './reader.ts';
import { checkTopicName } from './topics.ts';
import { utf8Length } from './utf8.ts';
import { type Writer, binarySize, checkInteger, stringSize } from './writer.ts';

export interface Properties {
  payloadFormatIndicator?: number;
  messageExpiryInterval?: number;
  contentType?: string;
  responseTopic?: string;
  correlationData?: Uint8Array;
  /** Several in a PUBLISH sent to a client (one per matching subscription); at most one in SUBSCRIBE. */
  subscriptionIdentifiers?: number[];
  sessionExpiryInterval?: number;
  assignedClientIdentifier?: string;
  serverKeepAlive?: number;
  authenticationMethod?: string;
  authenticationData?: Uint8Array;
  requestProblemInformation?: number;
  willDelayInterval?: number;
  requestResponseInformation?: number;
  responseInformation?: string;
  serverReference?: string;
  reasonString?: string;
  receiveMaximum?: number;
  topicAliasMaximum?: number;
  topicAlias?: number;
  maximumQoS?: number;
  retainAvailable?: number;
  userProperties?: Array<[key: string, value: string]>;
  maximumPacketSize?: number;
  wildcardSubscriptionAvailable?: number;
  subscriptionIdentifierAvailable?: number;
  sharedSubscriptionAvailable?: number;
}

export type PropertyName = keyof Properties;
type PropertyType = 'byte' | 'u16' | 'u32' | 'varint' | 'utf8' | 'binary' | 'pair';
/** Where a property may appear: a packet type, or the will properties inside CONNECT. */
export type PropertyPlace = PacketType | 'WILL';

export interface PropertyInfo {
  id: number;
  name: PropertyName;
  type: PropertyType;
  places: ReadonlyArray<PropertyPlace>;
  /** May appear more than once (everywhere, or only in the places listed). */
  repeats?: boolean | ReadonlyArray<PropertyPlace>;
  /** Values other than these are a protocol error (with the rule, where the spec numbers it). */
  check?: { min?: number; max?: number; rule?: string; allowed?: readonly number[] };
}

const ACKS: PropertyPlace[] = ['PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP'];
const FLAG = { allowed: [0, 1] } as const;

export const PROPERTIES: readonly PropertyInfo[] = [
  { id: 0x01, name: 'payloadFormatIndicator', type: 'byte', places: ['PUBLISH', 'WILL'], check: FLAG },
  { id: 0x02, name: 'messageExpiryInterval', type: 'u32', places: ['PUBLISH', 'WILL'] },
  { id: 0x03, name: 'contentType', type: 'utf8', places: ['PUBLISH', 'WILL'] },
  { id: 0x08, name: 'responseTopic', type: 'utf8', places: ['PUBLISH', 'WILL'] },
  { id: 0x09, name: 'correlationData', type: 'binary', places: ['PUBLISH', 'WILL'] },
  {
    id: 0x0b,
    name: 'subscriptionIdentifiers',
    type: 'varint',
    places: ['PUBLISH', 'SUBSCRIBE'],
    repeats: ['PUBLISH'],
    check: { min: 1, max: 268_435_455 },
  },
  { id: 0x11, name: 'sessionExpiryInterval', type: 'u32', places: ['CONNECT', 'CONNACK', 'DISCONNECT'] },
  { id: 0x12, name: 'assignedClientIdentifier', type: 'utf8', places: ['CONNACK'] },
  { id: 0x13, name: 'serverKeepAlive', type: 'u16', places: ['CONNACK'] },
  { id: 0x15, name: 'authenticationMethod', type: 'utf8', places: ['CONNECT', 'CONNACK', 'AUTH'] },
  { id: 0x16, name: 'authenticationData', type: 'binary', places: ['CONNECT', 'CONNACK', 'AUTH'] },
  { id: 0x17, name: 'requestProblemInformation', type: 'byte', places: ['CONNECT'], check: FLAG },
  { id: 0x18, name: 'willDelayInterval', type: 'u32', places: ['WILL'] },
  { id: 0x19, name: 'requestResponseInformation', type: 'byte', places: ['CONNECT'], check: FLAG },
  { id: 0x1a, name: 'responseInformation', type: 'utf8', places: ['CONNACK'] },
  { id: 0x1c, name: 'serverReference', type: 'utf8', places: ['CONNACK', 'DISCONNECT'] },
  {
    id: 0x1f,
    name: 'reasonString',
    type: 'utf8',
    places: ['CONNACK', ...ACKS, 'SUBACK', 'UNSUBACK', 'DISCONNECT', 'AUTH'],
  },
  { id: 0x21, name: 'receiveMaximum', type: 'u16', places: ['CONNECT', 'CONNACK'], check: { min: 1 } },
  { id: 0x22, name: 'topicAliasMaximum', type: 'u16', places: ['CONNECT', 'CONNACK'] },
  { id: 0x23, name: 'topicAlias', type: 'u16', places: ['PUBLISH'], check: { min: 1, rule: 'MQTT-3.3.2-8' } },
  { id: 0x24, name: 'maximumQoS', type: 'byte', places: ['CONNACK'], check: FLAG },
  { id: 0x25, name: 'retainAvailable', type: 'byte', places: ['CONNACK'], check: FLAG },
  {
    id: 0x26,
    name: 'userProperties',
    type: 'pair',
    places: [
      'CONNECT',
      'CONNACK',
      'PUBLISH',
      'WILL',
      ...ACKS,
      'SUBSCRIBE',
      'SUBACK',
      'UNSUBSCRIBE',
      'UNSUBACK',
      'DISCONNECT',
      'AUTH',
    ],
    repeats: true,
  },
  { id: 0x27, name: 'maximumPacketSize', type: 'u32', places: ['CONNECT', 'CONNACK'], check: { min: 1 } },
  { id: 0x28, name: 'wildcardSubscriptionAvailable', type: 'byte', places: ['CONNACK'], check: FLAG },
  { id: 0x29, name: 'subscriptionIdentifierAvailable', type: 'byte', places: ['CONNACK'], check: FLAG },
  { id: 0x2a, name: 'sharedSubscriptionAvailable', type: 'byte', places: ['CONNACK'], check: FLAG },
];

const byId: Array<PropertyInfo | undefined> = [];
const byName = new Map<string, PropertyInfo>();
for (const info of PROPERTIES) {
  byId[info.id] = info;
  byName.set(info.name, info);
}

export function propertyById(id: number): PropertyInfo | undefined {
  return byId[id];
}

export function propertyByName(name: string): PropertyInfo | undefined {
  return byName.get(name);
}

/**
 * Where each property is described in each packet that may carry it (5.0): the packet's properties
 * section, then one subsection a property, in the order the standard lists them from .2 (.1 is the
 * Property Length). A property's own rules ("It is a Protocol Error to include the Receive Maximum
 * more than once or for it to have the value 0", §3.1.2.11.3) are sentences of that subsection and
 * not numbered statements, so errors that break them cite it.
 */
const PROPERTY_SECTIONS: Record<PropertyPlace, readonly [string, readonly PropertyName[]]> = {
  CONNECT: [
    '3.1.2.11',
    [
      'sessionExpiryInterval',
      'receiveMaximum',
      'maximumPacketSize',
      'topicAliasMaximum',
      'requestResponseInformation',
      'requestProblemInformation',
      'userProperties',
      'authenticationMethod',
      'authenticationData',
    ],
  ],
  WILL: [
    '3.1.3.2',
    [
      'willDelayInterval',
      'payloadFormatIndicator',
      'messageExpiryInterval',
      'contentType',
      'responseTopic',
      'correlationData',
      'userProperties',
    ],
  ],
  CONNACK: [
    '3.2.2.3',
    [
      'sessionExpiryInterval',
      'receiveMaximum',
      'maximumQoS',
      'retainAvailable',
      'maximumPacketSize',
      'assignedClientIdentifier',
      'topicAliasMaximum',
      'reasonString',
      'userProperties',
      'wildcardSubscriptionAvailable',
      'subscriptionIdentifierAvailable',
      'sharedSubscriptionAvailable',
      'serverKeepAlive',
      'responseInformation',
      'serverReference',
      'authenticationMethod',
      'authenticationData',
    ],
  ],
  PUBLISH: [
    '3.3.2.3',
    [
      'payloadFormatIndicator',
      'messageExpiryInterval',
      'topicAlias',
      'responseTopic',
      'correlationData',
      'userProperties',
      'subscriptionIdentifiers',
      'contentType',
    ],
  ],
  PUBACK: ['3.4.2.2', ['reasonString', 'userProperties']],
  PUBREC: ['3.5.2.2', ['reasonString', 'userProperties']],
  PUBREL: ['3.6.2.2', ['reasonString', 'userProperties']],
  PUBCOMP: ['3.7.2.2', ['reasonString', 'userProperties']],
  SUBSCRIBE: ['3.8.2.1', ['subscriptionIdentifiers', 'userProperties']],
  SUBACK: ['3.9.2.1', ['reasonString', 'userProperties']],
  UNSUBSCRIBE: ['3.10.2.1', ['userProperties']],
  UNSUBACK: ['3.11.2.1', ['reasonString', 'userProperties']],
  PINGREQ: ['', []],
  PINGRESP: ['', []],
  DISCONNECT: ['3.14.2.2', ['sessionExpiryInterval', 'reasonString', 'userProperties', 'serverReference']],
  AUTH: ['3.15.2.2', ['authenticationMethod', 'authenticationData', 'reasonString', 'userProperties']],
};

/** The section that describes `name` in `place` ('§3.1.2.11.3'); §2.2.2.2 where it may not appear. */
export function propertySection(name: PropertyName, place: PropertyPlace): string {
  const [root, order] = PROPERTY_SECTIONS[place];
  const index = order.indexOf(name);
  return index < 0 ? '§2.2.2.2' : `§${root}.${index + 2}`;
}

function repeats(info: PropertyInfo, place: PropertyPlace): boolean {
  return info.repeats === true || (Array.isArray(info.repeats) && info.repeats.includes(place));
}

/** Check one value against the table; `offset` is where it starts, for the error. */
function checkValue(info: PropertyInfo, value: number, offset: number, place: PropertyPlace): void {
  const check = info.check;
  if (!check) return;
  const bad =
    (check.allowed && !check.allowed.includes(value)) ||
    (check.min !== undefined && value < check.min) ||
    (check.max !== undefined && value > check.max);
  if (bad) {
    const rule = check.rule ?? propertySection(info.name, place);
    throw protocolError(offset, 'property-value', rule, { property: info.name, value });
  }
}

// ---------------------------------------------------------------- decode

/** Read the Property Length and the properties after it (§2.2.2); `undefined` when there are none. */
export function readProperties(
  r: Reader,
  place: PropertyPlace,
  field = 'properties',
  label = 'field.properties',
): Properties | undefined {
  const start = r.pos;
  const length = r.varint('propertyLength');
  r.need(length, 'properties');
  const end = r.pos + length;
  r.open(field, label, start);
  r.varintSpans(field, 'field.propertyLength', start, length);
  if (length === 0) {
    r.close('0');
    return undefined;
  }
  const props: Properties = {};
  const bag = props as Record<string, unknown>;
  let count = 0;
  const packetEnd = r.end;
  r.end = end; // a property that runs past the Property Length is malformed, even inside the packet
  while (r.pos < end) {
    const at = r.pos;
    // The identifier is a Variable Byte Integer, though every one defined today fits in one byte (§2.2.2.2).
    const id = r.varint('propertyId');
    const info = byId[id];
    if (!info) throw malformed(at, 'property-unknown', '§2.2.2.2', { id: id.toString(16).padStart(2, '0') });
    // "An Identifier which is not valid for its packet type ... is a Malformed Packet" (§2.2.2.2).
    if (!info.places.includes(place)) {
      throw malformed(at, 'property-not-allowed', '§2.2.2.2', { property: info.name, packet: place });
    }
    // Each property says "It is a Protocol Error to include ... more than once", bar the ones that repeat.
    const multiple = repeats(info, place);
    if (!multiple && bag[info.name] !== undefined) {
      throw protocolError(at, 'property-repeated', propertySection(info.name, place), { property: info.name });
    }
    r.open(`${field}.${info.name}`, `property.${info.name}`, at);
    r.numberLeaf('propertyId', 'field.propertyId', at, id, 1);
    const valueAt = r.pos;
    const value = readValue(r, info, field, place);
    if (info.type === 'pair') {
      (props.userProperties ??= []).push(value as [string, string]);
    } else if (info.name === 'subscriptionIdentifiers') {
      (props.subscriptionIdentifiers ??= []).push(value as number);
    } else {
      bag[info.name] = value;
    }
    if (info.name === 'responseTopic') checkTopicName(value as string, 5, valueAt, 'MQTT-3.3.2-14');
    r.close(r.spans ? describe(info, value) : undefined);
    count++;
  }
  r.end = packetEnd;
  r.close(String(count));
  return props;
}

function readValue(r: Reader, info: PropertyInfo, field: string, place: PropertyPlace): unknown {
  const start = r.pos;
  const path = `${field}.${info.name}`;
  let value: unknown;
  switch (info.type) {
    case 'byte':
      value = r.u8(info.name);
      break;
    case 'u16':
      value = r.u16(info.name);
      break;
    case 'u32':
      value = r.u32(info.name);
      break;
    case 'varint': {
      value = r.varint(info.name);
      if (r.spans) r.varintSpans(path, 'field.propertyValue', start, value as number);
      checkValue(info, value as number, start, place);
      return value;
    }
    case 'utf8':
      return r.string(path, 'field.propertyValue');
    case 'binary':
      return r.binary(path, 'field.propertyValue');
    case 'pair': {
      const key = r.string(`${path}.key`, 'field.userPropertyKey');
      const val = r.string(`${path}.value`, 'field.userPropertyValue');
      return [key, val];
    }
  }
  const width = info.type === 'byte' ? 1 : info.type === 'u16' ? 2 : 4;
  r.numberLeaf(path, 'field.propertyValue', start, value as number, width);
  checkValue(info, value as number, start, place);
  return value;
}

function describe(info: PropertyInfo, value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value);
  if (value instanceof Uint8Array) return hexPreview(value);
  const [k, v] = value as [string, string];
  return `${quote(k)}: ${quote(v)}`;
}

// ---------------------------------------------------------------- encode

/**
 * Size of the properties' contents (without the Property Length), checking every value as the
 * decoder would. `offset` is where the properties would start, for errors.
 */
export function measureProperties(props: Properties | undefined, place: PropertyPlace, offset: number): number {
  if (!props) return 0;
  let size = 0;
  for (const name in props) {
    const value = (props as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const info = byName.get(name);
    if (!info)
      throw malformed(offset, 'invalid-field', undefined, { field: `properties.${name}`, reason: 'not a property' });
    if (!info.places.includes(place)) {
      throw malformed(offset, 'property-not-allowed', '§2.2.2.2', { property: name, packet: place });
    }
    if (info.type === 'pair') {
      if (!Array.isArray(value))
        throw malformed(offset, 'invalid-field', undefined, {
          field: 'properties.userProperties',
          reason: 'expected [key, value] pairs',
        });
      for (const pair of value as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2) {
          throw malformed(offset, 'invalid-field', undefined, {
            field: 'properties.userProperties',
            reason: 'expected [key, value] pairs',
          });
        }
        size +=
          1 +
          2 +
          stringSize(pair[0], 'userProperties', 5, offset) +
          2 +
          stringSize(pair[1], 'userProperties', 5, offset);
      }
    } else if (info.name === 'subscriptionIdentifiers') {
      if (!Array.isArray(value))
        throw malformed(offset, 'invalid-field', undefined, {
          field: 'properties.subscriptionIdentifiers',
          reason: 'expected an array of numbers',
        });
      if (value.length > 1 && !repeats(info, place))
        throw protocolError(offset, 'property-repeated', propertySection(info.name, place), { property: name });
      for (const id of value as unknown[]) {
        checkInteger(id, 'subscriptionIdentifiers', 0, 268_435_455, offset);
        checkValue(info, id as number, offset, place);
        size += 1 + varintSize(id as number);
      }
    } else {
      size += 1 + valueSize(info, value, offset, place);
    }
  }
  return size;
}

function valueSize(info: PropertyInfo, value: unknown, offset: number, place: PropertyPlace): number {
  const field = `properties.${info.name}`;
  switch (info.type) {
    case 'byte':
      checkValue(info, checkInteger(value, field, 0, 255, offset), offset, place);
      return 1;
    case 'u16':
      checkValue(info, checkInteger(value, field, 0, 65_535, offset), offset, place);
      return 2;
    case 'u32':
      checkValue(info, checkInteger(value, field, 0, 4_294_967_295, offset), offset, place);
      return 4;
    case 'utf8': {
      const size = stringSize(value, field, 5, offset);
      if (info.name === 'responseTopic') checkTopicName(value as string, 5, offset, 'MQTT-3.3.2-14');
      return 2 + size;
    }
    case 'binary':
      return 2 + binarySize(value, field, 5, offset);
    default:
      return 0;
  }
}

/** Write Property Length and properties; `size` is what measureProperties returned. */
export function writeProperties(w: Writer, props: Properties | undefined, size: number): void {
  w.varint(size);
  if (!props) return;
  for (const name in props) {
    const value = (props as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const info = byName.get(name)!;
    if (info.type === 'pair') {
      for (const [k, v] of value as Array<[string, string]>) {
        w.u8(info.id);
        w.string(k, utf8Length(k));
        w.string(v, utf8Length(v));
      }
    } else if (info.name === 'subscriptionIdentifiers') {
      for (const id of value as number[]) {
        w.u8(info.id);
        w.varint(id);
      }
    } else {
      w.u8(info.id);
      switch (info.type) {
        case 'byte':
          w.u8(value as number);
          break;
        case 'u16':
          w.u16(value as number);
          break;
        case 'u32':
          w.u32(value as number);
          break;
        case 'utf8':
          w.string(value as string, utf8Length(value as string));
          break;
        case 'binary':
          w.binary(value as Uint8Array);
          break;
      }
    }
  }
}

export type { ErrorCode };
