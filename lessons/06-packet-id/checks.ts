/** What lesson 06's prose claims, asserted on its run and on the codec. */
import { expect } from 'vitest';
import { MqttError, type Packet, decode, encode, findSpan } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';

const utf8 = new TextEncoder();

/** The first span (depth first) of a field in a packet's bytes, as the inspector shows it. */
const field = (bytes: Uint8Array, name: string) => findSpan(decode(bytes, 4, { spans: true }).spans!, name);

/** One packet of every MQTT 3.1.1 type (PUBLISH twice: QoS 0 and QoS 1), for the table. */
const SAMPLES: Array<[label: string, packet: Packet]> = [
  ['CONNECT', { type: 'CONNECT', protocolName: 'MQTT', protocolVersion: 4, clean: true, keepAlive: 60, clientId: 'a' }],
  ['CONNACK', { type: 'CONNACK', sessionPresent: false, reasonCode: 0 }],
  ['PUBLISH QoS 0', { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 't', payload: utf8.encode('x') }],
  [
    'PUBLISH QoS 1',
    { type: 'PUBLISH', dup: false, qos: 1, retain: false, topic: 't', packetId: 7, payload: utf8.encode('x') },
  ],
  ['PUBACK', { type: 'PUBACK', packetId: 7 }],
  ['PUBREC', { type: 'PUBREC', packetId: 7 }],
  ['PUBREL', { type: 'PUBREL', packetId: 7 }],
  ['PUBCOMP', { type: 'PUBCOMP', packetId: 7 }],
  ['SUBSCRIBE', { type: 'SUBSCRIBE', packetId: 7, subscriptions: [{ topicFilter: 't', qos: 1 }] }],
  ['SUBACK', { type: 'SUBACK', packetId: 7, reasonCodes: [1] }],
  ['UNSUBSCRIBE', { type: 'UNSUBSCRIBE', packetId: 7, topicFilters: ['t'] }],
  ['UNSUBACK', { type: 'UNSUBACK', packetId: 7 }],
  ['PINGREQ', { type: 'PINGREQ' }],
  ['PINGRESP', { type: 'PINGRESP' }],
  ['DISCONNECT', { type: 'DISCONNECT' }],
];

