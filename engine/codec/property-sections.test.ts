/**
 * A property that breaks its own rule (given twice where it may appear once, or a value it may not
 * take) cites the subsection that describes it in that packet: "It is a Protocol Error to include
 * the Receive Maximum value more than once or for it to have the value 0" is a sentence of
 * §3.1.2.11.3, not a numbered statement, and §2.2.2.2 is only the list of properties.
 */
import { describe, expect, test } from 'vitest';
import { SECTIONS } from '../../spec/index.ts';
import { decode } from './codec.ts';
import { PROPERTIES, type PropertyName, type PropertyPlace, propertySection } from './properties.ts';
import { hex, thrown } from './test-support.ts';

/** Each property's subsection title in the standard (CONNACK's says "Identifiers" in the plural). */
const TITLES: Record<PropertyName, string> = {
  payloadFormatIndicator: 'Payload Format Indicator',
  messageExpiryInterval: 'Message Expiry Interval',
  contentType: 'Content Type',
  responseTopic: 'Response Topic',
  correlationData: 'Correlation Data',
  subscriptionIdentifiers: 'Subscription Identifier',
  sessionExpiryInterval: 'Session Expiry Interval',
  assignedClientIdentifier: 'Assigned Client Identifier',
  serverKeepAlive: 'Server Keep Alive',
  authenticationMethod: 'Authentication Method',
  authenticationData: 'Authentication Data',
  requestProblemInformation: 'Request Problem Information',
  willDelayInterval: 'Will Delay Interval',
  requestResponseInformation: 'Request Response Information',
  responseInformation: 'Response Information',
  serverReference: 'Server Reference',
  reasonString: 'Reason String',
  receiveMaximum: 'Receive Maximum',
  topicAliasMaximum: 'Topic Alias Maximum',
  topicAlias: 'Topic Alias',
  maximumQoS: 'Maximum QoS',
  retainAvailable: 'Retain Available',
  userProperties: 'User Property',
  maximumPacketSize: 'Maximum Packet Size',
  wildcardSubscriptionAvailable: 'Wildcard Subscription Available',
  subscriptionIdentifierAvailable: 'Subscription Identifiers Available',
  sharedSubscriptionAvailable: 'Shared Subscription Available',
};

describe('propertySection', () => {
  const titles = new Map(SECTIONS['5.0'].map((s) => [s.id, s.en]));
  const cases = PROPERTIES.flatMap((info) => info.places.map((place) => [info.name, place] as const));

  test.each(cases)('%s in %s names a section of 5.0 with that title', (name, place) => {
    const section = propertySection(name, place);
    expect(section).toMatch(/^§3\.\d+\.\d+\.\d+\.\d+$/);
    expect(titles.get(section.slice(1))).toBe(TITLES[name]);
  });

  test('a property a packet may not carry falls back to the list of properties', () => {
    expect(propertySection('topicAlias', 'CONNECT')).toBe('§2.2.2.2');
  });
});

/** A single-byte Remaining Length: every packet here is short. */
const packet = (first: string, body: string): Uint8Array => {
  const rest = hex(body);
  return Uint8Array.of(parseInt(first, 16), rest.length, ...rest);
};
const props = (bytes: string) => `${hex(bytes).length.toString(16).padStart(2, '0')} ${bytes}`;

/** A packet of `place` carrying the properties `bytes` (hex), the rest of it valid. */
function carrying(place: PropertyPlace, bytes: string): Uint8Array {
  const connect = (flags: string, payload: string) =>
    packet('10', `00 04 4d 51 54 54 05 ${flags} 00 3c ${place === 'CONNECT' ? props(bytes) : '00'} ${payload}`);
  switch (place) {
    case 'CONNECT':
      return connect('02', '00 01 61');
    case 'WILL': // will flag: client id "a", will properties, will topic "t", empty will payload
      return connect('06', `00 01 61 ${props(bytes)} 00 01 74 00 00`);
    case 'CONNACK':
      return packet('20', `00 00 ${props(bytes)}`);
    case 'PUBLISH':
      return packet('30', `00 01 61 ${props(bytes)}`);
    case 'PUBACK':
      return packet('40', `00 01 00 ${props(bytes)}`);
    case 'SUBSCRIBE':
      return packet('82', `00 01 ${props(bytes)} 00 01 61 00`);
    case 'DISCONNECT':
      return packet('e0', `00 ${props(bytes)}`);
    case 'AUTH':
      return packet('f0', `00 ${props(bytes)}`);
    default:
      throw new Error(`no builder for ${place}`);
  }
}

