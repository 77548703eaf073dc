/** What lesson 07's prose claims, asserted on its runs and on the codec. */
import { expect } from 'vitest';
import {
  MqttError,
  type Packet,
  type ProtocolVersion,
  type Span,
  decode,
  encode,
  reasonCode,
} from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';

const utf8 = new TextEncoder();
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** The top-level spans of a packet: fixedHeader, variableHeader, payload (those it has). */
function parts(bytes: Uint8Array, version: ProtocolVersion = 4): Span[] {
  return decode(bytes, version, { spans: true }).spans!;
}
const part = (bytes: Uint8Array, name: string, version: ProtocolVersion = 4) =>
  parts(bytes, version).find((s) => s.field === name);
const hasPayload = (bytes: Uint8Array, version: ProtocolVersion = 4) => part(bytes, 'payload', version) !== undefined;

/** One packet of every type, for the summary table. */
const SAMPLES: Array<[label: string, packet: Packet, version: ProtocolVersion]> = [
  [
    'CONNECT',
    { type: 'CONNECT', protocolName: 'MQTT', protocolVersion: 4, clean: true, keepAlive: 60, clientId: 'a' },
    4,
  ],
  ['CONNACK', { type: 'CONNACK', sessionPresent: false, reasonCode: 0 }, 4],
  [
    'PUBLISH',
    { type: 'PUBLISH', dup: false, qos: 1, retain: false, topic: 't', packetId: 1, payload: utf8.encode('x') },
    4,
  ],
  ['PUBACK', { type: 'PUBACK', packetId: 1 }, 4],
  ['PUBREC', { type: 'PUBREC', packetId: 1 }, 4],
  ['PUBREL', { type: 'PUBREL', packetId: 1 }, 4],
  ['PUBCOMP', { type: 'PUBCOMP', packetId: 1 }, 4],
  ['SUBSCRIBE', { type: 'SUBSCRIBE', packetId: 1, subscriptions: [{ topicFilter: 't', qos: 1 }] }, 4],
  ['SUBACK', { type: 'SUBACK', packetId: 1, reasonCodes: [1] }, 4],
  ['UNSUBSCRIBE', { type: 'UNSUBSCRIBE', packetId: 1, topicFilters: ['t'] }, 4],
  ['UNSUBACK', { type: 'UNSUBACK', packetId: 1 }, 4],
  ['UNSUBACK 5.0', { type: 'UNSUBACK', packetId: 1, reasonCodes: [0] }, 5],
  ['PINGREQ', { type: 'PINGREQ' }, 4],
  ['PINGRESP', { type: 'PINGRESP' }, 4],
  ['DISCONNECT', { type: 'DISCONNECT' }, 4],
];

const text = (s: string) => [...utf8.encode(s)];

