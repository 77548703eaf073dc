import { type TraceEvent, traceToJson, worldAt } from '$engine';
import { describe, expect, test } from 'vitest';
import { Lab, breakingXor } from './lab.svelte.ts';
import { presetById } from './presets.ts';

const timeline = (id: string) => ({ scenario: presetById(id)!.scenario, seed: 1, actions: [] });
const json = (trace: readonly TraceEvent[]) => traceToJson(trace);

describe('the lab', () => {
  test('steps forward and back one event at a time; the world follows', () => {
    const lab = new Lab();
    lab.load(timeline('qos1-lost-puback'));
    expect(lab.seq).toBe(-1);
    for (let i = 0; i < 40; i++) lab.stepForward();
    expect(lab.seq).toBe(39);
    expect(lab.timeMs).toBe(lab.trace[39].atMs);
    expect(lab.world).toEqual(worldAt(lab.scenario, lab.trace, 39));
    lab.stepBack();
    expect(lab.world).toEqual(worldAt(lab.scenario, lab.trace, 38));
  });

  test('seeking by time lands on the last event at or before it; checkpoints agree with replaying', () => {
    const lab = new Lab();
    lab.load(timeline('keepalive-will'));
    lab.end();
    const n = lab.trace.length;
    for (const seq of [0, 255, 256, 257, 511, 700, n - 1]) {
      if (seq >= n) continue;
      expect(lab.worldAt(seq)).toEqual(worldAt(lab.scenario, lab.trace, seq));
    }
    lab.seekTime(8_000);
    expect(lab.trace[lab.seq].atMs).toBeLessThanOrEqual(8_000);
    expect(lab.trace[lab.seq + 1].atMs).toBeGreaterThan(8_000);
  });

  test('acting in the past forks: the past is unchanged, the future replays with the action', () => {
    const lab = new Lab();
    lab.load(timeline('persistent-session'));
    lab.end();
    const before = lab.trace.slice();
    lab.seekTime(2_000);
    const seq = lab.seq;
    lab.act({ do: 'publish', client: 'sensor', topic: 'orders/4', payload: 'juice', qos: 1 });
    expect(json(lab.trace.slice(0, seq + 1))).toBe(json(before.slice(0, seq + 1)));
    expect(lab.seq).toBe(seq);
    lab.end();
    // the app delivers QoS 2 on PUBREL (the client default), a round trip after QoS 1's juice
    expect(
      lab.trace.filter((e) => e.kind === 'deliver' && e.client === 'app').map((e) => e.kind === 'deliver' && e.payload),
    ).toEqual(['coffee', 'juice', 'cake']);
    // acting again, earlier, discards the later action
    lab.seekTime(1_000);
    lab.act({ do: 'crash', client: 'sensor' });
    expect(lab.timeline.actions.map((a) => a.do)).toEqual(['crash']);
  });

  test('a fork that discards later actions says how many, and undoing it brings back the run and the moment', () => {
    const lab = new Lab();
    lab.load(timeline('persistent-session'));
    lab.seekTime(3_000);
    lab.act({ do: 'publish', client: 'sensor', topic: 'orders/4', payload: 'juice', qos: 1 });
    lab.seekTime(3_500);
    lab.act({ do: 'publish', client: 'sensor', topic: 'orders/5', payload: 'tea', qos: 0 });
    expect(lab.undoable, 'acting at the end discards nothing').toBeNull();
    lab.end();
    const kept = { timeline: lab.timeline, trace: json(lab.trace) };
    lab.seekTime(2_500);
    const { seq, timeMs } = lab;
    lab.act({ do: 'crash', client: 'sensor' });
    expect(lab.undoable?.discarded).toBe(2);
    expect(lab.timeline.actions.map((a) => a.do)).toEqual(['crash']);
    lab.undoFork();
    expect(lab.timeline).toBe(kept.timeline);
    expect(lab.undoable).toBeNull();
    expect([lab.seq, lab.timeMs]).toEqual([seq, timeMs]);
    lab.end();
    expect(json(lab.trace)).toBe(kept.trace);
    // dropping a packet before the actions discards them too, and is undone the same way
    const early = lab.trace.find((e) => e.kind === 'send' && e.packet.type === 'CONNECT');
    if (early?.kind !== 'send') throw new Error('no CONNECT');
    lab.faultPacket(early, 'drop');
    expect(lab.undoable?.discarded).toBe(2);
    lab.undoFork();
    expect(lab.timeline).toBe(kept.timeline);
  });

  test('dropping a packet in flight replays the run with that packet lost', () => {
    const lab = new Lab();
    lab.load(timeline('overlapping'));
    lab.end();
    const publish = lab.trace.find((e) => e.kind === 'send' && e.packet.type === 'PUBLISH' && e.from === 'sensor');
    if (publish?.kind !== 'send') throw new Error('no PUBLISH');
    lab.faultPacket(publish, 'drop');
    lab.end();
    // tcp: the segment is lost once and retransmitted, so the PUBLISH arrives late, not never
    const resent = lab.trace.find((e) => e.kind === 'send' && e.packet.type === 'PUBLISH' && e.from === 'sensor')!;
    const arrival = lab.trace.find((e) => e.kind === 'arrive' && e.send === resent.seq)!;
    expect(resent.atMs).toBe(publish.atMs);
    expect(arrival.atMs - resent.atMs).toBeGreaterThanOrEqual(200);
  });

  test('play advances time and stops at the end', () => {
    const lab = new Lab();
    lab.load(timeline('qos0-lossy'));
    lab.speed = 1;
    lab.play();
    for (let i = 0; i < 1000 && lab.playing; i++) lab.tick(16);
    expect(lab.playing).toBe(false);
    expect(lab.timeMs).toBe(lab.endMs);
  });
});

