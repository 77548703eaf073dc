/** Each preset does what its explanation (presets.<id>.about) says. */
import { type DeliverEvent, type SendEvent, type TraceEvent, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { EMPTY, PRESETS, presetById } from './presets.ts';

const run = (id: string) => simulate(presetById(id)!.scenario).trace;
const delivered = (trace: readonly TraceEvent[], client: string) =>
  trace.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.client === client);
const sends = (trace: readonly TraceEvent[], type: string, from?: string) =>
  trace.filter(
    (e): e is SendEvent => e.kind === 'send' && e.packet.type === type && (from === undefined || e.from === from),
  );

describe('presets', () => {
  test('every preset is a valid scenario and runs', () => {
    for (const preset of [...PRESETS, EMPTY]) expect(() => simulate(preset.scenario)).not.toThrow();
  });

  test('QoS 0 over a lossy link: some readings are simply gone, none arrives twice', () => {
    const trace = run('qos0-lossy');
    const got = delivered(trace, 'app').map((d) => d.payload);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(6);
    expect(new Set(got).size).toBe(got.length);
    expect(trace.some((e) => e.kind === 'drop' && e.reason === 'loss')).toBe(true);
  });

  test('QoS 1 with a lost PUBACK: the sender resends with DUP = 1 and the message arrives twice', () => {
    const trace = run('qos1-lost-puback');
    const publishes = sends(trace, 'PUBLISH', 'sensor');
    expect(publishes.map((p) => p.packet.type === 'PUBLISH' && [p.packet.dup, p.packet.packetId])).toEqual([
      [false, 1],
      [true, 1],
    ]);
    expect(delivered(trace, 'app').map((d) => d.payload)).toEqual(['open', 'open']);
  });

  test('QoS 2 with a loss at each stage: every packet is resent, the message arrives exactly once', () => {
    const trace = run('qos2-losses');
    expect(trace.filter((e) => e.kind === 'drop' && e.reason === 'fault')).toHaveLength(4);
    expect(delivered(trace, 'app').map((d) => d.payload)).toEqual(['100 €']);
    expect(sends(trace, 'PUBCOMP', 'broker').length).toBeGreaterThanOrEqual(2);
  });

  test('keepalive and will: 1.5 × 5 s after the last packet the broker gives up and publishes the will', () => {
    const trace = run('keepalive-will');
    const close = trace.find((e) => e.kind === 'close' && e.side === 'broker' && e.client === 'sensor');
    const lastIn = trace.filter((e) => e.kind === 'arrive' && e.from === 'sensor').at(-1)!;
    expect(close?.atMs).toBe(lastIn.atMs + 7_500);
    expect(delivered(trace, 'app').map((d) => d.payload)).toEqual(['online', 'offline']);
  });

  test('retained: a late subscriber gets the last value with RETAIN = 1; an empty retained payload clears it', () => {
    const trace = run('retained');
    expect(delivered(trace, 'app').map((d) => [d.payload, d.retain])).toEqual([
      ['on', true],
      ['off', false],
      ['', false],
    ]);
    expect(delivered(trace, 'late').map((d) => [d.payload, d.retain])).toEqual([
      ['off', true],
      ['', false],
    ]);
  });

  test('persistent session: QoS 1 and 2 wait for the subscriber, QoS 0 does not', () => {
    const trace = run('persistent-session');
    expect(delivered(trace, 'app').map((d) => d.payload)).toEqual(['coffee', 'cake']);
  });

  test('overlapping subscriptions: one copy, at the higher QoS of the two that match', () => {
    const trace = run('overlapping');
    expect(delivered(trace, 'app').map((d) => [d.topic, d.qos])).toEqual([
      ['home/kitchen/temp', 2],
      ['home/kitchen/light', 1],
    ]);
  });
});
