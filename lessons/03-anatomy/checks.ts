/** What lesson 03's prose claims, asserted on its run and on the codec. */
import { expect } from 'vitest';
import { type Packet, type PacketType, type Span, decode, encode, findSpan } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import type { Run } from '../run.ts';

const utf8 = new TextEncoder();

function spansOf(bytes: Uint8Array): Span[] {
  return decode(bytes, 4, { spans: true }).spans!;
}

const part = (spans: Span[], field: string) => spans.find((s) => s.field === field);
const childFields = (span: Span | undefined) => (span?.children ?? []).map((c) => c.field);
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * The table in "which-parts": for each 3.1.1 packet, the fields of its variable header (null: no
 * variable header) and whether it has a payload.
 */
const PARTS: Record<Exclude<PacketType, 'AUTH'>, { variable: string[] | null; payload: 'yes' | 'no' | 'optional' }> = {
  CONNECT: { variable: ['protocolName', 'protocolVersion', 'connectFlags', 'keepAlive'], payload: 'yes' },
  CONNACK: { variable: ['acknowledgeFlags', 'reasonCode'], payload: 'no' },
  PUBLISH: { variable: ['topic', 'packetId'], payload: 'optional' },
  PUBACK: { variable: ['packetId'], payload: 'no' },
  PUBREC: { variable: ['packetId'], payload: 'no' },
  PUBREL: { variable: ['packetId'], payload: 'no' },
  PUBCOMP: { variable: ['packetId'], payload: 'no' },
  SUBSCRIBE: { variable: ['packetId'], payload: 'yes' },
  SUBACK: { variable: ['packetId'], payload: 'yes' },
  UNSUBSCRIBE: { variable: ['packetId'], payload: 'yes' },
  UNSUBACK: { variable: ['packetId'], payload: 'no' },
  PINGREQ: { variable: null, payload: 'no' },
  PINGRESP: { variable: null, payload: 'no' },
  DISCONNECT: { variable: null, payload: 'no' },
};

/** One packet of each 3.1.1 type, as full as the type allows. */
const SAMPLES: Packet[] = [
  {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolVersion: 4,
    clean: true,
    keepAlive: 60,
    clientId: 'sensor',
    will: { topic: 'home/sensor', payload: utf8.encode('gone'), qos: 1, retain: false },
    username: 'user',
    password: utf8.encode('secret'),
  },
  { type: 'CONNACK', sessionPresent: false, reasonCode: 0 },
  { type: 'PUBLISH', dup: false, qos: 1, retain: false, topic: 'home/temp', packetId: 1, payload: utf8.encode('21.5') },
  { type: 'PUBACK', packetId: 1 },
  { type: 'PUBREC', packetId: 1 },
  { type: 'PUBREL', packetId: 1 },
  { type: 'PUBCOMP', packetId: 1 },
  { type: 'SUBSCRIBE', packetId: 2, subscriptions: [{ topicFilter: 'home/#', qos: 1 }] },
  { type: 'SUBACK', packetId: 2, reasonCodes: [1] },
  { type: 'UNSUBSCRIBE', packetId: 3, topicFilters: ['home/#'] },
  { type: 'UNSUBACK', packetId: 3 },
  { type: 'PINGREQ' },
  { type: 'PINGRESP' },
  { type: 'DISCONNECT' },
];

/** A packet's parts agree with its row of the table. */
function expectParts(type: PacketType, spans: Span[], where: string): void {
  const row = PARTS[type as Exclude<PacketType, 'AUTH'>];
  expect(spans[0].field, where).toBe('fixedHeader');
  const variable = part(spans, 'variableHeader');
  if (row.variable === null) expect(variable, where).toBeUndefined();
  else {
    const fields = childFields(variable);
    // a QoS 0 PUBLISH has no packet identifier
    expect(row.variable.slice(0, fields.length), where).toEqual(fields);
  }
  const payload = part(spans, 'payload');
  if (row.payload === 'yes') expect(payload, where).toBeDefined();
  if (row.payload === 'no') expect(payload, where).toBeUndefined();
}

const CONNECT = { type: 'CONNECT', from: 'sensor' } as const;
const PUBLISH = { type: 'PUBLISH', from: 'sensor' } as const;

/** The sensor's PUBLISH, as a PUBLISH packet. */
function publishOf(anatomy: Run) {
  const publish = anatomy.packet(PUBLISH);
  if (publish.packet.type !== 'PUBLISH') throw new Error('not a PUBLISH');
  return { ...publish, packet: publish.packet };
}

