/** What lesson 04's prose claims, asserted on its runs and on the codec. */
import { expect } from 'vitest';
import {
  type CloseEvent,
  type ErrorEvent,
  MqttError,
  PACKET_TYPES,
  type Packet,
  type PacketType,
  type SendEvent,
  TYPE_CODE,
  createDecoder,
  decode,
  defineScenario,
  encode,
} from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import { Run } from '../run.ts';

/** The MqttError that decoding `bytes` throws (as 3.1.1 unless told), or null if they decode. */
function refusal(bytes: number[], version: 4 | 5 = 4): MqttError | null {
  try {
    decode(Uint8Array.from(bytes), version);
    return null;
  } catch (error) {
    if (error instanceof MqttError) return error;
    throw error;
  }
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

type Direction = 'client → broker' | 'broker → client' | 'both ways';

/** The table in "types", row by row (the first byte of PUBLISH depends on its flags). */
const TABLE: Array<{ value: number; type: PacketType; direction: Direction; flags: number | 'publish' }> = [
  { value: 1, type: 'CONNECT', direction: 'client → broker', flags: 0b0000 },
  { value: 2, type: 'CONNACK', direction: 'broker → client', flags: 0b0000 },
  { value: 3, type: 'PUBLISH', direction: 'both ways', flags: 'publish' },
  { value: 4, type: 'PUBACK', direction: 'both ways', flags: 0b0000 },
  { value: 5, type: 'PUBREC', direction: 'both ways', flags: 0b0000 },
  { value: 6, type: 'PUBREL', direction: 'both ways', flags: 0b0010 },
  { value: 7, type: 'PUBCOMP', direction: 'both ways', flags: 0b0000 },
  { value: 8, type: 'SUBSCRIBE', direction: 'client → broker', flags: 0b0010 },
  { value: 9, type: 'SUBACK', direction: 'broker → client', flags: 0b0000 },
  { value: 10, type: 'UNSUBSCRIBE', direction: 'client → broker', flags: 0b0010 },
  { value: 11, type: 'UNSUBACK', direction: 'broker → client', flags: 0b0000 },
  { value: 12, type: 'PINGREQ', direction: 'client → broker', flags: 0b0000 },
  { value: 13, type: 'PINGRESP', direction: 'broker → client', flags: 0b0000 },
  { value: 14, type: 'DISCONNECT', direction: 'client → broker', flags: 0b0000 },
  { value: 15, type: 'AUTH', direction: 'both ways', flags: 0b0000 },
];

/** One packet of each type, to encode (AUTH as 5.0). */
const SAMPLES: Record<PacketType, Packet> = {
  CONNECT: { type: 'CONNECT', protocolName: 'MQTT', protocolVersion: 4, clean: true, keepAlive: 60, clientId: 'x' },
  CONNACK: { type: 'CONNACK', sessionPresent: false, reasonCode: 0 },
  PUBLISH: { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 'a', payload: new Uint8Array() },
  PUBACK: { type: 'PUBACK', packetId: 1 },
  PUBREC: { type: 'PUBREC', packetId: 1 },
  PUBREL: { type: 'PUBREL', packetId: 1 },
  PUBCOMP: { type: 'PUBCOMP', packetId: 1 },
  SUBSCRIBE: { type: 'SUBSCRIBE', packetId: 1, subscriptions: [{ topicFilter: 'a', qos: 0 }] },
  SUBACK: { type: 'SUBACK', packetId: 1, reasonCodes: [0] },
  UNSUBSCRIBE: { type: 'UNSUBSCRIBE', packetId: 1, topicFilters: ['a'] },
  UNSUBACK: { type: 'UNSUBACK', packetId: 1 },
  PINGREQ: { type: 'PINGREQ' },
  PINGRESP: { type: 'PINGRESP' },
  DISCONNECT: { type: 'DISCONNECT' },
  AUTH: { type: 'AUTH', reasonCode: 0 },
};

function directions(sends: SendEvent[]): Direction | 'none' {
  const up = sends.some((s) => s.to === 'broker');
  const down = sends.some((s) => s.from === 'broker');
  return up && down ? 'both ways' : up ? 'client → broker' : down ? 'broker → client' : 'none';
}

/** The broken run's story: the broker's close of the app's connection, the SUBACK, the subscription. */
function brokenOutcome(broken: Run) {
  const subscribe = broken.packet({ type: 'SUBSCRIBE', from: 'app' });
  const [arrival] = broken.arrivals(subscribe);
  const closes = broken.trace.filter((e): e is CloseEvent => e.kind === 'close' && e.client === 'app');
  return {
    subscribe,
    arrival,
    brokerClose: closes.find((e) => e.side === 'broker'),
    appClose: closes.find((e) => e.side === 'client'),
    errors: broken.trace.filter((e): e is ErrorEvent => e.kind === 'error'),
    subacks: broken.sends({ type: 'SUBACK', to: 'app' }),
    subscribed: broken.notes('subscribed', 'broker').filter((n) => n.params?.client === 'app'),
  };
}

export const checks: Checks = {
  'first-byte': (runs) => {
    const { flags } = runs;

    // over TCP, nothing lost, MQTT 3.1.1
    expect(flags.scenario.transport ?? 'tcp').toBe('tcp');
    expect(flags.scenario.version ?? 4).toBe(4);
    expect(flags.trace.some((e) => e.kind === 'drop')).toBe(false);

    // first-byte: CONNECT 0x10 = 0001 0000
    const connect = flags.packet({ type: 'CONNECT', from: 'sensor' });
    expect(connect.bytes[0]).toBe(0x10);
    expect(connect.bytes[0].toString(2).padStart(8, '0')).toBe('00010000');
  },
  types: ({ flags }) => {
    const sends = flags.trace.filter((e): e is SendEvent => e.kind === 'send');
    // types: CONNACK 0x20; the table against the codec, and the directions against the run
    expect(flags.packet({ type: 'CONNACK', to: 'sensor' }).bytes[0]).toBe(0x20);
    expect(TABLE.map((row) => row.type)).toEqual([...PACKET_TYPES]);
    for (const row of TABLE) {
      expect(TYPE_CODE[row.type], row.type).toBe(row.value);
      const first = encode(SAMPLES[row.type], row.type === 'AUTH' ? 5 : 4)[0];
      expect(first >> 4, row.type).toBe(row.value);
      if (row.flags !== 'publish') expect(first & 0x0f, row.type).toBe(row.flags);
      const inRun = sends.filter((s) => s.packet.type === row.type);
      if (row.type === 'AUTH') expect(inRun).toEqual([]);
      else {
        expect(directions(inRun), row.type).toBe(row.direction);
        // every packet of the run has the first byte of the table
        for (const s of inRun) if (row.flags !== 'publish') expect(s.bytes[0]).toBe((row.value << 4) | row.flags);
      }
    }
    // 0 is reserved; 15 is reserved in 3.1.1 and AUTH in 5.0
    expect(refusal([0x00, 0x00])?.code).toBe('reserved-type');
    expect(refusal([0xf0, 0x00], 4)?.code).toBe('reserved-type');
    expect(refusal([0xf0, 0x00], 5)).toBeNull();
    expect(decode(Uint8Array.of(0xf0, 0x00), 5).packet.type).toBe('AUTH');
    // fifteen types in all, fourteen in 3.1.1 — and this run uses all fourteen
    expect(PACKET_TYPES).toHaveLength(15);
    expect(new Set(sends.map((s) => s.packet.type))).toEqual(new Set(PACKET_TYPES.filter((t) => t !== 'AUTH')));
    // in 5.0 the broker sends DISCONNECT too (here: a second connection with the same client id takes over)
    const takeover = Run.of(
      defineScenario({
        version: 5,
        clients: [
          { id: 'first', clientId: 'dev' },
          { id: 'second', clientId: 'dev' },
        ],
        steps: [
          { atMs: 0, do: 'connect', client: 'first' },
          { atMs: 200, do: 'connect', client: 'second' },
        ],
        untilMs: 500,
      }),
    );
    expect(takeover.sends({ type: 'DISCONNECT', from: 'broker', to: 'first' })).toHaveLength(1);
  },
  'subscribe-byte': ({ flags }) => {
    // subscribe-byte / reserved-flags: 0x82 = 1000 0010
    const subscribe = flags.packet({ type: 'SUBSCRIBE', from: 'app' });
    expect(subscribe.bytes[0]).toBe(0x82);
    expect(subscribe.bytes[0] >> 4).toBe(8);
    expect(subscribe.bytes[0] & 0x0f).toBe(0b0010);
    // exactly PUBREL, SUBSCRIBE and UNSUBSCRIBE carry 0010; all others but PUBLISH 0000
    expect(TABLE.filter((row) => row.flags === 0b0010).map((row) => row.type)).toEqual([
      'PUBREL',
      'SUBSCRIBE',
      'UNSUBSCRIBE',
    ]);
    expect(TABLE.filter((row) => row.flags !== 0b0010 && row.flags !== 0).map((row) => row.type)).toEqual(['PUBLISH']);
    // 0010 read as PUBLISH flags is QoS 1
    expect((0b0010 >> 1) & 3).toBe(1);
  },
  'publish-byte': ({ flags }) => {
    // publish-byte / publish-flags: QoS 2, RETAIN 1, DUP 0 → 0x35 = 0011 0101
    const publish = flags.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(publish.packet).toMatchObject({ qos: 2, retain: true, dup: false, topic: 'home/door' });
    expect(publish.bytes[0]).toBe(0x35);
    expect(publish.bytes[0].toString(2).padStart(8, '0')).toBe('00110101');
    expect(0x35 >> 4).toBe(3);
    expect((0x35 >> 1) & 3).toBe(2);
    expect(0x35 & 1).toBe(1);
    expect((0x35 >> 3) & 1).toBe(0);
  },
  forwarded: ({ flags }) => {
    const publish = flags.packet({ type: 'PUBLISH', from: 'sensor' });
    const subscribe = flags.packet({ type: 'SUBSCRIBE', from: 'app' });
    // forwarded: the broker's copy to the app is 0x34 (RETAIN 0, the subscription existed) [MQTT-3.3.1-9]
    const copy = flags.packet({ type: 'PUBLISH', from: 'broker', to: 'app' });
    expect(copy.bytes[0]).toBe(0x34);
    expect(copy.packet).toMatchObject({ qos: 2, retain: false });
    expect(subscribe.atMs).toBeLessThan(publish.atMs);
  },
  'qos2-flow': ({ flags }) => {
    // qos2-flow: PUBREC 0x50, PUBREL 0x62, PUBCOMP 0x70, once each way for each leg
    for (const [type, first] of [
      ['PUBREC', 0x50],
      ['PUBREL', 0x62],
      ['PUBCOMP', 0x70],
    ] as const) {
      const all = flags.sends({ type });
      expect(all.map((s) => `${s.from}>${s.to}`).sort(), type).toEqual(
        type === 'PUBREL' ? ['broker>app', 'sensor>broker'] : ['app>broker', 'broker>sensor'],
      );
      for (const s of all) expect(s.bytes[0]).toBe(first);
    }
  },
  'the-rest': ({ flags }) => {
    const sends = flags.trace.filter((e): e is SendEvent => e.kind === 'send');
    // the-rest: QoS 1 PUBLISH 0x32, PUBACK 0x40, UNSUBSCRIBE 0xA2, UNSUBACK 0xB0, PINGREQ 0xC0, PINGRESP 0xD0, DISCONNECT 0xE0
    const qos1 = flags.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(qos1.packet).toMatchObject({ qos: 1 });
    expect(qos1.bytes[0]).toBe(0x32);
    expect(flags.packet({ type: 'PUBACK', to: 'sensor' }).bytes[0]).toBe(0x40);
    expect(flags.packet({ type: 'UNSUBSCRIBE', from: 'app' }).bytes[0]).toBe(0xa2);
    expect(flags.packet({ type: 'UNSUBACK', to: 'app' }).bytes[0]).toBe(0xb0);
    const ping = flags.packet({ type: 'PINGREQ', from: 'app' });
    expect(ping.bytes[0]).toBe(0xc0);
    expect(flags.packet({ type: 'PINGRESP', to: 'app' }).bytes[0]).toBe(0xd0);
    expect(flags.packet({ type: 'DISCONNECT', from: 'app' }).bytes[0]).toBe(0xe0);
    // the PINGREQ comes after two seconds in which the app sent nothing (its keepalive is 2 s)
    const before = sends.filter((s) => s.from === 'app' && s.seq < ping.seq).at(-1)!;
    expect(ping.atMs - before.atMs).toBe(2_000);
    expect(flags.packet({ type: 'CONNECT', from: 'app' }).packet).toMatchObject({ keepAlive: 2 });
  },
  'predict-malformed': ({ flags, broken }) => {
    const subscribe = flags.packet({ type: 'SUBSCRIBE', from: 'app' });
    // predict-malformed: a second run over TCP, MQTT 3.1.1, where the app is a faulty client whose
    // SUBSCRIBE to home/# leaves with its first byte changed from 0x82 to 0x80
    expect(broken.scenario.transport ?? 'tcp').toBe('tcp');
    expect(broken.scenario.version ?? 4).toBe(4);
    const outcome = brokenOutcome(broken);
    const sent = outcome.subscribe;
    expect(sent.packet).toMatchObject({ type: 'SUBSCRIBE', subscriptions: [{ topicFilter: 'home/#', qos: 2 }] });
    expect(hex(encode(sent.packet, 4))).toBe(hex(subscribe.bytes)); // what the app meant: 0x82 …
    expect(hex(sent.bytes)).toBe('80 0B 00 01 00 06 68 6F 6D 65 2F 23 02'); // … and what travelled
    expect(sent.corrupted).toEqual({ offset: 0, xor: 0x02, original: 0x82 });
    expect(0x82 ^ 0x02).toBe(0x80);
    // a faulty sender, not the network: TCP carried the bytes as sent, nothing lost or resent
    expect(hex(outcome.arrival.bytes)).toBe(hex(sent.bytes));
    expect(broken.trace.some((e) => e.kind === 'drop')).toBe(false);
    expect(outcome.arrival.retransmits ?? 0).toBe(0);
  },
  'why-close': ({ flags, broken }) => {
    const subscribe = flags.packet({ type: 'SUBSCRIBE', from: 'app' });
    const outcome = brokenOutcome(broken);
    const sent = outcome.subscribe;
    // why-close: the broker refuses it at byte 0, naming the rule, and closes at once [MQTT-2.2.2-2]
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({
      side: 'broker',
      client: 'app',
      code: 'reserved-flags',
      rule: 'MQTT-3.8.1-1',
      offset: 0,
    });
    expect(outcome.brokerClose).toMatchObject({ reason: 'malformed', rule: 'MQTT-3.8.1-1' });
    expect(outcome.brokerClose!.atMs).toBe(outcome.arrival.atMs);
    // no SUBACK, no subscription; the app's side of the connection closes too
    expect(outcome.subacks).toEqual([]);
    expect(outcome.subscribed).toEqual([]);
    expect(outcome.appClose).toMatchObject({ reason: 'peer-closed' });
    expect(outcome.appClose!.atMs).toBeGreaterThan(outcome.brokerClose!.atMs);
    expect(broken.states('app').at(-1)).toBe('disconnected');
    // the sensor's message on home/door never reaches the app; the sensor's connection is untouched
    expect(broken.sends({ type: 'PUBLISH', from: 'sensor' })).toHaveLength(1);
    expect(broken.deliveries('app')).toEqual([]);
    expect(broken.trace.some((e) => e.kind === 'close' && e.client === 'sensor')).toBe(false);

    // the codec agrees: these bytes are malformed [MQTT-3.8.1-1] (the explainer shows the same)
    const error = refusal([...sent.bytes])!;
    expect(error).toBeInstanceOf(MqttError);
    expect(error).toMatchObject({ kind: 'malformed', rule: 'MQTT-3.8.1-1', offset: 0, code: 'reserved-flags' });
    // ... refused as soon as the first byte arrives
    expect(refusal([0x80])).toMatchObject({ kind: 'malformed', rule: 'MQTT-3.8.1-1' });
    // ... and a stream decoder that met it is spent: the connection cannot go on
    const stream = createDecoder(4);
    expect(() => stream.push(sent.bytes)).toThrow(MqttError);
    expect(() => stream.push(subscribe.bytes)).toThrow(MqttError);
    // the other impossible first bytes
    expect(refusal([0x36, 0x00])).toMatchObject({ kind: 'malformed', rule: 'MQTT-3.3.1-4' });
    expect(refusal([0x38, 0x00])).toMatchObject({ kind: 'malformed', rule: 'MQTT-3.3.1-2' });
    expect(refusal([0x00, 0x00])?.kind).toBe('malformed');
    expect(refusal([0xf0, 0x00])?.kind).toBe('malformed');
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'subscribe-byte': ({ flags }) => flags.packet({ type: 'SUBSCRIBE', from: 'app' }).bytes[0],
  'publish-byte': ({ flags }) => flags.packet({ type: 'PUBLISH', from: 'sensor' }).bytes[0],
  // what the broker did with the faulty SUBSCRIBE in the broken run
  'predict-malformed': ({ broken }) => {
    const { subscribed, subacks, brokerClose, arrival } = brokenOutcome(broken);
    if (subscribed.length > 0) return 'accept';
    if (subacks.some((s) => s.packet.type === 'SUBACK' && s.packet.reasonCodes.some((c) => c >= 0x80)))
      return 'suback-fail';
    // a malformed packet is not answered: the receiver closes the connection [MQTT-2.2.2-2]
    if (brokerClose?.rule === 'MQTT-3.8.1-1' && brokerClose.atMs === arrival.atMs) return 'close';
    return 'something else';
  },
};
