/**
 * Every word the explainer can show exists in both languages: the name and explanation of every
 * span label the codec emits (found by decoding a corpus of every packet type in both versions, and
 * by reading the codec's source for labels the corpus might miss), every property, every error
 * code with the same parameters, every reason code of both versions, and every key the app asks for.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  MqttError,
  PROPERTIES,
  REASON_CODES_4,
  REASON_CODES_5,
  type Packet,
  type ProtocolVersion,
  type Span,
  decode,
  encode,
  errorMessages,
} from '$engine';
import { reasonEntryKey } from '../explainer/reasons.ts';
import { messages } from './messages.ts';
import { templateParams } from './templates.ts';

const { en, zh } = messages;

const root = fileURLToPath(new URL('../../', import.meta.url));
const languages = { en, zh } as const;
const te = (s: string) => new TextEncoder().encode(s);

/** The string at a dotted key, or undefined. */
function lookup(messages: object, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function hasText(key: string): Array<[string, string]> {
  const missing: Array<[string, string]> = [];
  for (const [lang, messages] of Object.entries(languages)) {
    const value = lookup(messages, key);
    if (typeof value !== 'string' || value.trim() === '') missing.push([lang, key]);
  }
  return missing;
}

function flatKeys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flatKeys(v as object, `${prefix}${k}.`),
  );
}

// ---------------------------------------------------------------- the corpus

const bytes = (...b: number[]) => new Uint8Array(b);

const corpus5: Packet[] = [
  {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolVersion: 5,
    clean: true,
    keepAlive: 30,
    clientId: 'c1',
    properties: {
      sessionExpiryInterval: 60,
      receiveMaximum: 10,
      maximumPacketSize: 1000,
      topicAliasMaximum: 5,
      requestResponseInformation: 1,
      requestProblemInformation: 0,
      userProperties: [['a', 'b']],
      authenticationMethod: 'SCRAM-SHA-1',
      authenticationData: bytes(1, 2),
    },
    will: {
      topic: 'lab/will',
      payload: te('bye'),
      qos: 1,
      retain: true,
      properties: {
        willDelayInterval: 5,
        payloadFormatIndicator: 1,
        messageExpiryInterval: 9,
        contentType: 'text/plain',
        responseTopic: 'lab/reply',
        correlationData: bytes(9),
        userProperties: [['k', 'v']],
      },
    },
    username: 'alice',
    password: te('secret'),
  },
  {
    type: 'CONNACK',
    sessionPresent: true,
    reasonCode: 0,
    properties: {
      sessionExpiryInterval: 60,
      receiveMaximum: 10,
      maximumQoS: 1,
      retainAvailable: 0,
      maximumPacketSize: 1000,
      assignedClientIdentifier: 'auto-1',
      topicAliasMaximum: 5,
      reasonString: 'ok',
      userProperties: [['a', 'b']],
      wildcardSubscriptionAvailable: 0,
      subscriptionIdentifierAvailable: 0,
      sharedSubscriptionAvailable: 0,
      serverKeepAlive: 20,
      responseInformation: 'lab/responses',
      serverReference: 'other.example',
      authenticationMethod: 'SCRAM-SHA-1',
      authenticationData: bytes(3),
    },
  },
  { type: 'CONNACK', sessionPresent: false, reasonCode: 0x87 },
  {
    type: 'PUBLISH',
    dup: true,
    qos: 2,
    retain: true,
    topic: 'a/b',
    packetId: 9,
    payload: te('hi'),
    properties: {
      topicAlias: 2,
      subscriptionIdentifiers: [3, 200],
      payloadFormatIndicator: 1,
      messageExpiryInterval: 60,
      contentType: 'text/plain',
      responseTopic: 'a/reply',
      correlationData: bytes(1),
      userProperties: [['u', 'v']],
    },
  },
  { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: '', payload: bytes(), properties: { topicAlias: 2 } },
  {
    type: 'PUBACK',
    packetId: 1,
    reasonCode: 0x10,
    properties: { reasonString: 'nobody', userProperties: [['a', 'b']] },
  },
  { type: 'PUBREC', packetId: 1, reasonCode: 0x80 },
  { type: 'PUBREL', packetId: 1, reasonCode: 0x92 },
  { type: 'PUBCOMP', packetId: 1 },
  {
    type: 'SUBSCRIBE',
    packetId: 2,
    properties: { subscriptionIdentifiers: [7], userProperties: [['a', 'b']] },
    subscriptions: [
      { topicFilter: 'a/+', qos: 1, noLocal: true, retainAsPublished: true, retainHandling: 2 },
      { topicFilter: '$share/g/b/#', qos: 2 },
    ],
  },
  { type: 'SUBACK', packetId: 2, reasonCodes: [0, 1, 2, 0x80, 0x9e], properties: { reasonString: 'partly' } },
  { type: 'UNSUBSCRIBE', packetId: 3, topicFilters: ['a/+'], properties: { userProperties: [['a', 'b']] } },
  { type: 'UNSUBACK', packetId: 3, reasonCodes: [0, 0x11] },
  { type: 'PINGREQ' },
  { type: 'PINGRESP' },
  {
    type: 'DISCONNECT',
    reasonCode: 0x04,
    properties: {
      sessionExpiryInterval: 0,
      reasonString: 'bye',
      serverReference: 'other',
      userProperties: [['a', 'b']],
    },
  },
  { type: 'DISCONNECT' },
  {
    type: 'AUTH',
    reasonCode: 0x18,
    properties: { authenticationMethod: 'SCRAM-SHA-1', authenticationData: bytes(7), reasonString: 'step' },
  },
];