describe('breaking a packet on its way', () => {
  test('the first byte gets a bit the protocol forbids: a reserved flag, or QoS 3 for a PUBLISH', () => {
    expect(breakingXor(0x30) ^ 0x30).toBe(0x36); // QoS 0 → QoS 3
    expect(breakingXor(0x32) ^ 0x32).toBe(0x36); // QoS 1 → QoS 3
    expect(breakingXor(0x3d) ^ 0x3d).toBe(0x3f); // QoS 2, DUP, RETAIN → QoS 3
    expect(breakingXor(0x62) ^ 0x62).toBe(0x63); // PUBREL 0010 → 0011
    expect(breakingXor(0x40) ^ 0x40).toBe(0x41); // PUBACK 0000 → 0001
  });

  test.each([
    ['PUBLISH', 'sensor', 'broker', 'MQTT-3.3.1-4'],
    ['PUBACK', 'broker', 'sensor', 'MQTT-2.2.2-1'],
  ] as const)('a broken %s from %s makes the %s close, naming %s', (type, from, closer, rule) => {
    const lab = new Lab();
    lab.load(timeline('qos1-lost-puback'));
    lab.end();
    const send = lab.trace.find((e) => e.kind === 'send' && e.packet.type === type && e.from === from);
    if (send?.kind !== 'send') throw new Error(`no ${type}`);
    lab.faultPacket(send, 'corrupt');
    lab.end();
    const broken = lab.trace.find((e) => e.kind === 'send' && e.corrupted !== undefined);
    if (broken?.kind !== 'send') throw new Error('nothing broken');
    expect(broken.packet.type).toBe(type);
    const error = lab.trace.find((e) => e.kind === 'error');
    expect(error).toMatchObject({ side: closer === 'broker' ? 'broker' : 'client', rule, offset: 0 });
    expect(lab.trace.some((e) => e.kind === 'close' && e.side === (closer === 'broker' ? 'broker' : 'client'))).toBe(
      true,
    );
  });
});
