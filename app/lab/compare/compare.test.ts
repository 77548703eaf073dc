import { type TraceEvent, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { beatsOf } from '../beats.ts';
import { withActions } from '../timeline.ts';
import { nextBeatTime, nextEventTime, parseSide, readCompareQuery, timelineOf, writeCompareQuery } from './compare.ts';

const traceOf = (spec: string) => {
  const timeline = timelineOf(parseSide(spec)!);
  return simulate(withActions(timeline), { seed: timeline.seed }).trace;
};
const sends = (trace: readonly TraceEvent[]) =>
  trace.flatMap((e) =>
    e.kind === 'send' ? [`${e.from}>${e.to} ${e.packet.type}${'dup' in e.packet && e.packet.dup ? ' DUP' : ''}`] : [],
  );
const drops = (trace: readonly TraceEvent[]) =>
  trace.flatMap((e) =>
    e.kind === 'drop' ? [(trace[e.send] as Extract<TraceEvent, { kind: 'send' }>).packet.type] : [],
  );

describe('the address of a comparison', () => {
  test('reads two sides, each a built-in run as it is or varied', () => {
    const read = readCompareQuery('a=qos1-lost-puback&b=qos1-lost-puback~q2');
    expect(read.a).toEqual({ presetId: 'qos1-lost-puback', variant: null, spec: 'qos1-lost-puback' });
    expect(read.b.variant).toEqual({ kind: 'qos', qos: 2 });
    expect(read.unknown).toEqual([]);
    expect(writeCompareQuery(read)).toBe('a=qos1-lost-puback&b=qos1-lost-puback~q2');
    expect(parseSide('retained~v5')?.variant).toEqual({ kind: 'version', version: 5 });
  });

  test('a side that names nothing gives way to the default, and says so', () => {
    const read = readCompareQuery('a=nope&b=qos1-lost-puback~q7');
    expect(read.unknown).toEqual(['nope', 'qos1-lost-puback~q7']);
    expect(read.a.spec).toBe('qos1-lost-puback');
    expect(read.b.spec).toBe('qos1-lost-puback~q2');
  });
});

describe('the same loss in both runs', () => {
  test('QoS 1 and QoS 2 lose the broker’s first answer to the PUBLISH, on the same network and seed', () => {
    const a = timelineOf(parseSide('qos1-lost-puback')!);
    const b = timelineOf(parseSide('qos1-lost-puback~q2')!);
    expect(b.seed).toBe(a.seed);
    expect(b.scenario.network).toEqual(a.scenario.network);
    expect(b.scenario.transport).toBe(a.scenario.transport);
    expect(drops(traceOf('qos1-lost-puback'))).toEqual(['PUBACK']);
    expect(drops(traceOf('qos1-lost-puback~q2'))).toEqual(['PUBREC']);
  });

  test('where the extra packets go: QoS 2 resends the PUBLISH with DUP, then PUBREL and PUBCOMP follow', () => {
    const qos1 = sends(traceOf('qos1-lost-puback'));
    const qos2 = sends(traceOf('qos1-lost-puback~q2'));
    expect(qos1).toContain('sensor>broker PUBLISH DUP');
    expect(qos2).toContain('sensor>broker PUBLISH DUP');
    for (const type of ['PUBREL', 'PUBCOMP']) {
      expect(qos1.some((s) => s.endsWith(type))).toBe(false);
      expect(qos2.filter((s) => s.endsWith(type)).length).toBe(2); // sensor ↔ broker, broker ↔ app
    }
    expect(qos2.length).toBeGreaterThan(qos1.length);
  });
});

describe('one clock for both runs', () => {
  const at = (...times: number[]) => times.map((atMs, seq) => ({ seq, atMs, kind: 'state' }) as unknown as TraceEvent);
  test('→ and ← go to the nearest event in either run, forwards and backwards', () => {
    const a = at(0, 100, 300);
    const b = at(0, 200, 300);
    expect(nextEventTime([a, b], 0, 1)).toBe(100);
    expect(nextEventTime([a, b], 100, 1)).toBe(200);
    expect(nextEventTime([a, b], 300, 1)).toBeNull();
    expect(nextEventTime([a, b], 300, -1)).toBe(200);
    expect(nextEventTime([a, b], 0, -1)).toBeNull();
  });

  test('PageDown stops at the union of both runs’ story beats (beats.ts), PageUp walks them back', () => {
    const traces = [traceOf('qos1-lost-puback'), traceOf('qos1-lost-puback~q2')];
    const runs = traces.map((trace) => beatsOf(trace));
    const union = [...new Set(runs.flatMap((beats) => beats.map((b) => b.atMs)))].sort((x, y) => x - y);
    // the compare page opens at 0 s, showing what happens at 0 s: its first press goes past it
    const forwards: number[] = [];
    for (let t: number | null = 0; t !== null; t = nextBeatTime(runs, t, 1)) forwards.push(t);
    expect(forwards).toEqual(union[0] === 0 ? union : [0, ...union]);
    const backwards: number[] = [];
    for (let t: number | null = union.at(-1)!; t !== null; t = nextBeatTime(runs, t, -1)) backwards.push(t);
    expect(backwards).toEqual([...forwards].reverse());
    // the moments the comparison is about are stops: each run's lost answer and its DUP resend
    for (const [i, lost] of [
      [0, 'PUBACK'],
      [1, 'PUBREC'],
    ] as const) {
      const beat = runs[i].find((b) => b.moments.some((m) => m.kind === 'lost'));
      const drop = traces[i][beat!.moments.find((m) => m.kind === 'lost')!.seq];
      expect(drop.kind === 'drop' && traces[i][drop.send]).toMatchObject({ packet: { type: lost } });
      expect(forwards).toContain(beat!.atMs);
      expect(forwards).toContain(runs[i].find((b) => b.moments.some((m) => m.kind === 'resend'))!.atMs);
    }
    // a loss is a stop where its × is drawn, which is no event's time: the old rule (event times) missed it
    const eventTimes = new Set(traces.flat().map((e) => e.atMs));
    const lossStops = runs.flatMap((beats) => beats.filter((b) => b.headline.kind === 'lost').map((b) => b.atMs));
    expect(lossStops.some((t) => !eventTimes.has(t))).toBe(true);
  });
});
