/** What lesson 15's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import {
  type NoteCode,
  type NoteOf,
  noteClient,
  type PublishPacket,
  type SendEvent,
  type Span,
  type Packet,
  decode,
  encode,
  findSpan,
  propertyByName,
  reasonCode,
} from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import { Run } from '../run.ts';
import lesson from './scenario.ts';

/** The first span (depth first) of `field` in the packet's bytes, decoded as the run's version. */
function span(run: Run, send: SendEvent, field: string): Span | undefined {
  return findSpan(decode(send.bytes, run.scenario.version ?? 4, { spans: true }).spans!, field);
}
const bytesOf = (run: Run, send: SendEvent, field: string) => {
  const s = span(run, send, field)!;
  return [...send.bytes.slice(s.start, s.end)];
};
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const notes = <C extends NoteCode>(run: Run, code: C, client?: string): NoteOf<C>[] =>
  run.notes(code).filter((e) => client === undefined || noteClient(e) === client);
const stepAt = (run: Run, id: string) => run.trace[run.afterStep(id)].atMs;
const receivedAfter = (run: Run, client: string, id: string) => {
  const from = run.afterStep(id);
  return run.deliveries(client).filter((d) => d.seq > from);
};

export const checks: Checks = {
  'level-5': (runs) => {
    const { v5, v311 } = runs;
    // every field a step lights exists in its packet
    let scenario = Object.keys(lesson.scenarios)[0];
    for (const step of lesson.steps) {
      scenario = step.scenario ?? scenario;
      const h = step.highlight;
      const run = runs[scenario];
      if (h?.packet && h.field) expect(span(run, run.packet(h.packet), h.field), `${step.id}`).toBeDefined();
    }

    // transports and versions: both tcp; v5 is MQTT 5.0, v311 is MQTT 3.1.1
    expect(v5.scenario.transport ?? 'tcp').toBe('tcp');
    expect(v311.scenario.transport ?? 'tcp').toBe('tcp');
    expect(v5.scenario.version).toBe(5);
    expect(v311.scenario.version).toBe(4);

    // level-5: protocol name "MQTT" as before, protocol level 5; bit 1 of the flags is Clean Start;
    // after Keep Alive a property length 0; an empty client identifier (00 00)
    const sensorConnect = v5.packet({ type: 'CONNECT', from: 'sensor' });
    expect(sensorConnect.packet).toMatchObject({ protocolName: 'MQTT', protocolVersion: 5, clientId: '', clean: true });
    expect(bytesOf(v5, sensorConnect, 'protocolVersion')).toEqual([0x05]);
    expect(v311.packet({ type: 'CONNECT', from: 'sensor' }).bytes[8]).toBe(0x04);
    expect(span(v5, sensorConnect, 'clean')!.label).toBe('field.cleanStart');
    expect(bytesOf(v5, sensorConnect, 'properties')).toEqual([0x00]);
    expect(bytesOf(v5, sensorConnect, 'clientId')).toEqual([0x00, 0x00]);
  },
  'property-length': ({ v5 }) => {
    // property-length / properties: the app's CONNECT: 05, then 11 (Session Expiry Interval) and a
    // four-byte 10
    const appConnect = v5.packet({ type: 'CONNECT', from: 'app' });
    expect(bytesOf(v5, appConnect, 'properties')).toEqual([0x05, 0x11, 0x00, 0x00, 0x00, 0x0a]);
    expect(propertyByName('sessionExpiryInterval')).toMatchObject({ id: 0x11, type: 'u32' });
    expect(appConnect.packet).toMatchObject({ properties: { sessionExpiryInterval: 10 } });
  },
  connack: ({ v5, v311 }) => {
    // connack: 20 0C 00 00 09 12 00 06 "auto-1": flags 0, reason code 0x00 Success, properties:
    // Assigned Client Identifier; under 3.1.1 the broker assigns one too but the CONNACK cannot say
    const connack = v5.packet({ type: 'CONNACK', to: 'sensor' });
    expect([...connack.bytes]).toEqual([0x20, 0x0c, 0x00, 0x00, 0x09, 0x12, 0x00, 0x06, ...utf8('auto-1')]);
    expect(reasonCode('CONNACK', 0x00, 5)?.name).toBe('Success');
    expect(propertyByName('assignedClientIdentifier')?.id).toBe(0x12);
    expect(notes(v5, 'client-id-assigned')[0].params).toEqual({ clientId: 'auto-1' });
    expect(notes(v311, 'client-id-assigned')[0].params).toEqual({ clientId: 'auto-1' });
    expect([...v311.packet({ type: 'CONNACK', to: 'sensor' }).bytes]).toEqual([0x20, 0x02, 0x00, 0x00]);
    // 3.1.1: an empty client identifier only with Clean Session = 1 [MQTT-3.1.3-7]; otherwise CONNACK 0x02
    // [MQTT-3.1.3-8]; with it the broker accepts and names the client itself [MQTT-3.1.3-6]
    const empty = (clean: boolean) =>
      Run.of({
        clients: [{ id: 'sensor', clientId: '', clean }],
        steps: [{ atMs: 0, do: 'connect', client: 'sensor' }],
        untilMs: 500,
      }).packet({ type: 'CONNACK', to: 'sensor' }).packet;
    expect(empty(true)).toMatchObject({ reasonCode: 0x00 });
    expect(empty(false)).toMatchObject({ reasonCode: 0x02 });
  },
  'predict-puback': ({ v5 }) => {
    // predict-puback / no-subscribers: nobody subscribes yet: PUBACK 40 03 00 01 10; 0x10 is below 0x80,
    // a success: the sensor's QoS 1 flow is done
    expect(stepAt(v5, 'lonely')).toBeLessThan(stepAt(v5, 'subscribe'));
    const lonely = v5.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' });
    expect([...lonely.bytes]).toEqual([0x40, 0x03, 0x00, 0x01, 0x10]);
    expect(reasonCode('PUBACK', 0x10, 5)?.name).toBe('No matching subscribers');
    expect(v5.states('sensor/out/1').at(-1)).toBe('acknowledged');
  },
  'in-311': ({ v311 }) => {
    // in-311: the same situation in 3.1.1: PUBACK 40 02 00 01, nothing about subscribers
    expect(v311.sends({ type: 'SUBSCRIBE' })).toEqual([]);
    expect([...v311.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' }).bytes]).toEqual([0x40, 0x02, 0x00, 0x01]);
  },
  'publish-size': ({ v5, v311 }) => {
    // publish-size / publish-5: the same PUBLISH is 19 bytes in 3.1.1 and 20 in 5.0: a property
    // length 00 after the packet identifier, and a remaining length one higher (0x11 → 0x12)
    const old = v311.packet({ type: 'PUBLISH', from: 'sensor' });
    const now = v5.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(old.packet).toEqual(now.packet);
    expect(old.bytes.length).toBe(19);
    expect(now.bytes.length).toBe(20);
    const at = span(v5, now, 'properties')!.start;
    expect(at).toBe(span(v5, now, 'packetId')!.end);
    expect(now.bytes[at]).toBe(0x00);
    expect([old.bytes[1], now.bytes[1]]).toEqual([0x11, 0x12]);
    expect([...now.bytes.slice(2, at)]).toEqual([...old.bytes.slice(2, at)]);
    expect([...now.bytes.slice(at + 1)]).toEqual([...old.bytes.slice(at)]);
    // read as 3.1.1, the property length would be taken for the first byte of the payload
    const misread = decode(now.bytes, 4).packet as PublishPacket;
    expect([...misread.payload]).toEqual([0x00, ...utf8('open')]);
  },
  properties: ({ v5 }) => {
    const now = v5.packet({ type: 'PUBLISH', from: 'sensor' });
    const at = span(v5, now, 'properties')!.start;
    // properties a PUBLISH may carry (none in this run), and what one of them costs: Message Expiry
    // Interval 60 s makes the property length 05, then 02 00 00 00 3C
    for (const [name, id] of [
      ['messageExpiryInterval', 0x02],
      ['contentType', 0x03],
      ['responseTopic', 0x08],
      ['correlationData', 0x09],
      ['userProperties', 0x26],
    ] as const) {
      expect(propertyByName(name)).toMatchObject({ id });
      expect(propertyByName(name)!.places).toContain('PUBLISH');
    }
    const withExpiry = encode({ ...(now.packet as PublishPacket), properties: { messageExpiryInterval: 60 } }, 5);
    expect([...withExpiry.slice(at, at + 6)]).toEqual([0x05, 0x02, 0x00, 0x00, 0x00, 0x3c]);
  },
  suback: ({ v5 }) => {
    // suback: 90 04 00 01 00 01: packet id, property length 0, reason code 0x01 Granted QoS 1
    const suback = v5.packet({ type: 'SUBACK', to: 'app' });
    expect([...suback.bytes]).toEqual([0x90, 0x04, 0x00, 0x01, 0x00, 0x01]);
    expect(reasonCode('SUBACK', 0x01, 5)?.name).toBe('Granted QoS 1');
    expect(reasonCode('SUBACK', 0x87, 5)?.name).toBe('Not authorized');
    expect(reasonCode('SUBACK', 0x80, 4)?.name).toBe('Failure');
    expect([0x00, 0x01, 0x02, 0x80, 0x87].filter((code) => reasonCode('SUBACK', code, 4))).toEqual([0, 1, 2, 0x80]);
  },
  'success-omitted': ({ v5 }) => {
    // success-omitted: "closed" reaches the app and the logger; the sensor's PUBACK is 40 02 00 02:
    // reason code 0x00 and property length left out, as 3.1.1 would send it
    expect(v5.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 }).packet).toMatchObject({ packetId: 2 });
    expect([...v5.packet({ type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 }).bytes]).toEqual([
      0x40, 0x02, 0x00, 0x02,
    ]);
    expect(receivedAfter(v5, 'app', 'heard')[0].payload).toBe('closed');
    expect(receivedAfter(v5, 'logger', 'heard')[0].payload).toBe('closed');
  },
  'session-expiry': ({ v5 }) => {
    const appConnect = v5.packet({ type: 'CONNECT', from: 'app' });
    // session-expiry: both connected with Clean Start 1; the app keeps its session 10 s, the logger 1 s
    // (11 00 00 00 01); both DISCONNECT at 0.9 s and the broker keeps both sessions [MQTT-3.1.2-23]
    const loggerConnect = v5.packet({ type: 'CONNECT', from: 'logger' });
    expect(loggerConnect.packet).toMatchObject({ clean: true, properties: { sessionExpiryInterval: 1 } });
    expect(appConnect.packet).toMatchObject({ clean: true });
    expect(bytesOf(v5, loggerConnect, 'properties.sessionExpiryInterval')).toEqual([0x11, 0x00, 0x00, 0x00, 0x01]);
    expect(stepAt(v5, 'leave')).toBe(900);
    expect(stepAt(v5, 'logger-leave')).toBe(900);
    expect(notes(v5, 'session-kept').map((n) => [n.params?.client, n.params?.expiryS, n.atMs])).toEqual([
      ['app', 10, 950],
      ['logger', 1, 950],
    ]);
  },
  'predict-expiry': ({ v5 }) => {
    // predict-expiry / expired: "open" at 1.2 s is queued for both; the logger's session expires at
    // 1.95 s = 0.95 s + 1 s; at 2.5 s both come back with Clean Start 0: the app's CONNACK says session
    // present 1 and "open" follows; the logger's says 0, and nothing comes
    expect(stepAt(v5, 'while-away')).toBe(1_200);
    expect(notes(v5, 'queued').map((n) => n.params?.client)).toEqual(['app', 'logger']);
    expect(notes(v5, 'session-expired', 'logger')[0].atMs).toBe(1_950);
    expect(notes(v5, 'session-expired', 'app')).toEqual([]);
    expect(notes(v5, 'session-ended', 'logger')[0].atMs).toBe(1_950);
    expect([stepAt(v5, 'back'), stepAt(v5, 'logger-back')]).toEqual([2_500, 2_500]);
    for (const client of ['app', 'logger'])
      expect(bytesOf(v5, v5.packet({ type: 'CONNECT', from: client, nth: 2 }), 'connectFlags')).toEqual([0x00]);
    expect([...v5.packet({ type: 'CONNACK', to: 'app', nth: 2 }).bytes]).toEqual([0x20, 0x03, 0x01, 0x00, 0x00]);
    expect([...v5.packet({ type: 'CONNACK', to: 'logger', nth: 2 }).bytes]).toEqual([0x20, 0x03, 0x00, 0x00, 0x00]);
    expect(receivedAfter(v5, 'app', 'back').map((d) => d.payload)).toEqual(['open']);
    expect(receivedAfter(v5, 'logger', 'back')).toEqual([]);
  },
  'message-expiry': ({ expiry }) => {
    // message-expiry: a 5.0 run over TCP; the app (session kept 600 s) subscribes to home/# and leaves
    // at 0.5 s; at 1 s the sensor publishes "ring" on home/doorbell with a message expiry interval of
    // 2 s (02 00 00 00 02) and "low" on home/battery with 60 s; the broker queues both
    expect(expiry.scenario.version).toBe(5);
    expect(expiry.scenario.transport ?? 'tcp').toBe('tcp');
    expect(stepAt(expiry, 'app-away')).toBe(500);
    const ring = expiry.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(ring.packet).toMatchObject({ topic: 'home/doorbell', payload: new Uint8Array(utf8('ring')) });
    expect(bytesOf(expiry, ring, 'properties.messageExpiryInterval')).toEqual([0x02, 0x00, 0x00, 0x00, 0x02]);
    expect(expiry.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 }).packet).toMatchObject({
      topic: 'home/battery',
      properties: { messageExpiryInterval: 60 },
    });
    expect(propertyByName('messageExpiryInterval')?.id).toBe(0x02);
    expect(notes(expiry, 'queued').map((n) => [n.params?.topic, n.atMs])).toEqual([
      ['home/doorbell', 1_050],
      ['home/battery', 1_050],
    ]);
  },
  'predict-message-expiry': ({ expiry }) => {
    // predict-message-expiry / expiry-left: back at 4 s (about 3 s later), the app gets "low" only;
    // the doorbell's copy was deleted at 3.05 s, still queued [MQTT-3.3.2-5]; "low" carries 00 00 00 39 = 57 [MQTT-3.3.2-6]
    expect(stepAt(expiry, 'app-back')).toBe(4_000);
    expect(notes(expiry, 'message-expired').map((n) => [n.params?.client, n.params?.topic, n.atMs])).toEqual([
      ['app', 'home/doorbell', 3_050], // 1.05 s + 2 s, while the app is still away
    ]);
    expect(expiry.deliveries('app').map((d) => [d.topic, d.payload])).toEqual([['home/battery', 'low']]);
    const left = expiry.packet({ type: 'PUBLISH', from: 'broker', to: 'app' });
    expect(left.atMs - 1_050).toBe(3_000);
    expect(bytesOf(expiry, left, 'properties.messageExpiryInterval')).toEqual([0x02, 0x00, 0x00, 0x00, 0x39]);
  },
  'will-anyway': ({ will }) => {
    // will-anyway: a 5.0 run over TCP; the sensor and the meter both left a will on home/status, the
    // app subscribes to it; at 0.5 s the meter's DISCONNECT is E0 00 (0x00 left out), the sensor's
    // E0 01 04 (0x04 Disconnect with Will Message)
    expect(will.scenario.version).toBe(5);
    expect(will.scenario.transport ?? 'tcp').toBe('tcp');
    for (const client of ['sensor', 'meter'])
      expect(will.packet({ type: 'CONNECT', from: client }).packet).toMatchObject({
        will: { topic: 'home/status', qos: 1 },
      });
    expect(will.packet({ type: 'SUBSCRIBE', from: 'app' }).packet).toMatchObject({
      subscriptions: [{ topicFilter: 'home/status' }],
    });
    expect([stepAt(will, 'meter-leave'), stepAt(will, 'sensor-leave')]).toEqual([500, 500]);
    expect([...will.packet({ type: 'DISCONNECT', from: 'meter' }).bytes]).toEqual([0xe0, 0x00]);
    expect([...will.packet({ type: 'DISCONNECT', from: 'sensor' }).bytes]).toEqual([0xe0, 0x01, 0x04]);
    expect(reasonCode('DISCONNECT', 0x04, 5)?.name).toBe('Disconnect with Will Message');
    expect(reasonCode('DISCONNECT', 0x00, 5)?.name).toBe('Normal disconnection');
  },
  'predict-will': ({ will }) => {
    // predict-will / will-sent: the meter's will is discarded, the sensor's published; the app gets
    // "sensor gone" only, in a PUBLISH from the broker
    expect(notes(will, 'will-discarded').map((n) => n.params?.client)).toEqual(['meter']);
    expect(notes(will, 'will-published').map((n) => [n.params?.client, n.params?.reason])).toEqual([
      ['sensor', 'disconnect-with-will'],
    ]);
    expect(will.deliveries('app').map((d) => [d.topic, d.payload])).toEqual([['home/status', 'sensor gone']]);
    expect(will.packet({ type: 'PUBLISH', from: 'broker', to: 'app' }).packet).toMatchObject({ topic: 'home/status' });
  },

  summary: ({ v5, will }) => {
    // the lesson has four runs, not two
    expect(Object.keys(lesson.scenarios)).toHaveLength(4);
    // CONNECT, CONNACK, PUBLISH, SUBSCRIBE, SUBACK, UNSUBSCRIBE and UNSUBACK always carry a property
    // length (a 00 when empty); PUBACK … AUTH may leave it out, as this lesson's PUBACK and DISCONNECT do
    const always: Packet[] = [
      { type: 'CONNECT', protocolName: 'MQTT', protocolVersion: 5, clean: true, keepAlive: 60, clientId: 'x' },
      { type: 'CONNACK', sessionPresent: false, reasonCode: 0 },
      { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 'a', payload: new Uint8Array() },
      { type: 'SUBSCRIBE', packetId: 1, subscriptions: [{ topicFilter: 'a', qos: 0 }] },
      { type: 'SUBACK', packetId: 1, reasonCodes: [0] },
      { type: 'UNSUBSCRIBE', packetId: 1, topicFilters: ['a'] },
      { type: 'UNSUBACK', packetId: 1, reasonCodes: [0] },
    ];
    for (const packet of always)
      expect(findSpan(decode(encode(packet, 5), 5, { spans: true }).spans!, 'properties'), packet.type).toBeDefined();
    const omitted: Packet[] = [
      { type: 'PUBACK', packetId: 2 },
      { type: 'PUBREC', packetId: 2 },
      { type: 'PUBREL', packetId: 2 },
      { type: 'PUBCOMP', packetId: 2 },
      { type: 'DISCONNECT' },
      { type: 'AUTH', reasonCode: 0 },
    ];
    for (const packet of omitted)
      expect(encode(packet, 5)[1], packet.type).toBe(packet.type === 'DISCONNECT' || packet.type === 'AUTH' ? 0 : 2);
    expect([...v5.packet({ type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 }).bytes]).toEqual([
      0x40, 0x02, 0x00, 0x02,
    ]);
    expect([...will.packet({ type: 'DISCONNECT', from: 'meter' }).bytes]).toEqual([0xe0, 0x00]);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'property-length': ({ v5 }) => bytesOf(v5, v5.packet({ type: 'CONNECT', from: 'app' }), 'properties')[0],
  'predict-puback': ({ v5 }) => {
    const puback = v5.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' });
    const code = puback.packet.type === 'PUBACK' ? (puback.packet.reasonCode ?? 0) : -1;
    return code === 0x10 ? 'no-subscribers' : code === 0 ? 'plain' : 'refused';
  },
  'publish-size': ({ v5, v311 }) => {
    const extra =
      v5.packet({ type: 'PUBLISH', from: 'sensor' }).bytes.length -
      v311.packet({ type: 'PUBLISH', from: 'sensor' }).bytes.length;
    return ({ 0: 'same', 1: 'one-more', 4: 'four-more' } as Record<number, string>)[extra] ?? String(extra);
  },
  'predict-message-expiry': ({ expiry }) => {
    const got = new Set(expiry.deliveries('app').map((d) => d.payload));
    const ring = got.has('ring');
    const low = got.has('low');
    return ring && low ? 'both' : low ? 'battery-only' : ring ? 'doorbell-only' : 'neither';
  },
  'predict-will': ({ will }) => {
    const got = new Set(will.deliveries('app').map((d) => d.payload));
    const sensor = got.has('sensor gone');
    const meter = got.has('meter gone');
    return sensor && meter ? 'both' : sensor ? 'sensor-only' : meter ? 'meter-only' : 'neither';
  },
  'predict-expiry': ({ v5 }) => {
    const app = receivedAfter(v5, 'app', 'back').some((d) => d.payload === 'open');
    const logger = receivedAfter(v5, 'logger', 'back').some((d) => d.payload === 'open');
    return app && logger ? 'both' : app ? 'app-only' : logger ? 'logger-only' : 'neither';
  },
};