export const checks: Checks = {
  connect: ({ v311, v5 }) => {
    for (const run of [v311, v5]) expect(run.trace.some((e) => e.kind === 'drop')).toBe(false); // tcp: nothing lost

    // connect: the payload holds client id, will topic, will message, user name, password, in that
    // order [MQTT-3.1.3-1], each with a two-byte length first; the connect flags say which are there
    const connect = v311.packet({ type: 'CONNECT', from: 'sensor' });
    const connectPayload = part(connect.bytes, 'payload')!;
    expect(connectPayload.children!.map((s) => s.field)).toEqual([
      'clientId',
      'will.topic',
      'will.payload',
      'username',
      'password',
    ]);
    const fields = connectPayload.children!.map((s) => [...connect.bytes.slice(s.start, s.end)]);
    expect(fields).toEqual(
      ['sensor', 'home/door/status', 'offline', 'door', 'secret'].map((s) => [0, text(s).length, ...text(s)]),
    );
    const flags = connect.bytes[9];
    expect(flags & 0x80).toBeTruthy(); // user name
    expect(flags & 0x40).toBeTruthy(); // password
    expect(flags & 0x04).toBeTruthy(); // will
    // the app's CONNECT has no will, user name or password: its payload is the client id alone
    const appConnect = v311.packet({ type: 'CONNECT', from: 'app' });
    expect(part(appConnect.bytes, 'payload')!.children!.map((s) => s.field)).toEqual(['clientId']);
    expect(appConnect.bytes[9] & 0xc4).toBe(0);
  },
  subscribe: ({ v311 }) => {
    // subscribe: the payload is the filter (length + text) and one options byte, requested QoS 1
    const subscribe = v311.packet({ type: 'SUBSCRIBE', from: 'app' });
    const subscribePayload = part(subscribe.bytes, 'payload')!;
    expect(hex(subscribe.bytes.slice(subscribePayload.start))).toBe(
      hex(new Uint8Array([0, 6, ...text('home/#'), 0x01])),
    );

    // a SUBSCRIBE may carry several filters, and must carry at least one [MQTT-3.8.3-3]
    const two = encode({
      type: 'SUBSCRIBE',
      packetId: 1,
      subscriptions: [
        { topicFilter: 'a', qos: 0 },
        { topicFilter: 'b', qos: 1 },
      ],
    });
    expect(part(two, 'payload')!.children!.length).toBe(2);
    let none: unknown;
    try {
      encode({ type: 'SUBSCRIBE', packetId: 1, subscriptions: [] });
    } catch (error) {
      none = error;
    }
    expect(none).toBeInstanceOf(MqttError);
    expect((none as MqttError).rule).toBe('MQTT-3.8.3-3');
  },
  'suback-byte': ({ v311 }) => {
    // suback-byte: one return code per filter: 0x01, success with maximum QoS 1 (0x80 would be a refusal)
    const suback = v311.packet({ type: 'SUBACK', to: 'app' });
    const subackPayload = part(suback.bytes, 'payload')!;
    expect(subackPayload.end - subackPayload.start).toBe(1);
    expect(suback.bytes[subackPayload.start]).toBe(0x01);
    expect(reasonCode('SUBACK', 0x01, 4)?.name).toBe('Success - Maximum QoS 1');
    expect(reasonCode('SUBACK', 0x80, 4)?.name).toBe('Failure');
  },
  publish: ({ v311 }) => {
    // publish: the payload is the rest of the packet: 'open', 4 bytes, no length of its own;
    // remaining length 17 = 2 + 9 (topic) + 2 (packet id) + 4 (payload)
    const publish = v311.packet({ type: 'PUBLISH', from: 'sensor' });
    const publishPayload = part(publish.bytes, 'payload')!;
    const publishHeader = part(publish.bytes, 'variableHeader')!;
    expect(hex(publish.bytes.slice(publishPayload.start))).toBe('6f 70 65 6e');
    expect(publishPayload.start).toBe(publishHeader.end);
    expect(publishPayload.end).toBe(publish.bytes.length);
    expect(publish.bytes[1]).toBe(17);
    expect(publishHeader.end - publishHeader.start).toBe(13);
  },
  'predict-puback': ({ v311 }) => {
    // predict-puback: the PUBACK is fixed header + packet identifier, nothing else
    const puback = v311.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' });
    expect(parts(puback.bytes).map((s) => s.field)).toEqual(['fixedHeader', 'variableHeader']);
    expect(puback.bytes.length).toBe(4);
  },
  'predict-empty': ({ v311 }) => {
    // predict-empty: an empty payload is fine: the PUBLISH ends after the topic, the app gets ''
    const empty = v311.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(hasPayload(empty.bytes)).toBe(false);
    expect(part(empty.bytes, 'variableHeader')!.end).toBe(empty.bytes.length);
    expect(v311.trace.some((e) => e.kind === 'error' || e.kind === 'close')).toBe(false);
    expect(v311.payloads('app')).toEqual(['open', '', '开']);
  },
  'any-bytes': ({ v311 }) => {
    // any-bytes: '开' is three bytes, e5 bc 80; the broker passes every payload on byte for byte
    const zh = v311.packet({ type: 'PUBLISH', from: 'sensor', nth: 3 });
    expect(hex(zh.bytes.slice(part(zh.bytes, 'payload')!.start))).toBe('e5 bc 80');
    const payloadOf = (s: { packet: Packet }) => (s.packet.type === 'PUBLISH' ? hex(s.packet.payload) : null);
    expect(v311.sends({ type: 'PUBLISH', from: 'broker', to: 'app' }).map(payloadOf)).toEqual(
      v311.sends({ type: 'PUBLISH', from: 'sensor' }).map(payloadOf),
    );
  },
  unsubscribe: ({ v311 }) => {
    // unsubscribe: the UNSUBSCRIBE payload is the filter alone, no options byte; the 3.1.1 UNSUBACK has no payload
    const unsubscribe = v311.packet({ type: 'UNSUBSCRIBE', from: 'app' });
    expect(hex(unsubscribe.bytes.slice(part(unsubscribe.bytes, 'payload')!.start))).toBe(
      hex(new Uint8Array([0, 6, ...text('home/#')])),
    );
    const unsuback = v311.packet({ type: 'UNSUBACK', to: 'app' });
    expect(hex(unsuback.bytes)).toBe('b0 02 00 02');
    expect(hasPayload(unsuback.bytes)).toBe(false);
  },
  'v5-unsuback': ({ v5 }) => {
    // v5-unsuback: in 5.0 the UNSUBACK's payload has one reason code per filter: 0x00 Success
    const first = v5.packet({ type: 'UNSUBACK', to: 'app' });
    const firstPayload = part(first.bytes, 'payload', 5)!;
    expect(hex(first.bytes.slice(firstPayload.start))).toBe('00');
    expect(reasonCode('UNSUBACK', 0x00, 5)?.name).toBe('Success');
  },
  'predict-unsuback': ({ v5 }) => {
    // predict-unsuback / summary: the second one says 0x11, No subscription existed
    const second = v5.packet({ type: 'UNSUBACK', to: 'app', nth: 2 });
    expect(hex(second.bytes.slice(part(second.bytes, 'payload', 5)!.start))).toBe('11');
    expect(reasonCode('UNSUBACK', 0x11, 5)?.name).toBe('No subscription existed');
  },
  summary: () => {
    // summary: which packets carry a payload (read from the codec's own field map)
    const carrying = SAMPLES.filter(([, packet, version]) => hasPayload(encode(packet, version), version)).map(
      ([label]) => label,
    );
    expect(carrying).toEqual(['CONNECT', 'PUBLISH', 'SUBSCRIBE', 'SUBACK', 'UNSUBSCRIBE', 'UNSUBACK 5.0']);
    // in 5.0 an acknowledgement's reason code sits in the variable header, not in a payload
    const puback5 = encode({ type: 'PUBACK', packetId: 1, reasonCode: 0x10 }, 5);
    expect(parts(puback5, 5).map((s) => s.field)).toEqual(['fixedHeader', 'variableHeader']);
    expect(part(puback5, 'variableHeader', 5)!.children!.map((s) => s.field)).toContain('reasonCode');
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'suback-byte': ({ v311 }) => {
    const suback = v311.packet({ type: 'SUBACK', to: 'app' });
    return suback.bytes[part(suback.bytes, 'payload')!.start];
  },
  'predict-puback': ({ v311 }) =>
    hasPayload(v311.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' }).bytes) ? 'yes-code' : 'no',
  'predict-empty': ({ v311 }) => {
    if (v311.sends({ type: 'PUBLISH', from: 'sensor' }).length < 3) return 'skipped';
    if (v311.trace.some((e) => e.kind === 'close')) return 'refused';
    return v311.payloads('app').includes('') ? 'delivered' : 'refused';
  },
  'predict-unsuback': ({ v5 }) => {
    const second = v5.sends({ type: 'UNSUBACK', to: 'app' })[1];
    if (!second || second.packet.type !== 'UNSUBACK') return 'no-answer';
    return second.packet.reasonCodes?.[0] === 0x11 ? 'no-subscription' : 'success';
  },
};