const corpus4: Packet[] = [
  {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolVersion: 4,
    clean: false,
    keepAlive: 60,
    clientId: 'c1',
    will: { topic: 'w', payload: te('bye'), qos: 2, retain: true },
    username: 'u',
    password: te('p'),
  },
  { type: 'CONNECT', protocolName: 'MQIsdp', protocolVersion: 3, clean: true, keepAlive: 0, clientId: 'old' },
  { type: 'CONNACK', sessionPresent: true, reasonCode: 0 },
  { type: 'CONNACK', sessionPresent: false, reasonCode: 5 },
  { type: 'PUBLISH', dup: false, qos: 0, retain: true, topic: 'a', payload: te('x') },
  { type: 'PUBLISH', dup: true, qos: 1, retain: false, topic: 'a/b', packetId: 4, payload: bytes(0, 255) },
  { type: 'PUBACK', packetId: 1 },
  { type: 'PUBREC', packetId: 1 },
  { type: 'PUBREL', packetId: 1 },
  { type: 'PUBCOMP', packetId: 1 },
  { type: 'SUBSCRIBE', packetId: 2, subscriptions: [{ topicFilter: 'a/#', qos: 2 }] },
  { type: 'SUBACK', packetId: 2, reasonCodes: [0, 1, 2, 0x80] },
  { type: 'UNSUBSCRIBE', packetId: 3, topicFilters: ['a/#'] },
  { type: 'UNSUBACK', packetId: 3 },
  { type: 'PINGREQ' },
  { type: 'PINGRESP' },
  { type: 'DISCONNECT' },
];

/** Malformed packets: the spans read before each error are shown too. */
const broken: Array<[version: ProtocolVersion, hex: string]> = [
  [4, '3014000e73656e736f72732f2b2f74656d7032312e35'], // wildcard in a topic name
  [4, '8206000200016103'], // requested QoS 3
  [5, '20030000ff'], // CONNACK property length past the end
  [4, '100c00044d51545404010000'], // CONNECT reserved flag
  [5, '3005000161ff00'], // unknown property
  [4, '300c0003'], // incomplete
];

function collectLabels(spans: readonly Span[], into: Set<string>): void {
  for (const span of spans) {
    into.add(span.label);
    if (span.children) collectLabels(span.children, into);
  }
}

function corpusLabels(): Set<string> {
  const labels = new Set<string>();
  for (const [version, packets] of [
    [5, corpus5],
    [4, corpus4],
  ] as const) {
    for (const packet of packets) {
      const decoded = decode(encode(packet, version), version, { spans: true });
      expect(decoded.packet.type).toBe(packet.type);
      collectLabels(decoded.spans!, labels);
    }
  }
  for (const [version, hex] of broken) {
    const input = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    try {
      decode(input, version, { spans: true });
      throw new Error(`${hex} decoded`);
    } catch (error) {
      expect(error).toBeInstanceOf(MqttError);
      collectLabels((error as MqttError & { spans?: Span[] }).spans ?? [], labels);
    }
  }
  return labels;
}

