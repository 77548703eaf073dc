/**
 * The scripted `corrupt` fault: a sender whose bytes are altered as they leave. The trace holds the
 * bytes that travel (the altered ones) beside the packet the sender meant, and the receiver decodes
 * what arrives — a malformed packet closes the connection, naming the rule it breaks.
 */
import { describe, expect, test } from 'vitest';
import { PACKET_TYPES } from '../codec/packet.ts';
import type { Scenario, Step } from '../scenario/schema.ts';
import { simulate } from '../run/simulation.ts';
import type { ArriveEvent, CloseEvent, ErrorEvent, NoteEvent, SendEvent, TraceEvent } from './trace.ts';
import { traceToJson } from './trace.ts';
import { worldAt } from '../run/world.ts';

const sends = (trace: readonly TraceEvent[], from: string, type: string) =>
  trace.filter((e): e is SendEvent => e.kind === 'send' && e.from === from && e.packet.type === type);
const closes = (trace: readonly TraceEvent[], client: string) =>
  trace.filter((e): e is CloseEvent => e.kind === 'close' && e.client === client);
const errors = (trace: readonly TraceEvent[]) => trace.filter((e): e is ErrorEvent => e.kind === 'error');
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** The app subscribes to home/# with its SUBSCRIBE's first byte altered on the way out. */
const brokenSubscribe = (
  transport: 'tcp' | 'lossy',
  fault: Partial<Extract<Step, { do: 'fault' }>> = {},
): Scenario => ({
  transport,
  clients: [{ id: 'sensor' }, { id: 'app' }],
  steps: [
    { atMs: 0, do: 'connect', client: 'sensor' },
    { atMs: 0, do: 'connect', client: 'app' },
    { atMs: 150, do: 'fault', fault: 'corrupt', from: 'app', packet: 'SUBSCRIBE', byte: 0, xor: 0x02, ...fault },
    { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
    { atMs: 500, do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
  ],
  untilMs: 2_000,
});

describe('a corrupt fault', () => {
  test.each(['tcp', 'lossy'] as const)(
    '%s: a SUBSCRIBE with flags 0000 makes the broker close the connection [MQTT-3.8.1-1], with no SUBACK',
    (transport) => {
      const { trace } = simulate(brokenSubscribe(transport));
      const [send] = sends(trace, 'app', 'SUBSCRIBE');
      // the wire carries 0x80; the packet is what the app meant; the marker says what changed
      expect(hex(send.bytes)).toBe('80 0b 00 01 00 06 68 6f 6d 65 2f 23 02');
      expect(send.packet).toMatchObject({ type: 'SUBSCRIBE', packetId: 1 });
      expect(send.corrupted).toEqual({ offset: 0, xor: 0x02, original: 0x82 });
      const note = trace[send.seq + 1] as NoteEvent;
      expect(note).toMatchObject({
        kind: 'note',
        party: 'app',
        code: 'fault-corrupt',
        params: { packet: 'SUBSCRIBE', send: send.seq, transport, offset: 0, xor: 0x02 },
      });
      // the broker receives exactly those bytes, and refuses them
      const arrival = trace.find((e): e is ArriveEvent => e.kind === 'arrive' && e.send === send.seq)!;
      expect(hex(arrival.bytes)).toBe(hex(send.bytes));
      expect(arrival.corrupted).toEqual(send.corrupted);
      expect(errors(trace)).toMatchObject([
        { side: 'broker', client: 'app', code: 'reserved-flags', rule: 'MQTT-3.8.1-1', offset: 0 },
      ]);
      const [brokerClose, appClose] = closes(trace, 'app');
      expect(brokerClose).toMatchObject({ side: 'broker', reason: 'malformed', rule: 'MQTT-3.8.1-1' });
      expect(brokerClose.atMs).toBe(arrival.atMs);
      // the app learns of it when the close reaches it, and is disconnected
      expect(appClose).toMatchObject({ side: 'client', reason: 'peer-closed' });
      expect(sends(trace, 'broker', 'SUBACK')).toEqual([]);
      expect(trace.some((e) => e.kind === 'deliver' && e.client === 'app')).toBe(false);
      const world = worldAt(brokenSubscribe(transport), trace);
      expect(world.actors.app.state).toBe('disconnected');
      expect(world.inFlight).toEqual({});
      // the sensor is not concerned
      expect(closes(trace, 'sensor')).toEqual([]);
    },
  );

  test('the same scenario and seed give the same trace', () => {
    const lossy: Scenario = {
      ...brokenSubscribe('lossy'),
      network: { link: { lossRatio: 0.2, jitterMs: 30, duplicateRatio: 0.2, reorderRatio: 0.2 } },
    };
    for (const seed of [1, 7, 42]) {
      expect(traceToJson(simulate(lossy, { seed }).trace)).toBe(traceToJson(simulate(lossy, { seed }).trace));
    }
  });

  test('a PUBLISH to a client with QoS 3 makes the client close [MQTT-3.3.1-4], and the broker publish its will', () => {
    const scenario: Scenario = {
      clients: [
        { id: 'sensor' },
        { id: 'app', will: { topic: 'status/app', payload: 'gone', qos: 1 } },
        { id: 'watch' },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 0, do: 'connect', client: 'watch' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 200, do: 'subscribe', client: 'watch', filter: 'status/#', qos: 1 },
        // QoS 1 PUBLISH 0x32 = 0011 0010; XOR 0000 0100 sets the other QoS bit: 0x36, QoS 3
        { atMs: 400, do: 'fault', fault: 'corrupt', from: 'broker', to: 'app', packet: 'PUBLISH', xor: 0x04 },
        { atMs: 500, do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
      ],
      untilMs: 2_000,
    };
    const { trace } = simulate(scenario);
    const [publish] = sends(trace, 'broker', 'PUBLISH').filter((s) => s.to === 'app');
    expect(publish.bytes[0]).toBe(0x36);
    expect(publish.corrupted).toEqual({ offset: 0, xor: 0x04, original: 0x32 });
    expect(publish.packet).toMatchObject({ qos: 1 });
    expect(errors(trace)).toMatchObject([{ side: 'client', client: 'app', code: 'qos-3', rule: 'MQTT-3.3.1-4' }]);
    const [appClose, brokerClose] = closes(trace, 'app');
    expect(appClose).toMatchObject({ side: 'client', reason: 'malformed', rule: 'MQTT-3.3.1-4' });
    expect(brokerClose).toMatchObject({ side: 'broker', reason: 'peer-closed' });
    // no DISCONNECT came, so the will goes out [MQTT-3.1.2-8]
    expect(sends(trace, 'app', 'DISCONNECT')).toEqual([]);
    expect(trace.filter((e) => e.kind === 'note' && e.code === 'will-published')).toHaveLength(1);
    expect(
      trace.filter((e) => e.kind === 'deliver').map((e) => e.kind === 'deliver' && `${e.client} ${e.topic}`),
    ).toEqual(['watch status/app']);
  });

  test('an offset past the end of the packet alters its last byte', () => {
    const { trace } = simulate(brokenSubscribe('tcp', { byte: 1_000, xor: 0x01 }));
    const [send] = sends(trace, 'app', 'SUBSCRIBE');
    expect(send.corrupted).toEqual({ offset: 12, xor: 0x01, original: 0x02 });
    // the requested QoS 2 becomes 3: a malformed subscription options byte
    expect(send.bytes[12]).toBe(0x03);
    expect(errors(trace)).toMatchObject([{ side: 'broker', client: 'app' }]);
  });

  test('only the targeted packet is altered; the others are sent as encoded', () => {
    const { trace } = simulate(brokenSubscribe('tcp'));
    const altered = trace.filter((e) => e.kind === 'send' && e.corrupted);
    expect(altered.map((e) => e.kind === 'send' && e.packet.type)).toEqual(['SUBSCRIBE']);
  });

  // Whatever byte of whatever packet is altered, the run goes on: the receiver refuses it, or
  // reads it as some other packet, but nothing throws. One test per transport and packet type (18
  // runs each), so each stays far below its timeout on a busy machine and a failure names its case.
  const base: Scenario = {
    clients: [{ id: 'sensor', keepAliveS: 1, will: { topic: 'status/sensor', payload: 'x', qos: 1 } }, { id: 'app' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'sensor' },
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
      { atMs: 400, do: 'publish', client: 'sensor', topic: 'home/a', payload: 'one', qos: 2 },
      { atMs: 600, do: 'publish', client: 'sensor', topic: 'home/b', payload: 'two', qos: 1 },
      { atMs: 800, do: 'unsubscribe', client: 'app', filter: 'home/#' },
      { atMs: 3_000, do: 'disconnect', client: 'app' },
    ],
    untilMs: 4_000,
  };
  const alterations = [
    [0, 0x01],
    [0, 0x80],
    [1, 0x40],
    [1, 0x01],
    [3, 0xff],
    [6, 0x20],
  ] as const;
  const cases = (['tcp', 'lossy'] as const).flatMap((transport) =>
    PACKET_TYPES.map((packet) => [transport, packet] as const),
  );
  test.each(cases)('%s: any byte of a %s, altered any way, never breaks the simulation', (transport, packet) => {
    for (const from of ['sensor', 'app', 'broker']) {
      for (const [byte, xor] of alterations) {
        const scenario = {
          ...base,
          transport,
          steps: [{ atMs: 0, do: 'fault', fault: 'corrupt', from, packet, byte, xor } as const, ...base.steps],
        };
        expect(() => worldAt(scenario, simulate(scenario).trace), `${from} ${byte}^${xor}`).not.toThrow();
      }
    }
  });
});
