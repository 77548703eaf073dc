import { type SendEvent, type TraceEvent, type World, simulate, worldAt } from '$engine';
import { describe, expect, test } from 'vitest';
import { presetById } from '../presets.ts';
import {
  brokerConnections,
  connectionOf,
  countdown,
  flowOfSend,
  flowRows,
  flowsOfSend,
  focusFlow,
  keepAliveOf,
  keepaliveWindowMs,
  lastActivityMs,
  latestSendOf,
  parseActor,
  retainedRows,
  seconds,
  sendOf,
  sessionRows,
  timeText,
  timersOf,
} from './state-view.ts';

/** A preset run to its end, and the world after the last event at or before a time. */
function run(id: string) {
  const scenario = presetById(id)!.scenario;
  const { trace } = simulate(scenario, { seed: scenario.seed ?? 1 });
  const seqAt = (ms: number) => {
    let seq = -1;
    while (seq + 1 < trace.length && trace[seq + 1].atMs <= ms) seq++;
    return seq;
  };
  return { trace, at: (ms: number): World => worldAt(scenario, trace, seqAt(ms)), seqAt };
}

const sends = (trace: readonly TraceEvent[], type: string, from?: string) =>
  trace.filter((e): e is SendEvent => e.kind === 'send' && e.packet.type === type && (!from || e.from === from));

describe('actor names', () => {
  test('say whose machine it is', () => {
    expect(parseActor('sensor')).toEqual({ kind: 'client', client: 'sensor' });
    expect(parseActor('broker/sensor#2')).toEqual({ kind: 'broker-connection', client: 'sensor', conn: 2 });
    expect(parseActor('sensor/out/3')).toEqual({
      kind: 'flow',
      side: 'client',
      client: 'sensor',
      dir: 'out',
      packetId: 3,
    });
    expect(parseActor('broker/app/in/7')).toEqual({
      kind: 'flow',
      side: 'broker',
      client: 'app',
      dir: 'in',
      packetId: 7,
    });
  });

  test('a packet belongs to the flows of its message, sender’s first', () => {
    const pkt = (type: string, from: string, to: string) =>
      ({ from, to, packet: { type, packetId: 4 } }) as unknown as SendEvent;
    expect(flowsOfSend(pkt('PUBLISH', 'sensor', 'broker'))).toEqual(['sensor/out/4', 'broker/sensor/in/4']);
    expect(flowsOfSend(pkt('PUBACK', 'broker', 'sensor'))).toEqual(['sensor/out/4', 'broker/sensor/in/4']);
    expect(flowsOfSend(pkt('PUBREC', 'broker', 'sensor'))).toEqual(['sensor/out/4', 'broker/sensor/in/4']);
    expect(flowsOfSend(pkt('PUBREL', 'sensor', 'broker'))).toEqual(['sensor/out/4', 'broker/sensor/in/4']);
    expect(flowsOfSend(pkt('PUBLISH', 'broker', 'app'))).toEqual(['broker/app/out/4', 'app/in/4']);
    expect(flowsOfSend(pkt('PUBCOMP', 'app', 'broker'))).toEqual(['broker/app/out/4', 'app/in/4']);
    expect(flowsOfSend(pkt('SUBSCRIBE', 'app', 'broker'))).toEqual([]);
    expect(flowsOfSend({ from: 'app', to: 'broker', packet: { type: 'PINGREQ' } } as SendEvent)).toEqual([]);
  });
});

