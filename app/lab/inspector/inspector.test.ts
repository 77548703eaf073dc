import { MqttError, type SendEvent, type TraceEvent, decode, encode, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { decodeStream } from '../../explainer/decode-stream.ts';
import {
  editableFields,
  encodeRemainingLength,
  fateOf,
  findSpan,
  mqttString,
  publishFlags,
  readRemainingLength,
  replaceRange,
  u16,
  withBits,
} from './inspector.ts';
import { presetById } from '../presets.ts';

function run(id: string) {
  const scenario = presetById(id)!.scenario;
  return simulate(scenario, { seed: scenario.seed ?? 1 }).trace;
}

const sends = (trace: readonly TraceEvent[], type: string, from?: string) =>
  trace.filter((e): e is SendEvent => e.kind === 'send' && e.packet.type === type && (!from || e.from === from));

describe('what became of a packet', () => {
  const trace = run('qos1-lost-puback');
  const end = trace.length - 1;
  const [first, again] = sends(trace, 'PUBLISH', 'sensor');
  const [lostAck] = sends(trace, 'PUBACK', 'broker');

  test('a PUBLISH that arrived, then was sent again with DUP = 1', () => {
    const fate = fateOf(trace, first, end);
    expect(fate.arrivals).toEqual([{ atMs: 650, copy: false }]);
    expect(fate.pending).toBe(false);
    expect(fate.drop).toBeUndefined();
    expect(fate.resends.map((s) => [s.seq, s.atMs])).toEqual([[again.seq, 1_600]]);
    expect(fate.original).toBeUndefined();
  });

  test('the resend knows the PUBLISH it repeats', () => {
    expect(again.packet.type === 'PUBLISH' && again.packet.dup).toBe(true);
    const fate = fateOf(trace, again, end);
    expect(fate.original?.seq).toBe(first.seq);
    expect(fate.resends).toEqual([]);
  });

  test('the PUBACK that was dropped', () => {
    expect(fateOf(trace, lostAck, end)).toMatchObject({
      arrivals: [],
      pending: false,
      drop: { reason: 'fault', lostAtMs: 675 },
    });
  });

  test('only as far as the cursor: before it arrives it is on its way', () => {
    const fate = fateOf(trace, first, first.seq + 1);
    expect(fate).toMatchObject({ arrivals: [], pending: true, expectedAtMs: 650, resends: [] });
  });

  test('a new message reusing a packet id is not a resend', () => {
    const retained = run('retained');
    const publishes = sends(retained, 'PUBLISH', 'sensor');
    expect(publishes.length).toBeGreaterThan(1);
    expect(fateOf(retained, publishes[0], retained.length - 1).resends).toEqual([]);
  });
});

describe('scratch edits', () => {
  const publish = encode({
    type: 'PUBLISH',
    topic: 'home/door',
    payload: new TextEncoder().encode('open'),
    qos: 1,
    packetId: 1,
    dup: false,
    retain: false,
  });

  test('the Remaining Length reads and writes as a varint', () => {
    for (const n of [0, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455]) {
      const bytes = Uint8Array.from([0x30, ...encodeRemainingLength(n)]);
      expect(readRemainingLength(bytes)).toEqual({ value: n, size: bytes.length - 1 });
    }
    expect(readRemainingLength(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0xff))).toBeUndefined();
    expect(readRemainingLength(Uint8Array.of(0x30))).toBeUndefined();
  });

  test('QoS bits set to 3 break the rule that names it', () => {
    const edited = withBits(publish, 0, 0x06, 3);
    expect(edited[0]).toBe(0x36);
    expect(publish[0]).toBe(0x32); // the original is untouched
    expect(() => decode(edited, 4)).toThrow(MqttError);
    const [result] = decodeStream(edited, 4, 1).packets;
    expect(result.failure).toMatchObject({ code: 'qos-3', rule: 'MQTT-3.3.1-4', offset: 0 });
  });

  test('DUP and RETAIN bits', () => {
    expect(publishFlags(withBits(publish, 0, 0x08, 1)[0])).toEqual({ dup: true, qos: 1, retain: false });
    expect(publishFlags(withBits(publish, 0, 0x01, 1)[0])).toEqual({ dup: false, qos: 1, retain: true });
  });

  test('a longer topic re-encodes the Remaining Length; a wildcard breaks its rule', () => {
    const spans = decode(publish, 4, { spans: true }).spans!;
    const fields = editableFields(spans, 'PUBLISH');
    expect(fields.publishFlags).toBe(true);
    const topic = fields.topic!;
    const longer = replaceRange(publish, topic.start, topic.end, mqttString('home/front-door'))!;
    expect(decode(longer, 4).packet).toMatchObject({ topic: 'home/front-door', packetId: 1, qos: 1 });
    const big = replaceRange(publish, topic.start, topic.end, mqttString('x'.repeat(200)))!;
    expect(readRemainingLength(big)).toEqual({ value: 2 + 200 + 2 + 4, size: 2 });
    expect(decode(big, 4).packet).toMatchObject({ topic: 'x'.repeat(200) });
    const wild = replaceRange(publish, topic.start, topic.end, mqttString('home/+'))!;
    expect(decodeStream(wild, 4, 1).packets[0].failure).toMatchObject({ rule: 'MQTT-3.3.2-2' });
  });

  test('the packet id, including the forbidden 0', () => {
    const span = findSpan(decode(publish, 4, { spans: true }).spans!, 'field.packetId')!;
    const seven = replaceRange(publish, span.start, span.end, u16(7))!;
    expect(decode(seven, 4).packet).toMatchObject({ packetId: 7 });
    const zero = replaceRange(publish, span.start, span.end, u16(0))!;
    expect(decodeStream(zero, 4, 1).packets[0].failure?.rule).toBeDefined();
  });

  test('an edit that cannot keep the Remaining Length right gives nothing', () => {
    expect(replaceRange(publish, 0, 1, Uint8Array.of(1))).toBeUndefined();
    expect(replaceRange(Uint8Array.of(0x30, 0xff), 2, 2, Uint8Array.of(1))).toBeUndefined();
  });

  test('a PUBACK has a packet id but no topic or PUBLISH flags', () => {
    const puback = encode({ type: 'PUBACK', packetId: 3 });
    const fields = editableFields(decode(puback, 4, { spans: true }).spans!, 'PUBACK');
    expect(fields.publishFlags).toBe(false);
    expect(fields.topic).toBeUndefined();
    expect(fields.packetId).toMatchObject({ start: 2, end: 4 });
  });
});
