import { type TraceEvent, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { presetById } from '../presets.ts';
import { RunModel, actorParts, partyOf, stepParty } from './run-model.ts';

function traceOf(id: string): TraceEvent[] {
  const preset = presetById(id)!;
  return simulate(preset.scenario, { seed: preset.scenario.seed ?? 1 }).trace;
}

describe('the run model', () => {
  test('one arrow per send, each copy with its fate', () => {
    const trace = traceOf('qos1-lost-puback');
    const model = new RunModel();
    model.sync(trace);
    expect(model.arrows.length).toBe(trace.filter((e) => e.kind === 'send').length);
    const puback = model.arrows.find((a) => a.send.packet.type === 'PUBACK' && a.send.to === 'sensor')!;
    expect(puback.copies).toHaveLength(1);
    expect(puback.copies[0].fate).toBe('fault');
    const drop = trace.find((e) => e.kind === 'drop')!;
    expect(puback.copies[0].endSeq).toBe(drop.seq);
    expect(puback.copies[0].endMs).toBe(drop.kind === 'drop' && drop.lostAtMs);
    const connect = model.arrows[0];
    expect(connect.send.packet.type).toBe('CONNECT');
    expect(connect.copies[0]).toMatchObject({ fate: 'arrive', endMs: 50 });
  });

  test('timers run from start to fire or cancel, side by side when they overlap', () => {
    const model = new RunModel();
    model.sync(traceOf('qos1-lost-puback'));
    const retries = model.timers.filter((b) => b.name === 'retry' && b.party === 'sensor');
    expect(retries.map((b) => b.end)).toEqual(['fire', 'cancel']);
    expect(retries[0]).toMatchObject({ startMs: 600, endMs: 1_600, packetId: 1 });
    // the sensor's keepalive runs all along: the retry timer sits beside it
    const keepalive = model.timers.find((b) => b.name === 'keepalive' && b.party === 'sensor')!;
    expect(keepalive.column).toBe(0);
    expect(retries[0].column).toBe(1);
    // broker timers go on the broker's lifeline, naming the client
    const grace = model.timers.find((b) => b.name === 'keepaliveGrace')!;
    expect(grace).toMatchObject({ party: 'broker', client: 'sensor' });
  });

  test('marks: steps on their party, closes on the side that closed, deliveries on the receiver', () => {
    const model = new RunModel();
    model.sync(traceOf('keepalive-will'));
    const kinds = model.marks.map((m) => `${m.kind}@${m.party}`);
    expect(kinds).toContain('step@sensor');
    expect(kinds).toContain('close@broker');
    expect(kinds).toContain('close@sensor');
    expect(kinds).toContain('deliver@app');
    const close = model.marks.find((m) => m.kind === 'close' && m.party === 'broker');
    expect(close?.kind === 'close' && close.event.reason).toBe('keepalive');
    // the sensor was connected from its CONNACK until the connection was given up
    const span = model.connected.find((s) => s.client === 'sensor')!;
    expect(span.startMs).toBe(100);
    expect(span.endMs).toBe(16_000);
  });

  test('reading the trace bit by bit gives the same model as reading it at once', () => {
    const trace = traceOf('qos2-losses');
    const whole = new RunModel();
    whole.sync(trace);
    const growing: TraceEvent[] = [];
    const parts = new RunModel();
    for (let i = 0; i < trace.length; i += 7) {
      growing.push(...trace.slice(i, i + 7));
      parts.sync(growing);
    }
    expect(parts.arrows.map((a) => a.copies)).toEqual(whole.arrows.map((a) => a.copies));
    expect(parts.timers).toEqual(whole.timers);
    expect(parts.marks).toEqual(whole.marks);
    // another run starts over
    const generation = parts.generation;
    parts.sync(traceOf('qos0-lossy'));
    expect(parts.generation).toBe(generation + 1);
    expect(parts.arrows[0].seq).toBe(traceOf('qos0-lossy').find((e) => e.kind === 'send')!.seq);
  });

  test('a streamed run read in slices of at most `limit` events gives the same model', () => {
    const trace = traceOf('qos2-losses');
    const whole = new RunModel();
    whole.sync(trace);
    const sliced = new RunModel();
    while (sliced.sync(trace, 5)) expect(sliced.read).toBeLessThanOrEqual(trace.length);
    expect(sliced.read).toBe(trace.length);
    expect(sliced.arrows).toEqual(whole.arrows);
    expect(sliced.timers).toEqual(whole.timers);
    expect(sliced.marks).toEqual(whole.marks);
    expect(sliced.connected).toEqual(whole.connected);
  });

  test('a lossy duplicate becomes a second copy of the same arrow', () => {
    const model = new RunModel();
    const base = { atMs: 0, from: 'sensor', to: 'broker', conn: 1 } as const;
    const packet = { type: 'PINGREQ' } as const;
    model.sync([
      { ...base, seq: 0, kind: 'send', packet, bytes: new Uint8Array([0xc0, 0]), sentAtMs: 0, expectedAtMs: 50 },
      { ...base, seq: 1, kind: 'duplicate', send: 0 },
      {
        ...base,
        seq: 2,
        atMs: 50,
        kind: 'arrive',
        send: 0,
        packet,
        bytes: new Uint8Array(),
        sentAtMs: 0,
        arriveAtMs: 50,
      },
      {
        ...base,
        seq: 3,
        atMs: 70,
        kind: 'arrive',
        send: 0,
        copy: 1,
        packet,
        bytes: new Uint8Array(),
        sentAtMs: 0,
        arriveAtMs: 70,
      },
    ] as TraceEvent[]);
    expect(model.arrows[0].copies).toEqual([
      { endSeq: 2, endMs: 50, fate: 'arrive' },
      { dupSeq: 1, endSeq: 3, endMs: 70, fate: 'arrive' },
    ]);
    expect(model.arrowIndex.query(60, 65)).toEqual([0]);
  });

  test('a cut cable is an outage from the cut to the restore', () => {
    const model = new RunModel();
    const step = (seq: number, atMs: number, what: 'cut' | 'restore') =>
      ({ seq, atMs, kind: 'step', step: { atMs, do: what, client: 'sensor' } }) as TraceEvent;
    model.sync([step(0, 9_500, 'cut')]);
    expect(model.outages).toEqual([
      { client: 'sensor', startSeq: 0, startMs: 9_500, endSeq: Infinity, endMs: Infinity },
    ]);
    model.sync([step(0, 9_500, 'cut'), step(1, 19_500, 'restore')].slice(0, 2));
    expect(model.outages[0]).toMatchObject({ endSeq: 1, endMs: 19_500 });
  });

  test('actor names', () => {
    expect(partyOf('broker/sensor#1')).toBe('broker');
    expect(partyOf('sensor/out/3')).toBe('sensor');
    expect(actorParts('broker/app/out/12')).toEqual({ client: 'app', packetId: 12 });
    expect(actorParts('broker/sensor#1')).toEqual({ client: 'sensor', packetId: null });
    expect(actorParts('sensor')).toEqual({ client: 'sensor', packetId: null });
    expect(stepParty({ atMs: 0, do: 'fault', fault: 'drop', from: 'broker', packet: 'PUBACK' })).toBe('broker');
  });
});
