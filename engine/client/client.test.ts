/**
 * The client's connection machine, in virtual time: when it sends PINGREQ, when it gives up
 * waiting for PINGRESP or CONNACK, and how it backs off between reconnects. Each case is a small
 * scenario run through the whole simulation, asserted on the trace.
 */
import { describe, expect, test } from 'vitest';
import type { ClientSpec, Scenario, Step } from '../scenario/schema.ts';
import { RESPONSE_TIMEOUT_MS, simulate } from '../run/simulation.ts';
import type { CloseEvent, SendEvent, TimerEvent, TraceEvent } from '../sim/trace.ts';

const sendTimes = (trace: readonly TraceEvent[], from: string, type: string) =>
  trace
    .filter((e): e is SendEvent => e.kind === 'send' && e.from === from && e.packet.type === type)
    .map((e) => e.atMs);
const clientCloses = (trace: readonly TraceEvent[]) =>
  trace
    .filter((e): e is CloseEvent => e.kind === 'close' && e.client === 'sensor' && e.side === 'client')
    .map((e) => ({ atMs: e.atMs, reason: e.reason }));

/** The sensor alone with the broker, 50 ms each way. */
function run(sensor: Partial<ClientSpec>, steps: Step[], untilMs: number) {
  const scenario: Scenario = {
    clients: [{ id: 'sensor', ...sensor }],
    network: { link: { delayMs: 50 } },
    steps: [{ atMs: 0, do: 'connect', client: 'sensor' }, ...steps],
    untilMs,
  };
  return simulate(scenario, { seed: 1 }).trace;
}

describe('keepalive', () => {
  test('an idle client sends PINGREQ Keep Alive after the last packet it sent [MQTT-3.1.2-23]', () => {
    const trace = run({ keepAliveS: 2 }, [], 7_000);
    // CONNECT at 0, then nothing: PINGREQ at 2 s, 4 s, 6 s, each answered 100 ms later
    expect(sendTimes(trace, 'sensor', 'PINGREQ')).toEqual([2_000, 4_000, 6_000]);
    expect(sendTimes(trace, 'broker', 'PINGRESP')).toEqual([2_050, 4_050, 6_050]);
    expect(clientCloses(trace)).toEqual([]);
  });

  test('any packet sent restarts the wait: a PUBLISH at 1.5 s moves the PINGREQ to 3.5 s', () => {
    const trace = run(
      { keepAliveS: 2 },
      [{ atMs: 1_500, do: 'publish', client: 'sensor', topic: 't', payload: 'x', qos: 0 }],
      4_000,
    );
    expect(sendTimes(trace, 'sensor', 'PINGREQ')).toEqual([3_500]);
  });

  test('Keep Alive 0 turns the mechanism off (§3.1.2.10): no PINGREQ ever', () => {
    const trace = run({ keepAliveS: 0 }, [], 30_000);
    expect(sendTimes(trace, 'sensor', 'PINGREQ')).toEqual([]);
  });

  test('no PINGRESP in time: the client closes the connection (default 5 s, or its responseTimeoutMs)', () => {
    // the link goes silent at 1 s (a cut stalls TCP): the PINGREQ at 2 s is never answered
    const cut: Step[] = [{ atMs: 1_000, do: 'cut', client: 'sensor' }];
    const byDefault = run({ keepAliveS: 2 }, cut, 10_000);
    expect(sendTimes(byDefault, 'sensor', 'PINGREQ')).toEqual([2_000]);
    expect(clientCloses(byDefault)).toEqual([{ atMs: 2_000 + RESPONSE_TIMEOUT_MS, reason: 'pingresp-timeout' }]);
    const impatient = run({ keepAliveS: 2, responseTimeoutMs: 1_500 }, cut, 10_000);
    expect(clientCloses(impatient)).toEqual([{ atMs: 3_500, reason: 'pingresp-timeout' }]);
  });
});