/** Labels written in the codec's source, including the default `field.<name>` of strings. */
function sourceLabels(): Set<string> {
  const labels = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? walk(path)
        : path.endsWith('.ts') && !path.endsWith('.test.ts')
          ? [path]
          : [];
    });
  for (const file of walk(join(root, 'engine/codec'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'(field\.[A-Za-z0-9]+)'/g)) labels.add(m[1]);
    for (const m of text.matchAll(/\br\.(?:string|binary)\('([A-Za-z0-9]+)'\)/g)) labels.add(`field.${m[1]}`);
  }
  return labels;
}

// ---------------------------------------------------------------- the checks

describe('every span label has a name and an explanation in both languages', () => {
  test('labels from decoding every packet type in both versions', () => {
    const labels = corpusLabels();
    expect(labels.size).toBeGreaterThan(60);
    const missing = [...labels].flatMap((label) => [...hasText(`${label}.name`), ...hasText(`${label}.about`)]);
    expect(missing).toEqual([]);
  });

  test('the corpus reaches every property', () => {
    const labels = corpusLabels();
    expect(PROPERTIES.map((p) => `property.${p.name}`).filter((l) => !labels.has(l))).toEqual([]);
  });

  test('labels written in the codec source', () => {
    const missing = [...sourceLabels()].flatMap((label) => [...hasText(`${label}.name`), ...hasText(`${label}.about`)]);
    expect(missing).toEqual([]);
  });

  test('every property in the table', () => {
    const missing = PROPERTIES.flatMap((p) => [
      ...hasText(`property.${p.name}.name`),
      ...hasText(`property.${p.name}.about`),
    ]);
    expect(missing).toEqual([]);
  });
});

describe('errors and reason codes', () => {
  test('every error code, in both languages, with the same parameters', () => {
    const problems: string[] = [];
    for (const code of Object.keys(errorMessages)) {
      for (const [lang, key] of hasText(`error.${code}`)) problems.push(`${lang}: missing ${key}`);
      const enParams = templateParams(String(lookup(en, `error.${code}`)));
      const zhParams = templateParams(String(lookup(zh, `error.${code}`)));
      if (enParams.join() !== zhParams.join()) problems.push(`${code}: en {${enParams}} zh {${zhParams}}`);
    }
    expect(problems).toEqual([]);
  });

  test('every reason code of both versions, told apart by packet', () => {
    const missing = [
      ...REASON_CODES_5.map((entry) => reasonEntryKey(5, entry)),
      ...REASON_CODES_4.map((entry) => reasonEntryKey(4, entry)),
    ].flatMap((key) => [...hasText(`${key}.name`), ...hasText(`${key}.meaning`)]);
    expect(missing).toEqual([]);
    const keys5 = REASON_CODES_5.map((entry) => reasonEntryKey(5, entry));
    expect(new Set(keys5).size).toBe(keys5.length);
    const keys4 = REASON_CODES_4.map((entry) => reasonEntryKey(4, entry));
    expect(new Set(keys4).size).toBe(keys4.length);
  });

  test('no translated reason code is left over from a table that changed', () => {
    const wanted5 = new Set(REASON_CODES_5.map((entry) => reasonEntryKey(5, entry).split('.')[2]));
    const wanted4 = new Set(REASON_CODES_4.map((entry) => reasonEntryKey(4, entry).split('.')[2]));
    expect(Object.keys(en.reason.v5).filter((k) => !wanted5.has(k))).toEqual([]);
    expect(Object.keys(en.reason.v4).filter((k) => !wanted4.has(k))).toEqual([]);
  });
});

describe('the two languages', () => {
  test('have identical key sets and no empty strings', () => {
    const enKeys = flatKeys(en).sort();
    const zhKeys = flatKeys(zh).sort();
    expect(zhKeys).toEqual(enKeys);
    const empty = [...enKeys.flatMap((k) => hasText(k))];
    expect(empty).toEqual([]);
  });

  test('use the same placeholders in every string', () => {
    const differ = flatKeys(en).filter(
      (key) => templateParams(String(lookup(en, key))).join() !== templateParams(String(lookup(zh, key))).join(),
    );
    expect(differ).toEqual([]);
  });

  test('have every key the app asks for by name', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return walk(path);
        return /\.(svelte|ts)$/.test(path) && !path.endsWith('.test.ts') ? [path] : [];
      });
    const missing: string[] = [];
    for (const file of walk(join(root, 'app'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) {
        const key = m[1];
        const found = [key, `${key}_one`, `${key}_other`].some((k) => typeof lookup(en, k) === 'string');
        if (!found) missing.push(`${file.slice(root.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