export const checks: Checks = {
  where: ({ ids }) => {
    // tcp: nothing is lost in this run
    expect(ids.trace.some((e) => e.kind === 'drop')).toBe(false);

    // where: the app's SUBSCRIBE carries packet identifier 1: two bytes, 00 01, the whole variable header
    const subscribe = ids.packet({ type: 'SUBSCRIBE', from: 'app' });
    expect(subscribe.packet).toMatchObject({ packetId: 1 });
    expect([...subscribe.bytes.slice(2, 4)]).toEqual([0x00, 0x01]);
    const variableHeader = field(subscribe.bytes, 'variableHeader')!;
    const packetIdSpan = field(subscribe.bytes, 'packetId')!;
    const fixedHeader = field(subscribe.bytes, 'fixedHeader')!;
    expect([fixedHeader.start, fixedHeader.end]).toEqual([0, 2]);
    expect([variableHeader.start, variableHeader.end]).toEqual([2, 4]);
    expect(variableHeader.children?.map((s) => s.field)).toEqual(['packetId']);
    expect([packetIdSpan.start, packetIdSpan.end]).toEqual([2, 4]);
    // …and it is never 0 [MQTT-2.3.1-1]: the codec refuses to write one
    let zero: unknown;
    try {
      encode({ type: 'SUBSCRIBE', packetId: 0, subscriptions: [{ topicFilter: 'home/#', qos: 1 }] });
    } catch (error) {
      zero = error;
    }
    expect(zero).toBeInstanceOf(MqttError);
    expect((zero as MqttError).rule).toBe('MQTT-2.3.1-1');
  },
  summary: ({ ids }) => {
    // summary: two bytes, 1 to 65,535
    const withId = (packetId: number) => () => encode({ type: 'PUBACK', packetId });
    expect(withId(65_535)).not.toThrow();
    expect(withId(65_536)).toThrow(MqttError);

    // summary: which packets carry a packet identifier (read from the codec's own field map)
    const carrying = SAMPLES.filter(([, packet]) => field(encode(packet, 4), 'packetId')).map(([label]) => label);
    expect(carrying.length).toBe(9);
    expect(carrying).toEqual([
      'PUBLISH QoS 1',
      'PUBACK',
      'PUBREC',
      'PUBREL',
      'PUBCOMP',
      'SUBSCRIBE',
      'SUBACK',
      'UNSUBSCRIBE',
      'UNSUBACK',
    ]);
    // at the end every flow is over: all ids are free again
    const flows = [
      ...new Set(ids.trace.flatMap((e) => (e.kind === 'state' && e.actor.includes('/out/') ? [e.actor] : []))),
    ];
    expect(flows.length).toBe(4);
    for (const flow of flows) expect(ids.states(flow).at(-1)).toBe('acknowledged');
  },
  suback: ({ ids }) => {
    // suback: the answer repeats the same identifier
    const suback = ids.packet({ type: 'SUBACK', to: 'app' });
    expect(suback.packet).toMatchObject({ packetId: 1 });
  },
  'first-publish': ({ ids }) => {
    // first-publish: the sensor's own SUBSCRIBE also took 1 (answered before it publishes); 'open' gets 2
    const sensorSubscribe = ids.packet({ type: 'SUBSCRIBE', from: 'sensor' });
    expect(sensorSubscribe.packet).toMatchObject({ packetId: 1 });
    const sensorSuback = ids.packet({ type: 'SUBACK', to: 'sensor' });
    expect(sensorSuback.packet).toMatchObject({ packetId: 1 });
    const open = ids.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(ids.arrivals(sensorSuback)[0].atMs).toBeLessThan(open.atMs);
    expect(open.packet).toMatchObject({ topic: 'home/door', qos: 1, packetId: 2 });
  },
  'in-flight': ({ ids }) => {
    const open = ids.packet({ type: 'PUBLISH', from: 'sensor' });
    // in-flight: 'on' gets 3, sent 20 ms later, before the PUBACK for 'open' is back: two ids in flight at once
    const on = ids.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(on.packet).toMatchObject({ qos: 1, packetId: 3 });
    expect(on.atMs - open.atMs).toBe(20);
    const pubackOpen = ids.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' });
    expect(ids.arrivals(pubackOpen)[0].atMs).toBeGreaterThan(on.atMs);
    const waiting = (actor: string, atMs: number) =>
      ids.trace.filter((e) => e.kind === 'state' && e.actor === actor && e.atMs <= atMs).at(-1);
    expect(waiting('sensor/out/2', on.atMs)).toMatchObject({ to: 'awaitingPuback' });
    expect(waiting('sensor/out/3', on.atMs)).toMatchObject({ to: 'awaitingPuback' });
  },
  'puback-byte': ({ ids }) => {
    const pubackOpen = ids.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' });
    // puback-byte / matched: the PUBACKs repeat 2 and 3 [MQTT-2.3.1-6]; the second is 40 02 00 03
    const pubackOn = ids.packet({ type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 });
    expect(pubackOpen.packet).toMatchObject({ packetId: 2 });
    expect(pubackOn.packet).toMatchObject({ packetId: 3 });
    expect([...pubackOn.bytes]).toEqual([0x40, 0x02, 0x00, 0x03]);
    // the sensor ends the flow of 'on' the moment that PUBACK arrives
    const ended = ids.trace.find((e) => e.kind === 'state' && e.actor === 'sensor/out/3' && e.to === 'acknowledged')!;
    expect(ended.atMs).toBe(ids.arrivals(pubackOn)[0].atMs);
    expect(ids.states('sensor/out/2')).toEqual(['awaitingPuback', 'acknowledged']);
    expect(ids.states('sensor/out/3')).toEqual(['awaitingPuback', 'acknowledged']);
  },
  'own-numbers': ({ ids }) => {
    // own-numbers: the broker numbers what it sends to the app itself: 'open' is 1 there, 'on' is 2
    const toApp = ids.sends({ type: 'PUBLISH', from: 'broker', to: 'app' });
    expect(toApp.map((s) => (s.packet.type === 'PUBLISH' ? s.packet.packetId : undefined))).toEqual([1, 2]);
    expect(ids.payloads('app')).toEqual(['open', 'on']);
    // the app's PUBACKs answer with the broker's numbers
    expect(
      ids.sends({ type: 'PUBACK', from: 'app' }).map((s) => s.packet.type === 'PUBACK' && s.packet.packetId),
    ).toEqual([1, 2]);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-id': ({ ids }) => {
    const [open, on] = ids.sends({ type: 'PUBLISH', from: 'sensor' });
    const acked = ids.arrivals(ids.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' }))[0].atMs;
    if (!on || on.atMs >= acked) return 'none';
    const id = (s: typeof on) => (s.packet.type === 'PUBLISH' ? s.packet.packetId : undefined);
    return id(on) === id(open) ? 'same' : 'other';
  },
  'puback-byte': ({ ids }) => ids.packet({ type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 }).bytes.at(-1)!,
  'per-hop': ({ ids }) => {
    const fromSensor = ids.packet({ type: 'PUBLISH', from: 'sensor' }).packet;
    const toApp = ids.packet({ type: 'PUBLISH', from: 'broker', to: 'app' }).packet;
    if (fromSensor.type !== 'PUBLISH' || toApp.type !== 'PUBLISH') return 'none';
    if (toApp.packetId === undefined) return 'none';
    return toApp.packetId === fromSensor.packetId ? 'same' : 'own';
  },
};