describe('QoS flows from a world', () => {
  test('a QoS 2 message half way: the sender awaits PUBCOMP, the broker holds the id until PUBREL', () => {
    const { at } = run('qos2-losses');
    const world = at(2_300);
    const rows = flowRows(world);
    expect(rows.map((r) => [r.actor, r.machine, r.state, r.topic, r.qos, r.done])).toEqual([
      ['sensor/out/1', 'qos2-sender', 'awaitingPubcomp', 'bank/transfer', 2, false],
      ['broker/sensor/in/1', 'qos2-receiver', 'awaitingPubrel', 'bank/transfer', 2, false],
    ]);
    expect(rows.find((r) => r.actor === 'sensor/out/1')!.retry?.name).toBe('retry');
    const sessions = sessionRows(world, rows);
    expect(sessions.find((s) => s.client === 'sensor')!.awaitingPubrel).toEqual([1]);
    expect(sessions.find((s) => s.client === 'app')!.awaitingPubrel).toEqual([]);
    // Once PUBREL is in, the broker's id is free.
    const later = at(3_200);
    expect(sessionRows(later, flowRows(later)).find((s) => s.client === 'sensor')!.awaitingPubrel).toEqual([]);
  });

  test('a selected packet names its flow; otherwise the latest flow still going is drawn', () => {
    const { trace, at } = run('qos2-losses');
    const world = at(3_300);
    const pubrel = sends(trace, 'PUBREL', 'sensor')[0];
    expect(flowOfSend(world, pubrel)).toBe('sensor/out/1');
    expect(sendOf(trace, pubrel.seq + 0)).toBe(pubrel);
    const arrival = trace.find((e) => e.kind === 'arrive' && e.send === sends(trace, 'PUBLISH', 'broker')[0].seq)!;
    expect(sendOf(trace, arrival.seq)?.packet.type).toBe('PUBLISH');
    expect(focusFlow(world, [{ actor: 'app/in/1' }], trace)).toBe('app/in/1');
    expect(focusFlow(world, [null, { send: pubrel.seq }], trace)).toBe('sensor/out/1');
    expect(focusFlow(world, [null, null], trace)).toBe('broker/app/out/1');
    // choosing a flow selects its latest packet up to the cursor
    const ofSensor = trace.filter(
      (e) => e.kind === 'send' && e.seq <= world.seq && flowsOfSend(e).includes('sensor/out/1'),
    );
    expect(latestSendOf(world, 'sensor/out/1')).toBe(ofSensor.at(-1)!.seq);
    expect(latestSendOf(world, 'broker/sensor/in/1')).toBe(ofSensor.at(-1)!.seq);
    expect(focusFlow(at(100), [null], trace)).toBeUndefined();
  });

  test('each client’s newest broker connection', () => {
    const { at } = run('persistent-session');
    expect(brokerConnections(at(700))).toEqual(
      new Map([
        ['sensor', 'broker/sensor#1'],
        ['app', 'broker/app#2'],
      ]),
    );
    expect(brokerConnections(at(3_000)).get('app')).toBe('broker/app#3');
    expect(connectionOf(at(3_000), 'app')).toBe(3);
  });
});

describe('sessions and retained messages', () => {
  test('a persistent session queues while offline and keeps its subscription', () => {
    const { at } = run('persistent-session');
    const offline = at(2_000);
    const app = sessionRows(offline, flowRows(offline)).find((s) => s.client === 'app')!;
    expect(app).toMatchObject({
      persistent: true,
      connected: false,
      subscriptions: [{ filter: 'orders/#', qos: 2 }],
      queued: ['orders/2', 'orders/3'],
    });
    const back = at(2_560);
    const resumed = sessionRows(back, flowRows(back)).find((s) => s.client === 'app')!;
    expect(resumed.connected).toBe(true);
    expect(resumed.queued).toEqual([]);
    expect(resumed.outbound.map((f) => [f.packetId, f.machine])).toEqual([
      [1, 'qos1-sender'],
      [2, 'qos2-sender'],
    ]);
  });

  test('the retained store', () => {
    const { at } = run('retained');
    expect(retainedRows(at(400))).toEqual([{ topic: 'home/light', payload: 'on', qos: 1 }]);
    expect(retainedRows(at(1_500))).toEqual([{ topic: 'home/light', payload: 'off', qos: 1 }]);
    expect(retainedRows(at(3_000))).toEqual([]);
  });

  test('a will is kept with the session until it is published', () => {
    const { at } = run('keepalive-will');
    const before = at(1_000);
    expect(sessionRows(before, flowRows(before)).find((s) => s.client === 'sensor')!.will).toEqual({
      topic: 'status/sensor',
      qos: 1,
      retain: true,
    });
    const after = at(14_000);
    expect(sessionRows(after, flowRows(after)).find((s) => s.client === 'sensor')?.will ?? null).toBeNull();
  });
});