// prettier-ignore
const broken: Array<[string, PropertyPlace, string, string, string]> = [
  ['Receive Maximum twice', 'CONNECT', '21 00 0a 21 00 0a', 'property-repeated', '§3.1.2.11.3'],
  ['Receive Maximum 0', 'CONNECT', '21 00 00', 'property-value', '§3.1.2.11.3'],
  ['Maximum Packet Size 0', 'CONNECT', '27 00 00 00 00', 'property-value', '§3.1.2.11.4'],
  ['Request Problem Information 2', 'CONNECT', '17 02', 'property-value', '§3.1.2.11.7'],
  ['Session Expiry Interval twice', 'CONNECT', '11 00 00 00 01 11 00 00 00 01', 'property-repeated', '§3.1.2.11.2'],
  ['a will Payload Format Indicator 2', 'WILL', '01 02', 'property-value', '§3.1.3.2.3'],
  ['Will Delay Interval twice', 'WILL', '18 00 00 00 01 18 00 00 00 01', 'property-repeated', '§3.1.3.2.2'],
  ['Maximum QoS 2', 'CONNACK', '24 02', 'property-value', '§3.2.2.3.4'],
  ['Retain Available twice', 'CONNACK', '25 01 25 01', 'property-repeated', '§3.2.2.3.5'],
  ['Payload Format Indicator 2', 'PUBLISH', '01 02', 'property-value', '§3.3.2.3.2'],
  ['Content Type twice', 'PUBLISH', '03 00 01 61 03 00 01 61', 'property-repeated', '§3.3.2.3.9'],
  ['Subscription Identifier 0', 'PUBLISH', '0b 00', 'property-value', '§3.3.2.3.8'],
  ['Reason String twice', 'PUBACK', '1f 00 01 61 1f 00 01 61', 'property-repeated', '§3.4.2.2.2'],
  ['two Subscription Identifiers', 'SUBSCRIBE', '0b 01 0b 02', 'property-repeated', '§3.8.2.1.2'],
  ['Server Reference twice', 'DISCONNECT', '1c 00 01 61 1c 00 01 61', 'property-repeated', '§3.14.2.2.5'],
  ['Authentication Method twice', 'AUTH', '15 00 01 61 15 00 01 61', 'property-repeated', '§3.15.2.2.2'],
];

describe('a property that breaks its own rule cites its own section', () => {
  test.each(broken)('%s in %s', (_, place, bytes, code, rule) => {
    const error = thrown(() => decode(carrying(place, bytes), 5));
    expect(error.code).toBe(code);
    expect(error.rule).toBe(rule);
  });

  test('a rule the standard numbers keeps its number: Topic Alias 0 is MQTT-3.3.2-8', () => {
    expect(thrown(() => decode(carrying('PUBLISH', '23 00 00'), 5)).rule).toBe('MQTT-3.3.2-8');
  });

  test('the same packets with the property once and a good value decode', () => {
    expect(decode(carrying('CONNECT', '21 00 0a'), 5).packet.type).toBe('CONNECT');
    expect(decode(carrying('WILL', '01 01'), 5).packet.type).toBe('CONNECT');
    expect(decode(carrying('SUBSCRIBE', '0b 01'), 5).packet.type).toBe('SUBSCRIBE');
    expect(decode(carrying('AUTH', '15 00 01 61'), 5).packet.type).toBe('AUTH');
  });
});