export const checks: Checks = {
  'three-parts': ({ anatomy }) => {
    // over TCP, nothing lost; the runs speak MQTT 3.1.1
    expect(anatomy.scenario.transport ?? 'tcp').toBe('tcp');
    expect(anatomy.scenario.version ?? 4).toBe(4);
    expect(anatomy.trace.some((e) => e.kind === 'drop')).toBe(false);
    // the CONNECT is the sensor's first packet, 20 bytes, all three parts
    const connect = anatomy.packet(CONNECT);
    expect(anatomy.trace.find((e) => e.kind === 'send' && e.from === 'sensor')).toBe(connect);
    expect(connect.bytes.length).toBe(20);
    expect(anatomy.spans(CONNECT).map((s) => s.field)).toEqual(['fixedHeader', 'variableHeader', 'payload']);
  },

  'fixed-header': ({ anatomy }) => {
    // 0x10 (type 1 = CONNECT, flags 0000), 0x12 = 18 bytes follow; 2 + 18 = 20
    const connect = anatomy.packet(CONNECT);
    const fixed = anatomy.field(CONNECT, 'fixedHeader')!;
    expect([fixed.start, fixed.end]).toEqual([0, 2]);
    expect(connect.bytes[0]).toBe(0x10);
    expect(connect.bytes[0] >> 4).toBe(1);
    expect(connect.bytes[0] & 0x0f).toBe(0b0000);
    expect(connect.bytes[1]).toBe(0x12);
    expect(connect.bytes[1]).toBe(18);
    expect(2 + connect.bytes[1]).toBe(connect.bytes.length);
  },

  'variable-header': ({ anatomy }) => {
    // 10 bytes: "MQTT" (length 0x0004), level 4 = 3.1.1, flags 0x02 (Clean Session only), keep alive 60
    const connect = anatomy.packet(CONNECT);
    const variable = anatomy.field(CONNECT, 'variableHeader')!;
    expect(variable.end - variable.start).toBe(10);
    expect(childFields(variable)).toEqual(['protocolName', 'protocolVersion', 'connectFlags', 'keepAlive']);
    const name = anatomy.field(CONNECT, 'protocolName')!;
    expect(hex(connect.bytes.subarray(name.start, name.end))).toBe('00 04 4d 51 54 54');
    expect(connect.packet).toMatchObject({ protocolName: 'MQTT', protocolVersion: 4, clean: true, keepAlive: 60 });
    const flags = anatomy.field(CONNECT, 'connectFlags')!;
    expect(connect.bytes[flags.start]).toBe(0x02);
    for (const bit of flags.children!)
      expect(bit.value, bit.field).toBe(bit.field === 'clean' ? '1' : bit.field === 'will.qos' ? '00' : '0');
    const keepAlive = anatomy.field(CONNECT, 'keepAlive')!;
    expect(hex(connect.bytes.subarray(keepAlive.start, keepAlive.end))).toBe('00 3c');
  },

  'client-id': ({ anatomy }) => {
    // 8 bytes left, the client identifier: 0x0006 "sensor"
    const connect = anatomy.packet(CONNECT);
    const payload = anatomy.field(CONNECT, 'payload')!;
    expect(payload.end - payload.start).toBe(8);
    expect(connect.bytes.length - anatomy.field(CONNECT, 'variableHeader')!.end).toBe(8);
    expect(childFields(payload)).toEqual(['clientId']);
    const clientId = anatomy.field(CONNECT, 'clientId')!;
    expect(hex(connect.bytes.subarray(clientId.start, clientId.end))).toBe(hex(utf8.encode('\u0000\u0006sensor')));
    // the client identifier comes first; will, user name and password follow when the flags say so
    const full = spansOf(encode(SAMPLES[0]));
    expect(childFields(part(full, 'payload'))).toEqual([
      'clientId',
      'will.topic',
      'will.payload',
      'username',
      'password',
    ]);
  },

  connack: ({ anatomy }) => {
    // four bytes, 0x20 0x02, a two-byte variable header (session present 0, return code 0), no payload
    const ref = { type: 'CONNACK', to: 'sensor' } as const;
    const connack = anatomy.packet(ref);
    expect(hex(connack.bytes)).toBe('20 02 00 00');
    expect(connack.packet).toMatchObject({ sessionPresent: false, reasonCode: 0 });
    expect(anatomy.spans(ref).map((s) => s.field)).toEqual(['fixedHeader', 'variableHeader']);
    const variable = anatomy.field(ref, 'variableHeader')!;
    expect(variable.end - variable.start).toBe(2);
  },

  publish: ({ anatomy }) => {
    // QoS 1; variable header = topic (0x0009 + 9 bytes = 11) + packet identifier 0x0001 (2)
    const publish = publishOf(anatomy);
    expect(publish.packet).toMatchObject({ topic: 'home/temp', qos: 1, packetId: 1 });
    expect(childFields(anatomy.field(PUBLISH, 'variableHeader'))).toEqual(['topic', 'packetId']);
    const topic = anatomy.field(PUBLISH, 'topic')!;
    expect(topic.end - topic.start).toBe(11);
    expect(hex(publish.bytes.subarray(topic.start, topic.start + 2))).toBe('00 09');
    const packetId = anatomy.field(PUBLISH, 'packetId')!;
    expect(hex(publish.bytes.subarray(packetId.start, packetId.end))).toBe('00 01');
    // a QoS 0 PUBLISH has no packet identifier
    const qos0 = spansOf(encode({ ...publish.packet, qos: 0, packetId: undefined }));
    expect(childFields(part(qos0, 'variableHeader'))).toEqual(['topic']);
  },

  'remaining-length': ({ anatomy }) => {
    // 11 + 2 + 4 = 17 = 0x11
    expect(publishOf(anatomy).bytes[1]).toBe(11 + 2 + 4);
  },

  payload: ({ anatomy }) => {
    // the payload 32 31 2E 35 is what is left, 17 - 13 ...
    const publish = publishOf(anatomy);
    const payload = anatomy.field(PUBLISH, 'payload')!;
    expect(hex(publish.bytes.subarray(payload.start, payload.end))).toBe('32 31 2e 35');
    expect(payload.end - payload.start).toBe(publish.bytes[1] - 13);
    // ... with no length in front of it, unlike the topic
    expect(payload.children).toBeUndefined();
    expect(childFields(anatomy.field(PUBLISH, 'topic')).length).toBe(2);
    expect(payload.end).toBe(publish.bytes.length);
    // the broker forwards the very same payload bytes to the app
    const forwarded = anatomy.packet({ type: 'PUBLISH', from: 'broker', to: 'app' });
    if (forwarded.packet.type !== 'PUBLISH') throw new Error('not a PUBLISH');
    expect(hex(forwarded.packet.payload)).toBe(hex(publish.packet.payload));
  },

  'which-parts': ({ anatomy }) => {
    // the DISCONNECT is 0xE0 0x00, a fixed header and nothing else
    const ref = { type: 'DISCONNECT', from: 'sensor' } as const;
    expect(hex(anatomy.packet(ref).bytes)).toBe('e0 00');
    expect(anatomy.spans(ref).map((s) => s.field)).toEqual(['fixedHeader']);
    // the table, row by row, on one packet of each 3.1.1 type ...
    expect(SAMPLES.map((p) => p.type).sort()).toEqual(Object.keys(PARTS).sort());
    for (const sample of SAMPLES) expectParts(sample.type, spansOf(encode(sample)), `sample ${sample.type}`);
    // ... a PUBLISH's payload may be empty ...
    const empty = spansOf(encode({ ...publishOf(anatomy).packet, payload: new Uint8Array() }));
    expect(part(empty, 'payload')).toBeUndefined();
    // ... and on every packet of the run
    for (const e of anatomy.trace) if (e.kind === 'send') expectParts(e.packet.type, spansOf(e.bytes), `run ${e.seq}`);
    // five types have a payload; application data travels in PUBLISH's and in CONNECT's (the will message)
    expect(Object.values(PARTS).filter((row) => row.payload !== 'no')).toHaveLength(5);
    expect(findSpan(part(spansOf(encode(SAMPLES[0])), 'payload')!.children!, 'will.payload')).toBeDefined();
    // SUBACK: one return code per topic filter; answers carry the request's packet identifier
    const subscribe = anatomy.packet({ type: 'SUBSCRIBE', from: 'app' });
    const suback = anatomy.packet({ type: 'SUBACK', to: 'app' });
    if (subscribe.packet.type !== 'SUBSCRIBE' || suback.packet.type !== 'SUBACK') throw new Error('wrong types');
    expect(suback.packet.reasonCodes.length).toBe(subscribe.packet.subscriptions.length);
    expect(suback.packet.packetId).toBe(subscribe.packet.packetId);
    const puback = anatomy.packet({ type: 'PUBACK', to: 'sensor' });
    expect(puback.packet).toMatchObject({ packetId: publishOf(anatomy).packet.packetId });
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-payload': ({ anatomy }) => {
    const payload = part(spansOf(anatomy.packet({ type: 'CONNECT', from: 'sensor' }).bytes), 'payload');
    if (!payload) return 'empty';
    return childFields(payload).join() === 'clientId' ? 'client-id' : 'topic';
  },
  'remaining-length': ({ anatomy }) => anatomy.packet({ type: 'PUBLISH', from: 'sensor' }).bytes[1],
  'predict-disconnect': ({ anatomy }) => {
    const parts = spansOf(anatomy.packet({ type: 'DISCONNECT', from: 'sensor' }).bytes).map((s) => s.field);
    return parts.length === 1 ? 'fixed-only' : parts.length === 2 ? 'fixed-variable' : 'all-three';
  },
};