describe('keepalive countdowns', () => {
  test('the countdown is what is left of the whole length', () => {
    expect(countdown({ startedAtMs: 1_000, dueAtMs: 6_000 }, 2_000)).toEqual({
      leftMs: 4_000,
      totalMs: 5_000,
      fraction: 0.8,
    });
    expect(countdown({ startedAtMs: 1_000, dueAtMs: 6_000 }, 9_000)).toMatchObject({ leftMs: 0, fraction: 0 });
    // Re-armed for the rest of a 7.5 s window: drawn against the whole window.
    expect(countdown({ startedAtMs: 7_550, dueAtMs: 13_550 }, 7_550, 7_500)).toEqual({
      leftMs: 6_000,
      totalMs: 7_500,
      fraction: 0.8,
    });
    expect(countdown({ startedAtMs: 5, dueAtMs: 5 }, 5).fraction).toBe(0);
    expect(keepaliveWindowMs('keepaliveGrace', 10)).toBe(15_000);
    expect(keepaliveWindowMs('keepalive', 10)).toBe(10_000);
    expect(keepaliveWindowMs('pingTimeout', 10)).toBeUndefined();
    expect(keepaliveWindowMs('keepaliveGrace', 0)).toBeUndefined();
  });

  test('the broker allows 1.5 × Keep Alive of silence, counted from the last packet', () => {
    const { trace, at } = run('keepalive-will');
    expect(keepAliveOf(at(1_000), 1)).toBe(5);
    expect(keepAliveOf(worldAt(presetById('keepalive-will')!.scenario, trace, -1), 1)).toBeUndefined();
    const world = at(7_600);
    const [grace] = timersOf(world, 'broker/sensor#1', 7_600, 5);
    expect(grace.name).toBe('keepaliveGrace');
    expect(grace.countdown.totalMs).toBe(7_500);
    expect(grace.countdown.leftMs).toBe(13_550 - 7_600);
    // The PINGREQ sent at 6 s arrived at 6.05 s: the silence is counted from there.
    expect(lastActivityMs(world, 1, 'broker')).toBe(6_050);
    expect(grace.dueAtMs - grace.countdown.totalMs).toBe(6_050);
    const [keepalive] = timersOf(at(6_200), 'sensor', 6_200, 5);
    expect(keepalive.name).toBe('keepalive');
    expect(keepalive.countdown.totalMs).toBe(5_000);
    expect(lastActivityMs(at(6_200), 1, 'client')).toBe(6_000);
  });

  test('a packet sent meanwhile moves the deadline: the countdown runs to the real one, not the next check', () => {
    const scenario = {
      clients: [{ id: 'sensor', keepAliveS: 5 }],
      steps: [
        { atMs: 0, do: 'connect' as const, client: 'sensor' },
        { atMs: 2_000, do: 'publish' as const, client: 'sensor', topic: 't', payload: 'x', qos: 0 as const },
      ],
      untilMs: 9_000,
    };
    const { trace } = simulate(scenario, { seed: 1 });
    const seqAt = (ms: number) => trace.filter((e) => e.atMs <= ms).length - 1;
    const world = worldAt(scenario, trace, seqAt(3_000));
    const last = lastActivityMs(world, 1, 'client');
    expect(last).toBe(2_000);
    // The check set at CONNECT fires at 5 s; the PUBLISH at 2 s means no PINGREQ until 7 s.
    expect(Object.values(world.timers).find((t) => t.actor === 'sensor')?.dueAtMs).toBe(5_000);
    const [keepalive] = timersOf(world, 'sensor', 3_000, 5, last);
    expect(keepalive.dueAtMs).toBe(7_000);
    expect(keepalive.countdown).toMatchObject({ leftMs: 4_000, totalMs: 5_000 });
    // ... and that is when it goes
    expect(sends(trace, 'PINGREQ', 'sensor')[0].atMs).toBe(7_000);
    // Without the last packet, the check's own time.
    expect(timersOf(world, 'sensor', 3_000, 5)[0].countdown.leftMs).toBe(2_000);
  });

  test('numbers for labels', () => {
    expect(seconds(15_000)).toBe('15');
    expect(seconds(14_960)).toBe('15.0');
    expect(seconds(400)).toBe('0.4');
    expect(seconds(123_400)).toBe('123');
    expect(timeText(650)).toBe('0.65');
    expect(timeText(90_050)).toBe('90.05');
    expect(timeText(0)).toBe('0');
  });
});