describe('connecting', () => {
  test('no CONNACK in time: the client gives the connection up', () => {
    const trace = run({ responseTimeoutMs: 2_000 }, [{ atMs: 0, do: 'cut', client: 'sensor' }], 5_000);
    expect(sendTimes(trace, 'sensor', 'CONNECT')).toEqual([0]);
    expect(clientCloses(trace)).toEqual([{ atMs: 2_000, reason: 'connack-timeout' }]);
  });

  test('reconnecting backs off: the wait doubles after each failed attempt', () => {
    // the link is cut before the first CONNECT: no CONNACK, then every new attempt finds the
    // network unreachable
    const trace = run(
      { reconnectMs: 1_000, responseTimeoutMs: 1_000 },
      [{ atMs: 0, do: 'cut', client: 'sensor' }],
      40_000,
    );
    expect(clientCloses(trace)).toEqual([{ atMs: 1_000, reason: 'connack-timeout' }]);
    const waits = trace
      .filter((e): e is TimerEvent => e.kind === 'timer' && e.name === 'reconnect' && e.action === 'start')
      .map((e) => e.dueAtMs - e.atMs);
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]); // doubling, up to 30 s
  });

  test('a responseTimeoutMs that is not a whole number of ms from 1 is refused', () => {
    for (const bad of [0, -5, 1.5]) expect(() => run({ responseTimeoutMs: bad }, [], 100)).toThrow(/responseTimeoutMs/);
  });
});

describe('packets asked for before the CONNACK', () => {
  // 3.1.1 §3.1.4 (non-normative): "Clients are allowed to send further Control Packets immediately
  // after sending a CONNECT Packet; Clients need not wait for a CONNACK". The client here does what
  // MQTT.js 5.14.1 does (src/lib/client.ts: `_sendPacket` stores any packet while not `connected`,
  // and the 'connect' handler sends that queue in order once the CONNACK is in): it queues them.
  const early: Step[] = [
    { atMs: 20, do: 'subscribe', client: 'sensor', filter: 'a/#', qos: 1 },
    { atMs: 30, do: 'publish', client: 'sensor', topic: 'a/b', payload: 'x', qos: 1 },
    { atMs: 40, do: 'unsubscribe', client: 'sensor', filter: 'a/#' },
  ];

  test('a SUBSCRIBE asked for while waiting for CONNACK is queued, then sent in order after it', () => {
    const trace = run({}, early, 1_000);
    const sent = trace
      .filter((e): e is SendEvent => e.kind === 'send' && e.from === 'sensor')
      .map((e) => `${e.packet.type}@${e.atMs}`);
    // CONNACK arrives at 100 ms: the three wait for it, in the order they were asked for
    // (the PUBACK at 200 ms answers its own message, which the subscription brought back)
    expect(sent).toEqual(['CONNECT@0', 'SUBSCRIBE@100', 'PUBLISH@100', 'UNSUBSCRIBE@100', 'PUBACK@200']);
    const notes = trace
      .filter((e) => e.kind === 'note' && e.party === 'sensor')
      .map((e) => e.kind === 'note' && e.code);
    expect(notes).not.toContain('not-connected');
    expect(notes.filter((c) => c === 'client-queued')).toHaveLength(3);
    expect(notes.filter((c) => c === 'client-dequeued')).toHaveLength(3);
    // the broker answers the subscribe: the client holds the subscription, then drops it
    expect(sendTimes(trace, 'broker', 'SUBACK')).toEqual([150]);
    expect(sendTimes(trace, 'broker', 'UNSUBACK')).toEqual([150]);
  });

  test('a client not trying to connect still refuses a subscribe, saying so (not silently)', () => {
    const scenario: Scenario = {
      clients: [{ id: 'sensor' }],
      steps: [{ atMs: 10, do: 'subscribe', client: 'sensor', filter: 'a/#', qos: 1 }],
      untilMs: 1_000,
    };
    const trace = simulate(scenario, { seed: 1 }).trace;
    expect(trace.filter((e) => e.kind === 'note' && e.code === 'not-connected')).toHaveLength(1);
    expect(sendTimes(trace, 'sensor', 'SUBSCRIBE')).toEqual([]);
  });
});
